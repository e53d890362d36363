import { UserFactory } from '@bottega/identity/testing';
import { startTestApp, type TestApp } from '@bottega/testing';
import { DirectoryFactory } from '../src/testing';

const CREATE = `
  mutation Create($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      organization { id name kind website description territory { code } viewerCanEdit }
      userErrors { field code message }
    }
  }`;
const UPDATE = `
  mutation Update($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      organization { id name kind website territory { code } }
      userErrors { field code }
    }
  }`;

describe('organizations', () => {
  let t: TestApp;
  let users: UserFactory;
  let directory: DirectoryFactory;
  let admin: { accessToken: string };
  let milano: { globalId: string };
  beforeAll(async () => {
    t = await startTestApp();
    users = new UserFactory(t.app);
    directory = new DirectoryFactory(t.db);
    admin = await users.admin().create();
    milano = await directory.territory('IT-MI');
  });
  afterAll(() => t.close());

  const count = async () => Number((await t.db.query('SELECT count(*) AS n FROM organization'))[0].n);

  describe('createOrganization', () => {
    it('lets an admin add an organization to the directory', async () => {
      const { createOrganization } = await t.client.as(admin.accessToken).data(CREATE, {
        input: {
          name: '  Cooperativa Sociale La Ringhiera ',
          kind: 'COOPERATIVE',
          territoryId: milano.globalId,
          website: 'https://ringhiera.example.org',
        },
      });
      expect(createOrganization).toEqual({
        organization: {
          id: expect.any(String),
          name: 'Cooperativa Sociale La Ringhiera',
          kind: 'COOPERATIVE',
          website: 'https://ringhiera.example.org',
          description: null,
          territory: { code: 'IT-MI' },
          viewerCanEdit: true,
        },
        userErrors: [],
      });
      const { node } = await t.client.data(`query($id: ID!) { node(id: $id) { ... on Organization { name viewerCanEdit } } }`, {
        id: createOrganization.organization.id,
      });
      expect(node).toEqual({ name: 'Cooperativa Sociale La Ringhiera', viewerCanEdit: false });
    });

    it('needs a signed-in admin', async () => {
      const before = await count();
      const input = { name: 'Fondazione Nuova', kind: 'FOUNDATION' };
      expect((await t.client.error(CREATE, { input })).code).toBe('UNAUTHENTICATED');
      const user = await users.create();
      expect((await t.client.as(user.accessToken).error(CREATE, { input })).code).toBe('FORBIDDEN');
      const moderator = await users.moderator().create();
      expect((await t.client.as(moderator.accessToken).error(CREATE, { input })).code).toBe('FORBIDDEN');
      expect(await count()).toBe(before);
    });

    it.each([
      ['a one-letter name', { name: 'X' }, ['input', 'name'], 'INVALID'],
      ['a website that is not a web address', { website: 'javascript:alert(1)' }, ['input', 'website'], 'INVALID'],
      ['a description over 2000 characters', { description: 'x'.repeat(2001) }, ['input', 'description'], 'TOO_LONG'],
    ])('refuses %s with a user error and creates nothing', async (_case, input, field, code) => {
      const before = await count();
      const { createOrganization } = await t.client
        .as(admin.accessToken)
        .data(CREATE, { input: { name: 'Associazione Valida', kind: 'ASSOCIATION', ...input } });
      expect(createOrganization.organization).toBeNull();
      expect(createOrganization.userErrors).toEqual([expect.objectContaining({ field, code })]);
      expect(await count()).toBe(before);
    });

    it('refuses a kind outside the list as BAD_USER_INPUT', async () => {
      const { body } = await t.client.as(admin.accessToken).request(CREATE, { input: { name: 'Ente', kind: 'CHURCH' } });
      expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    });

    it('refuses a second organization with the same name in the same territory, whatever the case', async () => {
      const admin2 = t.client.as(admin.accessToken);
      await admin2.data(CREATE, { input: { name: 'Comune di Sesto', kind: 'PUBLIC_BODY', territoryId: milano.globalId } });
      const before = await count();
      const { createOrganization } = await admin2.data(CREATE, {
        input: { name: 'COMUNE DI SESTO', kind: 'PUBLIC_BODY', territoryId: milano.globalId },
      });
      expect(createOrganization.userErrors).toEqual([
        expect.objectContaining({ field: ['input', 'name'], code: 'TAKEN' }),
      ]);
      expect(await count()).toBe(before);
      const elsewhere = await admin2.data(CREATE, { input: { name: 'Comune di Sesto', kind: 'PUBLIC_BODY' } });
      expect(elsewhere.createOrganization.userErrors).toEqual([]);
    });

    it('refuses unknown and malformed territory ids', async () => {
      const before = await count();
      const unknown = Buffer.from('Territory:00000000-0000-4000-8000-000000000000').toString('base64url');
      const client = t.client.as(admin.accessToken);
      expect((await client.error(CREATE, { input: { name: 'Ente Uno', kind: 'OTHER', territoryId: unknown } })).code).toBe(
        'NOT_FOUND',
      );
      expect((await client.error(CREATE, { input: { name: 'Ente Uno', kind: 'OTHER', territoryId: 'nope' } })).code).toBe(
        'BAD_USER_INPUT',
      );
      expect((await client.error(CREATE, { input: { name: 'Ente Uno', kind: 'OTHER', territoryId: admin2Id() } })).code).toBe(
        'BAD_USER_INPUT',
      );
      expect(await count()).toBe(before);
    });
  });

  describe('updateOrganization', () => {
    it('changes only the given fields and clears with null', async () => {
      const organization = await directory.organization({ name: 'Consorzio Sol.Co', kind: 'CONSORTIUM', territoryCode: 'IT-BS' });
      await t.db.query(`UPDATE organization SET website = 'https://solco.example.org' WHERE id = $1`, [organization.id]);
      const { updateOrganization } = await t.client
        .as(admin.accessToken)
        .data(UPDATE, { input: { id: organization.globalId, name: 'Consorzio Sol.Co Brescia', website: null } });
      expect(updateOrganization.organization).toMatchObject({
        name: 'Consorzio Sol.Co Brescia',
        kind: 'CONSORTIUM',
        website: null,
        territory: { code: 'IT-BS' },
      });
    });

    it('refuses unknown ids, anonymous and non-admin callers, and bad input, changing nothing', async () => {
      const organization = await directory.organization({ name: 'Associazione Intatta' });
      const unknown = Buffer.from('Organization:00000000-0000-4000-8000-000000000000').toString('base64url');
      const rename = { id: organization.globalId, name: 'Rinominata' };
      expect((await t.client.as(admin.accessToken).error(UPDATE, { input: { ...rename, id: unknown } })).code).toBe('NOT_FOUND');
      expect((await t.client.error(UPDATE, { input: rename })).code).toBe('UNAUTHENTICATED');
      const user = await users.create();
      expect((await t.client.as(user.accessToken).error(UPDATE, { input: rename })).code).toBe('FORBIDDEN');
      const { updateOrganization } = await t.client.as(admin.accessToken).data(UPDATE, { input: { ...rename, name: 'Y' } });
      expect(updateOrganization.userErrors).toEqual([{ field: ['input', 'name'], code: 'INVALID' }]);
      const [row] = await t.db.query('SELECT name FROM organization WHERE id = $1', [organization.id]);
      expect(row.name).toBe('Associazione Intatta');
    });
  });

  describe('organizations query', () => {
    it('filters by territory including its descendants, by kind and by name prefix', async () => {
      await directory.organization({ name: 'Zeta Comune Lodi', kind: 'PUBLIC_BODY', territoryCode: 'IT-LO' });
      await directory.organization({ name: 'Zeta Associazione Novara', kind: 'ASSOCIATION', territoryCode: 'IT-NO' });
      await directory.organization({ name: 'Zeta Coop Lombardia', kind: 'COOPERATIVE', territoryCode: 'IT-25' });
      const lombardia = await directory.territory('IT-25');
      const data = await t.client.data(
        `query($lombardia: ID!) {
          inLombardy: organizations(filter: { territory: $lombardia, namePrefix: "zeta" }) { totalCount nodes { name } }
          publicBodies: organizations(filter: { kinds: [PUBLIC_BODY], namePrefix: "Zeta" }) { nodes { name } }
          percent: organizations(filter: { namePrefix: "Zeta%" }) { totalCount }
        }`,
        { lombardia: lombardia.globalId },
      );
      expect(data.inLombardy.nodes.map((n: { name: string }) => n.name)).toEqual(['Zeta Comune Lodi', 'Zeta Coop Lombardia']);
      expect(data.publicBodies.nodes).toEqual([{ name: 'Zeta Comune Lodi' }]);
      expect(data.percent.totalCount).toBe(0);
    });
  });
});

/** A well-formed id of the wrong type. */
function admin2Id(): string {
  return Buffer.from('User:00000000-0000-4000-8000-000000000000').toString('base64url');
}
