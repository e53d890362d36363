import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Client } from 'urql';
import { Provider } from 'urql';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { I18nProvider } from '../../app/i18n-provider';
import { loadMessages } from '../../app/i18n';
import type { EditablePractice } from './editor-state';
import { PracticeEditor } from './practice-editor';

const section = (markdown: string) => ({ markdown });

const practice: EditablePractice = {
  id: 'UHJhY3RpY2U6MQ==',
  slug: 'orti',
  kind: 'PRACTICE',
  status: 'DRAFT',
  title: 'Orti condivisi',
  summary: 'Orti tra generazioni.',
  version: 2,
  tags: [],
  reviewComment: 'Aggiungete i numeri.',
  updatedAt: '2026-12-03T09:42:00.000Z',
  community: { id: 'Q29tbXVuaXR5OjE=', slug: 'anziani', name: 'Anziani e comunità' },
  territories: [],
  need: section('Solitudine'),
  approach: section(''),
  resources: section(''),
  results: section(''),
  difficulties: section(''),
  transferability: section(''),
  viewerCanEdit: true,
  viewerCanSubmit: true,
};

interface Sent {
  name: string;
  input: Record<string, unknown>;
}

function fakeClient(answers: Record<string, (input: Record<string, unknown>) => unknown>) {
  const sent: Sent[] = [];
  const client = {
    executeQuery: vi.fn(() => fromValue({ data: undefined, stale: false, hasNext: false })),
    executeMutation: vi.fn((operation: { query: { definitions: { name?: { value: string } }[] }; variables: { input: Record<string, unknown> } }) => {
      const name = operation.query.definitions.find((definition) => definition.name)?.name?.value ?? '';
      sent.push({ name, input: operation.variables.input });
      return fromValue({ data: answers[name]?.(operation.variables.input), stale: false, hasNext: false });
    }),
    executeSubscription: vi.fn(),
  };
  return { client: client as unknown as Client, sent };
}

const saved = (input: Record<string, unknown>) => ({
  updatePractice: {
    practice: { id: practice.id, version: (input['version'] as number) + 1, updatedAt: '2026-12-03T09:45:00.000Z', tags: [], territories: [] },
    userErrors: [],
  },
});

async function renderEditor(client: Client) {
  render(
    <Provider value={client}>
      <I18nProvider lang="en" messages={await loadMessages('en')}>
        <MemoryRouter initialEntries={['/practices/orti/edit']}>
          <PracticeEditor practice={practice} />
        </MemoryRouter>
      </I18nProvider>
    </Provider>,
  );
}

describe('PracticeEditor', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => vi.useRealTimers());

  it('labels each section in the practice’s order with its hint, marks those required for review, and shows the reviewers’ comment', async () => {
    const { client } = fakeClient({});
    await renderEditor(client);
    const labels = screen.getAllByRole('textbox').map((box) => box.getAttribute('id'));
    expect(labels).toEqual([
      'practice-title',
      'practice-summary',
      'practice-need',
      'practice-approach',
      'practice-resources',
      'practice-results',
      'practice-difficulties',
      'practice-transferability',
      'practice-tags',
    ]);
    expect(screen.getByRole('searchbox', { name: 'Find a territory' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'The need (required for review)' })).toHaveAccessibleDescription(
      'The need or problem addressed, and for whom. Markdown.',
    );
    expect(screen.getByRole('textbox', { name: 'Difficulties met' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Returned by its reviewers with this comment' })).toHaveTextContent('Aggiungete i numeri.');
  });

  it('saves two seconds after typing stops, naming the version, and says when', async () => {
    const { client, sent } = fakeClient({ UpdatePractice: saved });
    await renderEditor(client);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.type(screen.getByRole('textbox', { name: /^The approach/ }), 'Un patto');
    expect(screen.getByText('Changes not saved yet')).toBeInTheDocument();
    expect(sent).toEqual([]);
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(sent).toEqual([{ name: 'UpdatePractice', input: { practiceId: practice.id, version: 2, approach: 'Un patto' } }]);
    expect(screen.getByText(/^Saved at \d{2}:\d{2}$/)).toBeInTheDocument();
    expect(localStorage.length).toBe(0);
  });

  it('keeps the text on the device and says so when the save is refused', async () => {
    const { client } = fakeClient({
      UpdatePractice: () => ({ updatePractice: { practice: null, userErrors: [{ code: 'TOO_SHORT', field: ['input', 'title'], message: 'A title has 3 to 120 characters.' }] } }),
    });
    await renderEditor(client);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const title = screen.getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Or');
    await user.tab();
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByText('Not saved: correct the marked fields.')).toBeInTheDocument();
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(JSON.parse(localStorage.getItem(`bottega.practice-editor.${practice.id}`) ?? 'null')).toEqual({ version: 2, unsaved: { title: 'Or' } });
  });

  it('lists the required sections still empty when submitted, each a link to its field', async () => {
    const { client, sent } = fakeClient({
      SubmitPractice: () => ({
        submitPracticeForReview: {
          practice: null,
          userErrors: [
            { code: 'REQUIRED', field: ['practice', 'approach'], message: 'Write the “approach” section before submitting.' },
            { code: 'REQUIRED', field: ['practice', 'results'], message: 'Write the “results” section before submitting.' },
          ],
        },
      }),
    });
    await renderEditor(client);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(screen.getByRole('button', { name: 'Submit for review' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('2 required parts are still empty:');
    expect(within(alert).getByRole('link', { name: 'The approach' })).toHaveAttribute('href', '#practice-approach');
    expect(within(alert).getByRole('link', { name: 'Results and evidence' })).toHaveAttribute('href', '#practice-results');
    expect(screen.getByRole('textbox', { name: /^Results and evidence/ })).toHaveAttribute('aria-invalid', 'true');
    expect(sent.map((one) => one.name)).toEqual(['SubmitPractice']);
  });
});
