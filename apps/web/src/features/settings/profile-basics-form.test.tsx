import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Client } from 'urql';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { loadMessages } from '../../app/i18n';
import { I18nProvider } from '../../app/i18n-provider';
import { ProfileBasicsForm } from './profile-basics-form';

type Answer = Record<string, unknown>;

function fakeClient(answers: Record<string, Answer>) {
  const sent: { name: string; input: unknown }[] = [];
  const client = {
    executeQuery: vi.fn(() => fromValue({ data: { territories: { nodes: [] } }, stale: false, hasNext: false })),
    executeMutation: vi.fn((operation: { query: { definitions: { name?: { value: string } }[] }; variables: { input: unknown } }) => {
      const name = operation.query.definitions.find((definition) => definition.name)?.name?.value ?? '';
      sent.push({ name, input: operation.variables.input });
      return fromValue({ data: answers[name], stale: false, hasNext: false });
    }),
    executeSubscription: vi.fn(),
  };
  return { client: client as unknown as Client, sent };
}

async function renderForm(client: Client) {
  render(
    <Provider value={client}>
      <I18nProvider lang="en" messages={await loadMessages('en')}>
        <ProfileBasicsForm profile={null} displayName="Anna Ricci" />
      </I18nProvider>
    </Provider>,
  );
}

const profile = (visibility: string, availability: string) => ({
  __typename: 'CompetenceProfile',
  id: 'Q29tcGV0ZW5jZVByb2ZpbGU6MQ==',
  displayName: 'Anna Ricci',
  bio: '',
  bioHtml: '',
  avatarUrl: null,
  languages: ['it'],
  visibility,
  availability,
  viewerCanEdit: true,
  organization: null,
  territories: [],
  competences: [],
});

describe('the profile form', () => {
  it('shows its own checks next to each field, tied to it, and sends nothing', async () => {
    const { client, sent } = fakeClient({});
    await renderForm(client);
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Name shown to others'));
    await user.type(screen.getByLabelText('Name shown to others'), 'A');
    await user.type(screen.getByLabelText('Address of your picture'), 'http://example.org/a.jpg');
    await user.click(screen.getByRole('button', { name: 'Save the profile' }));
    const name = screen.getByLabelText('Name shown to others');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/The name has at least 2 characters\./);
    expect(screen.getByLabelText('Address of your picture')).toHaveAccessibleDescription(/Write an address starting with https:\/\/\./);
    expect(name).toHaveFocus();
    expect(sent).toEqual([]);
  });

  it('places the API’s user errors next to the fields they name', async () => {
    const { client, sent } = fakeClient({
      UpdateProfile: {
        updateProfile: {
          profile: null,
          userErrors: [
            { code: 'INVALID', field: ['input', 'languages', '0'], message: 'A language is named by its ISO 639-1 code.' },
            { code: 'TOO_SHORT', field: ['input', 'organization', 'name'], message: 'Too short.' },
          ],
        },
      },
    });
    await renderForm(client);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Languages you work in'), 'xx');
    await user.type(screen.getByLabelText('Organisation'), 'Coop');
    await user.click(screen.getByRole('button', { name: 'Save the profile' }));
    expect(sent.map((request) => request.name)).toEqual(['UpdateProfile']);
    expect(screen.getByLabelText('Languages you work in')).toHaveAccessibleDescription(/Not a valid value\./);
    expect(screen.getByLabelText('Organisation')).toHaveAccessibleDescription(/Too short\./);
    expect(screen.getByLabelText('Languages you work in')).toHaveFocus();
  });

  it('saves the basics, then who sees the profile and the availability when they changed', async () => {
    const { client, sent } = fakeClient({
      UpdateProfile: { updateProfile: { profile: profile('MEMBERS_ONLY', 'NOT_AVAILABLE'), userErrors: [] } },
      SetProfileVisibility: { setProfileVisibility: { profile: { __typename: 'CompetenceProfile', id: '1', visibility: 'PUBLIC' }, userErrors: [] } },
      SetAvailability: { setAvailability: { profile: { __typename: 'CompetenceProfile', id: '1', availability: 'MENTORING' }, userErrors: [] } },
    });
    await renderForm(client);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Everyone'));
    await user.click(screen.getByLabelText('Available to mentor others'));
    await user.click(screen.getByRole('button', { name: 'Save the profile' }));
    expect(sent).toEqual([
      {
        name: 'UpdateProfile',
        input: { displayName: 'Anna Ricci', bio: '', avatarUrl: '', organization: null, languages: [], territoryIds: [] },
      },
      { name: 'SetProfileVisibility', input: { visibility: 'PUBLIC' } },
      { name: 'SetAvailability', input: { availability: 'MENTORING' } },
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('Profile saved.');
  });
});
