import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider, type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { I18nProvider } from '../../app/i18n-provider';
import { loadMessages, type Lang } from '../../app/i18n';
import { InviteForm, inviteSchema } from './invite-form';

type Person = { id: string; handle: string; displayName: string } | null;

function fakeClient(person: Person, userErrors: { code: string; field: string[]; message: string }[] = []) {
  const lookups: unknown[] = [];
  const invitations: unknown[] = [];
  const client = {
    query: vi.fn((_query: unknown, variables: unknown) => {
      lookups.push(variables);
      return { toPromise: () => Promise.resolve({ data: { user: person } }) };
    }),
    executeMutation: vi.fn((operation: { variables: { input: unknown } }) => {
      invitations.push(operation.variables.input);
      return fromValue({ data: { inviteToCommunity: { community: userErrors.length ? null : { id: 'Q29tbXVuaXR5OjQ=' }, userErrors } }, stale: false, hasNext: false });
    }),
  };
  return { client: client as unknown as Client, lookups, invitations };
}

const community = { id: 'Q29tbXVuaXR5OjQ=', name: 'Coordinamento living lab', visibility: 'PRIVATE' as const };

async function renderForm(client: Client, lang: Lang = 'en') {
  const onInvited = vi.fn();
  render(
    <Provider value={client}>
      <I18nProvider lang={lang} messages={await loadMessages(lang)}>
        <InviteForm community={community} onInvited={onInvited} />
      </I18nProvider>
    </Provider>,
  );
  return onInvited;
}

describe('the invitation form', () => {
  it('takes a handle with or without the @, and refuses what cannot be one', () => {
    expect(inviteSchema.parse({ handle: '  @anna-ricci ' })).toEqual({ handle: 'anna-ricci' });
    expect(inviteSchema.safeParse({ handle: '' }).error?.issues[0]?.message).toBe('communities.invite.handle.required');
    expect(inviteSchema.safeParse({ handle: 'anna ricci' }).error?.issues[0]?.message).toBe('communities.invite.handle.invalid');
    expect(inviteSchema.safeParse({ handle: '@' }).error?.issues[0]?.message).toBe('communities.invite.handle.invalid');
  });

  it('says what is missing next to the field, and asks nothing of the API', async () => {
    const { client, lookups } = fakeClient(null);
    await renderForm(client);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Invite' }));
    const field = screen.getByLabelText('Their @handle');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/Write the @handle of the person to invite\./);
    expect(lookups).toEqual([]);
  });

  it('looks the person up, invites them, announces it and empties the field', async () => {
    const { client, lookups, invitations } = fakeClient({ id: 'VXNlcjo5', handle: 'anna-ricci', displayName: 'Anna Ricci' });
    const onInvited = await renderForm(client);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Their @handle'), '@Anna-Ricci');
    await user.keyboard('{Enter}');
    expect(lookups).toEqual([{ handle: 'Anna-Ricci' }]);
    expect(invitations).toEqual([{ communityId: community.id, userId: 'VXNlcjo5' }]);
    expect(onInvited).toHaveBeenCalledWith('Anna Ricci (@anna-ricci) is invited to Coordinamento living lab: they can now see it and join.');
    expect(screen.getByLabelText('Their @handle')).toHaveValue('');
  });

  it('says so by the field when nobody has the handle', async () => {
    const { client, invitations } = fakeClient(null);
    const onInvited = await renderForm(client, 'it');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Il suo @nome utente'), 'nessuno');
    await user.click(screen.getByRole('button', { name: 'Invita' }));
    expect(screen.getByLabelText('Il suo @nome utente')).toHaveAccessibleDescription(/Nessuno su Bottega ha questo nome utente\./);
    expect(invitations).toEqual([]);
    expect(onInvited).not.toHaveBeenCalled();
  });

  it('places the API’s refusal of a member next to the field', async () => {
    const { client } = fakeClient({ id: 'VXNlcjo1', handle: 'elena-ferri', displayName: 'Elena Ferri' }, [
      { code: 'INVALID_STATE', field: ['input', 'userId'], message: 'This person is already a member.' },
    ]);
    const onInvited = await renderForm(client);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Their @handle'), 'elena-ferri');
    await user.click(screen.getByRole('button', { name: 'Invite' }));
    expect(screen.getByLabelText('Their @handle')).toHaveAccessibleDescription(/This person is already a member\./);
    expect(onInvited).not.toHaveBeenCalled();
  });
});
