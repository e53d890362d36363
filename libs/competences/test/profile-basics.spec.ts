import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { DirectoryFactory } from '@bottega/territories/testing';
import { api, globalId, state, unknownId } from './support';

const BASICS = `id displayName bio bioHtml avatarUrl organization { name kind } territories { code } languages visibility availability user { displayName }`;
const UPDATE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { profile { ${BASICS} } userErrors { field code message } } }`;
const SET_VISIBILITY = `mutation($input: SetProfileVisibilityInput!) { setProfileVisibility(input: $input) { userErrors { code } } }`;

describe('a profile’s public basics', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  const territory: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    const directory = new DirectoryFactory(t.db);
    for (const code of ['IT-MI', 'IT-BG', 'IT-NO', 'IT-25']) territory[code] = (await directory.territory(code)).globalId;
  });
  afterAll(() => t.close());

  const update = (user: TestUser | null, input: Record<string, unknown>) => call.request(user, UPDATE, { input });
  const updated = async (user: TestUser, input: Record<string, unknown>) => {
    const result = await update(user, input);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.updateProfile.userErrors).toEqual([]);
    return result.body.data.updateProfile.profile;
  };

  describe('updateProfile', () => {
    it('makes the profile on first write and sets every basic its owner gives, the display name on their account', async () => {
      const owner = await t.users.named('Giulia Rossi').create();
      const profile = await updated(owner, {
        displayName: '  Giulia   Rossi Bianchi ',
        bio: 'Coordino il **Portierato sociale** di Bergamo. Vedi [il progetto](https://example.org/portierato).\n\n<script>alert(1)</script>',
        avatarUrl: ' https://cdn.example.org/avatars/giulia.jpg ',
        organization: { name: ' Cooperativa  Sociale Il Pozzo ', kind: 'COOPERATIVE' },
        territoryIds: [territory['IT-BG'], territory['IT-MI'], territory['IT-BG']],
        languages: ['it', 'EN', 'fr', 'it'],
      });
      expect(profile).toEqual({
        id: globalId('CompetenceProfile', owner.id),
        displayName: 'Giulia Rossi Bianchi',
        bio: expect.stringContaining('Coordino il **Portierato sociale**'),
        bioHtml: expect.stringContaining('<strong>Portierato sociale</strong>'),
        avatarUrl: 'https://cdn.example.org/avatars/giulia.jpg',
        organization: { name: 'Cooperativa Sociale Il Pozzo', kind: 'COOPERATIVE' },
        territories: [{ code: 'IT-BG' }, { code: 'IT-MI' }],
        languages: ['it', 'en', 'fr'],
        visibility: 'MEMBERS_ONLY',
        availability: 'NOT_AVAILABLE',
        user: { displayName: 'Giulia Rossi Bianchi' },
      });
      expect(profile.bioHtml).toContain('href="https://example.org/portierato"');
      expect(profile.bioHtml).not.toContain('<script');
      expect(await t.db.query(`SELECT display_name FROM app_user WHERE id = $1`, [owner.id])).toEqual([{ display_name: 'Giulia Rossi Bianchi' }]);
      expect(await t.db.query(`SELECT change FROM outbox_event WHERE kind = 'CompetenceProfile' AND subject_id = $1`, [owner.id])).toEqual([
        { change: 'EDITED' },
      ]);
    });

    it('changes only the fields given, and clears those given as null', async () => {
      const owner = await t.users.create();
      const full = await updated(owner, {
        bio: 'Housing first a Novara.',
        avatarUrl: 'https://example.org/a.png',
        organization: { name: 'Comune di Novara', kind: 'PUBLIC_BODY' },
        territoryIds: [territory['IT-NO']],
        languages: ['it'],
      });
      const onlyBio = await updated(owner, { bio: 'Housing first e abitare supportato a Novara.' });
      expect(onlyBio).toEqual({ ...full, bio: 'Housing first e abitare supportato a Novara.', bioHtml: '<p>Housing first e abitare supportato a Novara.</p>\n' });
      const kindless = await updated(owner, { organization: { name: 'Comune di Novara' }, territoryIds: [territory['IT-25'], territory['IT-NO']] });
      expect(kindless).toMatchObject({ organization: { name: 'Comune di Novara', kind: null }, territories: [{ code: 'IT-25' }, { code: 'IT-NO' }] });
      const cleared = await updated(owner, { bio: null, avatarUrl: null, organization: null, territoryIds: null, languages: [] });
      expect(cleared).toEqual({
        ...full,
        bio: null,
        bioHtml: null,
        avatarUrl: null,
        organization: null,
        territories: [],
        languages: [],
      });
      expect(await t.db.query(`SELECT count(*)::int AS n FROM competence_profile_territory WHERE user_id = $1`, [owner.id])).toEqual([{ n: 0 }]);
    });

    it('refuses each field at fault with its own error and path, and writes nothing', async () => {
      const owner = await t.users.create();
      await updated(owner, { bio: 'Prima versione.', languages: ['it'] });
      const before = await state(t);
      const refused = async (input: Record<string, unknown>) => {
        const result = await update(owner, input);
        expect(result.body.errors).toBeUndefined();
        expect(result.body.data.updateProfile.profile).toBeNull();
        return result.body.data.updateProfile.userErrors.map(({ field, code }: { field: string[]; code: string }) => ({ field, code }));
      };
      expect(await refused({})).toEqual([{ field: ['input'], code: 'REQUIRED' }]);
      expect(
        await refused({
          displayName: 'G',
          bio: 'x'.repeat(2001),
          avatarUrl: 'http://example.org/a.png',
          organization: { name: 'X' },
          territoryIds: Array.from({ length: 11 }, () => globalId('Territory', randomUUID())),
          languages: ['it', 'ita'],
        }),
      ).toEqual([
        { field: ['input', 'displayName'], code: 'TOO_SHORT' },
        { field: ['input', 'bio'], code: 'TOO_LONG' },
        { field: ['input', 'avatarUrl'], code: 'INVALID' },
        { field: ['input', 'organization', 'name'], code: 'TOO_SHORT' },
        { field: ['input', 'languages', '1'], code: 'INVALID' },
        { field: ['input', 'territoryIds'], code: 'TOO_LONG' },
      ]);
      expect(await refused({ displayName: null })).toEqual([{ field: ['input', 'displayName'], code: 'REQUIRED' }]);
      expect(await refused({ displayName: 'Giulia\u202Eissor' })).toEqual([{ field: ['input', 'displayName'], code: 'INVALID' }]);
      expect(await refused({ displayName: 'G'.repeat(81) })).toEqual([{ field: ['input', 'displayName'], code: 'TOO_LONG' }]);
      expect(await refused({ organization: { name: 'O'.repeat(121), kind: 'ASSOCIATION' } })).toEqual([
        { field: ['input', 'organization', 'name'], code: 'TOO_LONG' },
      ]);
      for (const avatarUrl of ['javascript:alert(1)', 'https://', 'https://user:secret@example.org/a.png', 'ftp://example.org/a.png', 'https://localhost/a.png', `https://example.org/${'a'.repeat(2040)}`]) {
        expect({ avatarUrl, errors: await refused({ avatarUrl }) }).toEqual({
          avatarUrl,
          errors: [{ field: ['input', 'avatarUrl'], code: avatarUrl.length > 2048 ? 'TOO_LONG' : 'INVALID' }],
        });
      }
      expect(await refused({ languages: ['it', 'en', 'fr', 'de', 'es', 'pt', 'nl', 'el', 'sl', 'hr', 'ro'] })).toEqual([
        { field: ['input', 'languages'], code: 'TOO_LONG' },
      ]);
      expect(await refused({ languages: ['xx'] })).toEqual([{ field: ['input', 'languages', '0'], code: 'INVALID' }]);
      expect(await state(t)).toEqual(before);
    });

    it('refuses the anonymous, unknown and malformed territories and values outside their enums, writing nothing', async () => {
      const owner = await t.users.create();
      await updated(owner, { bio: 'Prima versione.' });
      const before = await state(t);
      expect(await call.code(null, UPDATE, { input: { bio: 'Intruso' } })).toBe('UNAUTHENTICATED');
      expect(await call.code(owner, UPDATE, { input: { bio: 'Nuova', territoryIds: [territory['IT-MI'], unknownId('Territory')] } })).toBe('NOT_FOUND');
      const malformed = await update(owner, { territoryIds: [territory['IT-MI'], unknownId('Community')] });
      expect(malformed.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'territoryIds', '1'] });
      expect(await call.code(owner, UPDATE, { input: { organization: { name: 'Fondazione', kind: 'CHURCH' } } })).toBe('BAD_USER_INPUT');
      expect(await state(t)).toEqual(before);
    });

    it('applies simultaneous updates of different fields by one owner one after the other, all of them, on one profile', async () => {
      const owner = await t.users.create();
      const inputs = [
        { displayName: 'Marta Conti' },
        { bio: 'Orti sociali.' },
        { avatarUrl: 'https://example.org/marta.png' },
        { organization: { name: 'Consorzio Sol.Co', kind: 'CONSORTIUM' } },
        { territoryIds: [territory['IT-MI']] },
        { languages: ['it', 'en'] },
      ];
      const results = await Promise.all(inputs.map((input) => update(owner, input)));
      for (const result of results) expect(result.body.data.updateProfile.userErrors).toEqual([]);
      const { competenceProfile } = await call.data(owner, `query($handle: String!) { competenceProfile(handle: $handle) { ${BASICS} } }`, {
        handle: owner.handle,
      });
      expect(competenceProfile).toMatchObject({
        displayName: 'Marta Conti',
        bio: 'Orti sociali.',
        avatarUrl: 'https://example.org/marta.png',
        organization: { name: 'Consorzio Sol.Co', kind: 'CONSORTIUM' },
        territories: [{ code: 'IT-MI' }],
        languages: ['it', 'en'],
      });
      expect(await t.db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE kind = 'CompetenceProfile' AND subject_id = $1`, [owner.id])).toEqual([
        { n: inputs.length },
      ]);
    });
  });

  it('reads a page of profiles with their basics (name, territories, organization, languages) in the same number of statements for 2 as for 6', async () => {
    const viewer = await t.users.create();
    const codes = Object.keys(territory);
    for (let n = 0; n < 6; n += 1) {
      await updated(await t.users.create(), {
        bio: `Profilo ${n}`,
        organization: { name: `Associazione ${n}`, kind: 'ASSOCIATION' },
        territoryIds: [territory[codes[n % codes.length]!], territory[codes[(n + 1) % codes.length]!]],
        languages: ['it', 'en'],
      });
    }
    const statements = async (first: number) => {
      const response = await call.request(viewer, `query($first: Int!) { competenceProfiles(first: $first) { nodes { ${BASICS} } } }`, { first });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data.competenceProfiles.nodes).toHaveLength(first);
      return Number(response.headers.get('x-sql-statements'));
    };
    // The viewer's session is read with their first request, then remembered: count after it.
    await statements(2);
    expect(await statements(6)).toBe(await statements(2));
  });

  describe('who sees the basics', () => {
    it('shows them only where the profile is seen: a hidden profile’s bio reaches nobody but its owner and staff', async () => {
      const [owner, member, staff] = await Promise.all([t.users.create(), t.users.create(), t.users.moderator().create()]);
      await updated(owner, { bio: 'Mediazione dei conflitti di vicinato.', territoryIds: [territory['IT-MI']] });
      const seen = async (viewer: TestUser | null) => {
        const result = await call.data(
          viewer,
          `query($handle: String!, $id: ID!) { competenceProfile(handle: $handle) { bio } node(id: $id) { ... on CompetenceProfile { bio } } }`,
          { handle: owner.handle, id: globalId('CompetenceProfile', owner.id) },
        );
        expect(result.node).toEqual(result.competenceProfile);
        return result.competenceProfile?.bio ?? null;
      };
      const table = async () => ({ anonymous: await seen(null), member: await seen(member), owner: await seen(owner), staff: await seen(staff) });
      const bio = 'Mediazione dei conflitti di vicinato.';
      expect(await table()).toEqual({ anonymous: null, member: bio, owner: bio, staff: bio });
      await call.data(owner, SET_VISIBILITY, { input: { visibility: 'PUBLIC' } });
      expect(await table()).toEqual({ anonymous: bio, member: bio, owner: bio, staff: bio });
      await call.data(owner, SET_VISIBILITY, { input: { visibility: 'HIDDEN' } });
      expect(await table()).toEqual({ anonymous: null, member: null, owner: bio, staff: bio });
    });
  });
});
