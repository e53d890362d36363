import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Client } from 'urql';
import { Provider } from 'urql';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { I18nProvider } from '../app/i18n-provider';
import { loadMessages } from '../app/i18n';
import type { SessionState } from '../features/session/browser-session';
import { FollowButton, tagKey } from './follow-button';

let sessionState: SessionState = { status: 'anonymous', ended: false, offline: false };
vi.mock('../features/session/session-context', () => ({ useSessionState: () => sessionState }));

interface Follow {
  type: string;
  subjectId: string | null;
  tag: string | null;
  createdAt: string;
}

function fakeClient(follows: Follow[], answer: { following: boolean; userErrors: unknown[] } | null) {
  const mutations: { name: string; input: unknown }[] = [];
  const client = {
    executeQuery: vi.fn(() => fromValue({ data: { follows: { totalCount: follows.length, nodes: follows } }, stale: false, hasNext: false })),
    executeMutation: vi.fn((operation: { query: { definitions: { name?: { value: string } }[] }; variables: { input: unknown } }) => {
      const name = operation.query.definitions[0]?.name?.value ?? '';
      mutations.push({ name, input: operation.variables.input });
      const field = name === 'Follow' ? 'follow' : 'unfollow';
      return fromValue({ data: { [field]: answer }, stale: false, hasNext: false });
    }),
    executeSubscription: vi.fn(),
  };
  return { client: client as unknown as Client, mutations };
}

async function renderButton(client: Client, props: Parameters<typeof FollowButton>[0], path = '/territories/toscana?tab=practices') {
  render(
    <Provider value={client}>
      <I18nProvider lang="en" messages={await loadMessages('en')}>
        <MemoryRouter initialEntries={[path]}>
          <FollowButton {...props} />
        </MemoryRouter>
      </I18nProvider>
    </Provider>,
  );
}

const signedIn: SessionState = { status: 'signedIn', viewer: { id: 'VXNlcjox', handle: 'marco', displayName: 'Marco' } };

describe('FollowButton', () => {
  beforeEach(() => {
    sessionState = { status: 'anonymous', ended: false, offline: false };
  });

  it('offers a signed-out reader a link to sign in and come back', async () => {
    const { client } = fakeClient([], null);
    await renderButton(client, { subject: { subjectId: 'VGVycml0b3J5OjE=' }, name: 'Toscana' });
    const link = screen.getByRole('link', { name: 'Sign in to follow Toscana' });
    expect(link).toHaveAttribute('href', '/sign-in?next=%2Fterritories%2Ftoscana%3Ftab%3Dpractices');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows the state from the viewer’s follows, follows on press and announces it', async () => {
    sessionState = signedIn;
    const { client, mutations } = fakeClient([], { following: true, userErrors: [] });
    await renderButton(client, { subject: { subjectId: 'VGVycml0b3J5OjE=' }, name: 'Toscana' });
    const button = screen.getByRole('button', { name: 'Follow Toscana' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await userEvent.setup().click(button);
    expect(mutations).toEqual([{ name: 'Follow', input: { subjectId: 'VGVycml0b3J5OjE=' } }]);
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(/You now follow Toscana/)).toHaveAttribute('aria-live', 'polite');
  });

  it('recognises a followed tag by the API’s key and unfollows it', async () => {
    sessionState = signedIn;
    const { client, mutations } = fakeClient([{ type: 'TAG', subjectId: null, tag: 'orti-urbani', createdAt: '2026-01-01T00:00:00Z' }], {
      following: false,
      userErrors: [],
    });
    await renderButton(client, { subject: { tag: 'Orti urbani' }, name: '#Orti urbani' });
    const button = screen.getByRole('button', { name: 'Follow #Orti urbani' });
    expect(button).toHaveAttribute('aria-pressed', 'true');
    await userEvent.setup().click(button);
    expect(mutations).toEqual([{ name: 'Unfollow', input: { tag: 'Orti urbani' } }]);
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByText('You no longer follow #Orti urbani.')).toBeInTheDocument();
  });

  it('keeps the state and says so when the API refuses', async () => {
    sessionState = signedIn;
    const { client } = fakeClient([], { following: false, userErrors: [{ code: 'INVALID', field: ['input', 'tag'], message: 'short' }] });
    await renderButton(client, { subject: { tag: 'x' }, name: 'x', following: false });
    const button = screen.getByRole('button', { name: 'Follow x' });
    await userEvent.setup().click(button);
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('alert')).toHaveTextContent('That did not work: try again.');
  });

  it('keys tags as the API does', () => {
    expect(tagKey(' Città Sostenibile! ')).toBe('citta-sostenibile');
  });
});
