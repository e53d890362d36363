import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { COMPLETE, ORGANIZATION_FIELDS, PUBLISH, SUBMIT, api, contentState, errorsOf, unknownId } from './support';

const COMUNE = { name: 'Comune di Bergamo', kind: 'MUNICIPALITY', role: 'LEAD' };
const COOP = { name: 'Cooperativa Sociale Città Aperta', kind: 'SOCIAL_COOPERATIVE', role: 'PARTNER' };
const FONDAZIONE = { name: 'Fondazione della Comunità Bergamasca', kind: 'FOUNDATION', role: 'FUNDER' };

const CREATE_WITH_ORGANIZATIONS = `mutation($input: CreatePracticeInput!) { createPractice(input: $input) {
  practice { id slug version ${ORGANIZATION_FIELDS} } userErrors { field code message } } }`;
const UPDATE_WITH_ORGANIZATIONS = `mutation($input: UpdatePracticeInput!) { updatePractice(input: $input) {
  practice { id slug version ${ORGANIZATION_FIELDS} } userErrors { field code message } } }`;
const VERSIONS = `query($slug: String!) { practice(slug: $slug) { version ${ORGANIZATION_FIELDS}
  versions(first: 10) { nodes { version ${ORGANIZATION_FIELDS} } } } }`;

describe('organizations involved in a practice', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let [author, coAuthor, coordinator, outsider]: TestUser[] = [];
  let community: { globalId: string };

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    [author, coAuthor, coordinator, outsider] = await Promise.all([t.users.create(), t.users.create(), t.users.create(), t.users.create()]);
    community = await new CommunityFactory(t.db).create({ coordinatorId: coordinator!.id, memberIds: [author!.id] });
  });
  afterAll(() => t.close());

  async function draft(organizations: unknown[] = [COMUNE, COOP]): Promise<{ id: string; slug: string }> {
    const { createPractice } = await call.data(author!, CREATE_WITH_ORGANIZATIONS, {
      input: { title: 'Portierato sociale', communityId: community.globalId, coAuthorIds: [coAuthor!.globalId], ...COMPLETE, organizations },
    });
    expect(createPractice.userErrors).toEqual([]);
    return createPractice.practice;
  }

  it('creates a practice with its organizations in the order given, names tidied, and replaces them whole on update', async () => {
    const { createPractice } = await call.data(author!, CREATE_WITH_ORGANIZATIONS, {
      input: { title: 'Custodi sociali', coAuthorIds: [coAuthor!.globalId], organizations: [{ ...COMUNE, name: '  Comune   di Bergamo ' }, FONDAZIONE, COOP] },
    });
    expect(createPractice.userErrors).toEqual([]);
    expect(createPractice.practice.organizations).toEqual([COMUNE, FONDAZIONE, COOP]);

    const updated = await call.data(coAuthor!, UPDATE_WITH_ORGANIZATIONS, {
      input: { practiceId: createPractice.practice.id, version: 1, organizations: [COOP, { ...COMUNE, role: 'SUPPORTER' }] },
    });
    expect(updated.updatePractice.userErrors).toEqual([]);
    expect(updated.updatePractice.practice).toMatchObject({ version: 2, organizations: [COOP, { ...COMUNE, role: 'SUPPORTER' }] });
    // Leaving them out keeps them; an empty list removes them.
    const kept = await call.data(author!, UPDATE_WITH_ORGANIZATIONS, { input: { practiceId: createPractice.practice.id, version: 2, summary: 'Altro' } });
    expect(kept.updatePractice.practice.organizations).toEqual([COOP, { ...COMUNE, role: 'SUPPORTER' }]);
    const emptied = await call.data(author!, UPDATE_WITH_ORGANIZATIONS, { input: { practiceId: createPractice.practice.id, version: 3, organizations: [] } });
    expect(emptied.updatePractice.practice).toMatchObject({ version: 4, organizations: [] });
    expect(await t.db.query(`SELECT count(*)::int AS n FROM practice_organization WHERE practice_id = (SELECT id FROM practice WHERE slug = $1)`, [createPractice.practice.slug])).toEqual([{ n: 0 }]);
  });

  it('keeps the organizations in the version an edit of a published practice replaces', async () => {
    const practice = await draft();
    await call.data(author!, SUBMIT, { input: { practiceId: practice.id } });
    await call.data(coordinator!, PUBLISH, { input: { practiceId: practice.id } });
    await call.data(author!, UPDATE_WITH_ORGANIZATIONS, { input: { practiceId: practice.id, version: 1, organizations: [FONDAZIONE] } });
    const { practice: seen } = await call.data(author!, VERSIONS, { slug: practice.slug });
    expect(seen).toEqual({ version: 2, organizations: [FONDAZIONE], versions: { nodes: [{ version: 1, organizations: [COMUNE, COOP] }] } });
  });

  it('refuses names too short or too long, a name given twice (case and accents aside) and more than 20, changing nothing', async () => {
    const practice = await draft();
    const before = await contentState(t);
    const update = (organizations: unknown[]) => call.data(author!, UPDATE_WITH_ORGANIZATIONS, { input: { practiceId: practice.id, version: 1, organizations } });

    const bad = await update([{ ...COMUNE, name: ' x ' }, COOP, { ...COOP, name: 'cooperativa sociale citta  aperta', role: 'FUNDER' }, { ...FONDAZIONE, name: 'F'.repeat(161) }]);
    expect(bad.updatePractice.practice).toBeNull();
    expect(errorsOf(bad.updatePractice.userErrors)).toEqual([
      ['input.organizations.0.name', 'TOO_SHORT'],
      ['input.organizations.3.name', 'TOO_LONG'],
      ['input.organizations.2.name', 'INVALID'],
    ]);
    const many = await update(Array.from({ length: 21 }, (_, i) => ({ ...COOP, name: `Associazione ${i}` })));
    expect(errorsOf(many.updatePractice.userErrors)).toEqual([['input.organizations', 'TOO_LONG']]);
    const created = await call.data(author!, CREATE_WITH_ORGANIZATIONS, { input: { title: 'Doppione', organizations: [COMUNE, { ...COMUNE, name: 'COMUNE DI BERGAMO' }] } });
    expect(errorsOf(created.createPractice.userErrors)).toEqual([['input.organizations.1.name', 'INVALID']]);
    // An unknown kind or role is refused before anything runs.
    expect(await call.code(author!, UPDATE_WITH_ORGANIZATIONS, { input: { practiceId: practice.id, version: 1, organizations: [{ ...COMUNE, kind: 'CHURCH' }] } })).toBe('BAD_USER_INPUT');
    expect(await call.code(author!, UPDATE_WITH_ORGANIZATIONS, { input: { practiceId: practice.id, version: 1, organizations: [{ name: 'Comune' }] } })).toBe('BAD_USER_INPUT');
    expect(await contentState(t)).toEqual(before);

    const twenty = await update(Array.from({ length: 20 }, (_, i) => ({ ...COOP, name: `Associazione ${i}` })));
    expect(twenty.updatePractice.userErrors).toEqual([]);
    expect(twenty.updatePractice.practice.organizations).toHaveLength(20);
  });

  it('refuses the anonymous, non-authors and unknown or unreadable practices, changing nothing', async () => {
    const practice = await draft();
    const before = await contentState(t);
    const update = (user: TestUser | null, practiceId: string) =>
      call.code(user, UPDATE_WITH_ORGANIZATIONS, { input: { practiceId, version: 1, organizations: [FONDAZIONE] } });
    expect(await update(null, practice.id)).toBe('UNAUTHENTICATED');
    expect(await update(coordinator!, practice.id)).toBe('FORBIDDEN');
    expect(await update(outsider!, practice.id)).toBe('NOT_FOUND');
    expect(await update(author!, unknownId('Practice'))).toBe('NOT_FOUND');
    expect(await update(author!, 'nonsense')).toBe('BAD_USER_INPUT');
    expect(await contentState(t)).toEqual(before);
  });

  it('writes the organizations of exactly one of simultaneous edits from one version', async () => {
    const practice = await draft();
    const lists = Array.from({ length: 6 }, (_, i) => [{ ...COOP, name: `Cooperativa ${i}` }, { ...COMUNE, name: `Comune ${i}` }]);
    const results = await Promise.all(
      lists.map((organizations, i) =>
        call.data(i % 2 ? author! : coAuthor!, UPDATE_WITH_ORGANIZATIONS, { input: { practiceId: practice.id, version: 1, organizations } }),
      ),
    );
    const winners = results.filter((r) => r.updatePractice.practice !== null);
    expect(winners).toHaveLength(1);
    expect(results.flatMap((r) => r.updatePractice.userErrors.map((e: { code: string }) => e.code))).toEqual(Array(5).fill('CONFLICT'));
    const stored = await t.db.query(
      `SELECT name, kind, role FROM practice_organization WHERE practice_id = (SELECT id FROM practice WHERE slug = $1) ORDER BY position`,
      [practice.slug],
    );
    expect(stored).toEqual(winners[0]!.updatePractice.practice.organizations);
  });

  it('refuses a name given twice in the database too', async () => {
    const practice = await draft();
    await expect(
      t.db.query(
        `INSERT INTO practice_organization (practice_id, position, name, kind, role) SELECT id, 5, 'COMUNE DI BERGAMO', 'MUNICIPALITY', 'LEAD' FROM practice WHERE slug = $1`,
        [practice.slug],
      ),
    ).rejects.toThrow(/practice_organization_name_key/);
  });
});
