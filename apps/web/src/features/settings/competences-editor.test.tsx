import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Client } from 'urql';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import type { ResultOf } from '../../app/graphql';
import { loadMessages } from '../../app/i18n';
import { I18nProvider } from '../../app/i18n-provider';
import { CompetencesEditor } from './competences-editor';
import type { EditableProfileFields, EditProfileQuery } from './settings.queries';

type Profile = ResultOf<typeof EditableProfileFields>;

const areas = [
  {
    id: 'A1',
    key: 'fundraising',
    label: 'Fundraising',
    skills: [
      { id: 'S1', key: 'crowdfunding', label: 'Crowdfunding' },
      { id: 'S2', key: 'grant-writing', label: 'Grant writing' },
    ],
  },
  { id: 'A2', key: 'people', label: 'People', skills: [{ id: 'S3', key: 'youth', label: 'Youth work' }] },
] as unknown as ResultOf<typeof EditProfileQuery>['skillAreas'];

const competence = (id: string, label: string, endorsementCount: number) => ({
  level: 'EXPERT' as const,
  evidenceNote: null,
  endorsementCount,
  skill: { id, key: id, label },
  evidence: [{ __typename: 'Practice' as const, id: `P-${id}` }],
});

const profile = { id: 'CP1', competences: [competence('S1', 'Crowdfunding', 3), competence('S3', 'Youth work', 0)] } as unknown as Profile;

function fakeClient() {
  const sent: unknown[] = [];
  const client = {
    executeQuery: vi.fn(),
    executeMutation: vi.fn((operation: { variables: { input: unknown } }) => {
      sent.push(operation.variables.input);
      return fromValue({ data: { setCompetences: { profile: null, userErrors: [{ code: 'INVALID', field: ['input', 'competences', '1', 'skillId'], message: 'merged' }] } }, stale: false, hasNext: false });
    }),
    executeSubscription: vi.fn(),
  };
  return { client: client as unknown as Client, sent };
}

async function renderEditor(client: Client) {
  render(
    <Provider value={client}>
      <I18nProvider lang="en" messages={await loadMessages('en')}>
        <CompetencesEditor profile={profile} areas={areas} />
      </I18nProvider>
    </Provider>,
  );
}

describe('the competences editor', () => {
  it('shows each competence with its endorsements and evidence, and refuses a skill listed twice without sending', async () => {
    const { client, sent } = fakeClient();
    await renderEditor(client);
    const first = screen.getByRole('group', { name: 'Crowdfunding' });
    expect(within(first).getByText(/Endorsed by 3 people/)).toBeInTheDocument();
    expect(within(first).getByText(/one item shows it/)).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add a competence' }));
    const added = screen.getByRole('group', { name: 'Competence 3' });
    const select = within(added).getByLabelText('Competence');
    expect(select).toHaveFocus();
    await user.selectOptions(select, 'S1');
    await user.click(screen.getByRole('button', { name: 'Save the competences' }));
    expect(select).toHaveAttribute('aria-invalid', 'true');
    expect(select).toHaveAccessibleDescription('This competence is already in the list.');
    expect(sent).toEqual([]);
  });

  it('moves a competence up, keeping its evidence, and places the API’s error on its row', async () => {
    const { client, sent } = fakeClient();
    await renderEditor(client);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Move up Youth work' }));
    expect(screen.getByText('Youth work is now in place 1: save to confirm.')).toBeInTheDocument();
    expect([...document.querySelectorAll('fieldset.competence-row > legend')].map((legend) => legend.textContent)).toEqual(['Youth work', 'Crowdfunding']);
    expect(screen.getByRole('button', { name: 'Move down Youth work' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Save the competences' }));
    expect(sent).toEqual([
      {
        competences: [
          { skillId: 'S3', level: 'EXPERT', evidenceNote: null, evidenceIds: ['P-S3'] },
          { skillId: 'S1', level: 'EXPERT', evidenceNote: null, evidenceIds: ['P-S1'] },
        ],
      },
    ]);
    expect(within(screen.getByRole('group', { name: 'Crowdfunding' })).getByLabelText('Competence')).toHaveAccessibleDescription('Not a valid value.');
  });
});
