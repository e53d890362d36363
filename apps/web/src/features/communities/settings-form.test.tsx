import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider, type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { I18nProvider } from '../../app/i18n-provider';
import { loadMessages } from '../../app/i18n';
import { SettingsForm, type SettingsCommunity } from './settings-form';
import { settingsSchema } from './settings-schema';

const community: SettingsCommunity = {
  id: 'Q29tbXVuaXR5OjE=',
  name: 'Anziani e comunità',
  description: 'Older people living alone.',
  visibility: 'PUBLIC',
};

function fakeClient(userErrors: { code: string; field: string[]; message: string }[] = []) {
  const updates: unknown[] = [];
  const client = {
    executeMutation: vi.fn((operation: { variables: { input: Record<string, unknown> } }) => {
      updates.push(operation.variables.input);
      const saved = userErrors.length
        ? null
        : { ...community, ...operation.variables.input, slug: 'anziani-e-comunita', memberCount: 3, viewerRole: 'COORDINATOR', viewerCanJoin: false, viewerCanModerate: true };
      return fromValue({ data: { updateCommunity: { community: saved, userErrors } }, stale: false, hasNext: false });
    }),
  };
  return { client: client as unknown as Client, updates };
}

async function renderForm(client: Client) {
  const onSaved = vi.fn();
  render(
    <Provider value={client}>
      <I18nProvider lang="en" messages={await loadMessages('en')}>
        <SettingsForm community={community} onSaved={onSaved} />
      </I18nProvider>
    </Provider>,
  );
  return onSaved;
}

describe('the community settings form', () => {
  it('validates name, description and a confirmed change of audience', () => {
    const schema = settingsSchema('PUBLIC');
    const valid = { name: 'Anziani', description: '', visibility: 'PUBLIC' as const, confirmVisibility: false };
    expect(schema.safeParse(valid).success).toBe(true);
    expect(schema.safeParse({ ...valid, name: ' ab ' }).error?.issues[0]?.message).toBe('communities.settings.name.tooShort');
    expect(schema.safeParse({ ...valid, name: 'x'.repeat(81) }).error?.issues[0]?.message).toBe('communities.settings.name.tooLong');
    expect(schema.safeParse({ ...valid, description: 'x'.repeat(2001) }).error?.issues[0]?.message).toBe('communities.settings.description.tooLong');
    expect(schema.safeParse({ ...valid, visibility: 'PRIVATE' }).error?.issues[0]).toMatchObject({
      message: 'communities.settings.confirm.required',
      path: ['confirmVisibility'],
    });
    expect(schema.safeParse({ ...valid, visibility: 'PRIVATE', confirmVisibility: true }).success).toBe(true);
  });

  it('ties a too short name to its field and sends nothing', async () => {
    const { client, updates } = fakeClient();
    await renderForm(client);
    const user = userEvent.setup();
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'ab');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('A name has at least 3 characters.');
    expect(updates).toEqual([]);
  });

  it('says what a new audience does before it is saved, and wants it confirmed', async () => {
    const { client, updates } = fakeClient();
    const onSaved = await renderForm(client);
    const user = userEvent.setup();
    expect(screen.queryByRole('checkbox')).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Private, by invitation' }));
    expect(screen.getByText(/only members and Bottega's moderators will know it exists/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const confirm = screen.getByRole('checkbox', { name: 'I understand what changing who reads it does' });
    expect(confirm).toHaveAccessibleDescription(/Confirm that you understand/);
    expect(updates).toEqual([]);
    await user.click(confirm);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(updates).toEqual([{ id: community.id, name: community.name, description: community.description, visibility: 'PRIVATE' }]);
    expect(onSaved).toHaveBeenCalledWith('Saved: Anziani e comunità.');
  });

  it('leaves the audience out when it does not change, and places the API’s errors by their fields', async () => {
    const { client, updates } = fakeClient([{ code: 'TOO_LONG', field: ['input', 'name'], message: 'A name has 3 to 80 characters.' }]);
    const onSaved = await renderForm(client);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));
    expect(updates).toEqual([{ id: community.id, name: community.name, description: community.description }]);
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(onSaved).not.toHaveBeenCalled();
  });
});
