import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { DirectoryFactory } from '@bottega/territories/testing';
import { COMPLETE, CREATE, PUBLISH, SUBMIT, UPDATE, api } from './support';

const DIFF = `query($slug: String!, $from: Int!, $to: Int!) { practice(slug: $slug) { version diff(from: $from, to: $to) { field before after added removed } } }`;

const COMUNE = { name: 'Comune di Bergamo', kind: 'MUNICIPALITY', role: 'LEAD' };
const COOP = { name: 'Cooperativa Il Sole', kind: 'SOCIAL_COOPERATIVE', role: 'PARTNER' };
const FONDAZIONE = { name: 'Fondazione Comunità Bergamasca', kind: 'FOUNDATION', role: 'FUNDER' };

describe('the field-by-field diff between two versions of a practice', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let [author, coordinator, member, outsider, moderator]: TestUser[] = [];
  let community: { globalId: string };
  let territory: Record<string, string>;
  let projects: { first: string; second: string };
  let emporio: { id: string; slug: string };

  const diff = async (viewer: TestUser | null, from: number, to: number, slug = emporio.slug) => (await call.data(viewer, DIFF, { slug, from, to })).practice.diff;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    [author, coordinator, member, outsider, moderator] = await Promise.all([
      t.users.create(),
      t.users.create(),
      t.users.create(),
      t.users.create(),
      t.users.moderator().create(),
    ]);
    community = await new CommunityFactory(t.db).create({ coordinatorId: coordinator!.id, memberIds: [author!.id, member!.id] });
    const directory = new DirectoryFactory(t.db);
    territory = {};
    for (const code of ['IT-BG', 'IT-MI', 'IT-TO']) territory[code] = (await directory.territory(code)).globalId;
    projects = { first: (await directory.project({ title: 'Comunità che cura' })).globalId, second: (await directory.project({ title: 'Welfare in rete' })).globalId };

    // Version 1 is a draft edited into version 2, which is published: drafts keep no history.
    const { createPractice } = await call.data(author!, CREATE, {
      input: {
        title: 'Emporio solidale',
        communityId: community.globalId,
        ...COMPLETE,
        startsOn: '2022-01-10',
        territoryIds: [territory['IT-BG']],
        tags: ['povertà', 'cibo'],
        projectId: projects.first,
        organizations: [COMUNE, COOP],
      },
    });
    emporio = createPractice.practice;
    await call.data(author!, UPDATE, { input: { practiceId: emporio.id, version: 1, difficulties: 'Trovare i volontari del sabato.' } });
    await call.data(author!, SUBMIT, { input: { practiceId: emporio.id } });
    await call.data(coordinator!, PUBLISH, { input: { practiceId: emporio.id } });
    // Version 3: the words and the organizations.
    await call.data(author!, UPDATE, {
      input: { practiceId: emporio.id, version: 2, title: 'Emporio solidale di quartiere', need: 'Famiglie in povertà **alimentare**.', organizations: [COOP, COMUNE, FONDAZIONE] },
    });
    // Version 4: the links and dates.
    await call.data(author!, UPDATE, {
      input: {
        practiceId: emporio.id,
        version: 3,
        endsOn: '2024-12-31',
        territoryIds: [territory['IT-BG'], territory['IT-MI']],
        tags: ['cibo', 'spreco'],
        projectId: projects.second,
        kind: 'STORY',
      },
    });
  });
  afterAll(() => t.close());

  it('lists every changed field in a fixed order, with the values before and after, and what lists gained and lost', async () => {
    expect(await diff(author!, 2, 4)).toEqual([
      { field: 'KIND', before: 'PRACTICE', after: 'STORY', added: [], removed: [] },
      { field: 'TITLE', before: 'Emporio solidale', after: 'Emporio solidale di quartiere', added: [], removed: [] },
      { field: 'NEED', before: COMPLETE.need, after: 'Famiglie in povertà **alimentare**.', added: [], removed: [] },
      { field: 'ENDS_ON', before: null, after: '2024-12-31', added: [], removed: [] },
      { field: 'PROJECT', before: 'Comunità che cura', after: 'Welfare in rete', added: [], removed: [] },
      { field: 'TERRITORIES', before: 'Bergamo (IT-BG)', after: 'Bergamo (IT-BG)\nMilano (IT-MI)', added: ['Milano (IT-MI)'], removed: [] },
      { field: 'TAGS', before: 'cibo\npoverta', after: 'cibo\nspreco', added: ['spreco'], removed: ['poverta'] },
      {
        field: 'ORGANIZATIONS',
        before: 'Comune di Bergamo (MUNICIPALITY, LEAD)\nCooperativa Il Sole (SOCIAL_COOPERATIVE, PARTNER)',
        after:
          'Cooperativa Il Sole (SOCIAL_COOPERATIVE, PARTNER)\nComune di Bergamo (MUNICIPALITY, LEAD)\nFondazione Comunità Bergamasca (FOUNDATION, FUNDER)',
        added: ['Fondazione Comunità Bergamasca (FOUNDATION, FUNDER)'],
        removed: [],
      },
    ]);
  });

  it('reads the other way round, compares neighbouring versions, and finds nothing between a version and itself', async () => {
    const backwards = await diff(author!, 4, 2);
    expect(backwards.map((c: { field: string }) => c.field)).toEqual(['KIND', 'TITLE', 'NEED', 'ENDS_ON', 'PROJECT', 'TERRITORIES', 'TAGS', 'ORGANIZATIONS']);
    expect(backwards.find((c: { field: string }) => c.field === 'TAGS')).toEqual({ field: 'TAGS', before: 'cibo\nspreco', after: 'cibo\npoverta', added: ['poverta'], removed: ['spreco'] });
    expect((await diff(author!, 2, 3)).map((c: { field: string }) => c.field)).toEqual(['TITLE', 'NEED', 'ORGANIZATIONS']);
    expect((await diff(author!, 3, 4)).map((c: { field: string }) => c.field)).toEqual(['KIND', 'ENDS_ON', 'PROJECT', 'TERRITORIES', 'TAGS']);
    expect(await diff(author!, 4, 4)).toEqual([]);
    expect(await diff(author!, 3, 3)).toEqual([]);
  });

  it('is read by those who read the practice’s history only', async () => {
    for (const reader of [coordinator!, moderator!]) expect(await diff(reader, 2, 3)).toHaveLength(3);
    for (const reader of [null, member!, outsider!]) expect(await diff(reader, 2, 3)).toBeNull();
    // Nor does an unknown version tell them anything.
    for (const reader of [null, outsider!]) expect(await diff(reader, 2, 99)).toBeNull();
  });

  it('refuses a version the practice does not have as NOT_FOUND, and a number below 1 as BAD_USER_INPUT', async () => {
    const code = async (from: number, to: number) => (await call.request(author!, DIFF, { slug: emporio.slug, from, to })).body.errors?.[0]?.extensions?.['code'];
    // Version 1 was a draft, replaced before publication: not kept.
    expect(await code(1, 4)).toBe('NOT_FOUND');
    expect(await code(2, 5)).toBe('NOT_FOUND');
    expect(await code(0, 4)).toBe('BAD_USER_INPUT');
    expect(await code(4, -1)).toBe('BAD_USER_INPUT');
    const { body } = await call.request(author!, DIFF, { slug: emporio.slug, from: 2, to: 99 });
    expect(body.errors?.[0]?.message).toBe('Version 99 of this practice not found.');
    expect(body.data.practice.diff).toBeNull();
  });

  it('leaves out the links a version kept before versions recorded them, rather than guessing them', async () => {
    const { createPractice } = await call.data(author!, CREATE, {
      input: { title: 'Banco di quartiere', communityId: community.globalId, ...COMPLETE, tags: ['cibo'], territoryIds: [territory['IT-TO']], organizations: [COMUNE] },
    });
    const banco = createPractice.practice;
    await call.data(author!, SUBMIT, { input: { practiceId: banco.id } });
    await call.data(coordinator!, PUBLISH, { input: { practiceId: banco.id } });
    await call.data(author!, UPDATE, { input: { practiceId: banco.id, version: 1, summary: 'Nuovo riassunto' } });
    // Version 1 as versions were kept before they held links and organizations.
    await t.db.query(
      `UPDATE practice_version SET content = content - 'projectId' - 'territoryIds' - 'tags' - 'organizations' WHERE practice_id = (SELECT id FROM practice WHERE slug = $1)`,
      [banco.slug],
    );
    expect(await diff(author!, 1, 2, banco.slug)).toEqual([
      { field: 'SUMMARY', before: COMPLETE.summary, after: 'Nuovo riassunto', added: [], removed: [] },
      // Organizations did not exist then: that version had none.
      { field: 'ORGANIZATIONS', before: null, after: 'Comune di Bergamo (MUNICIPALITY, LEAD)', added: ['Comune di Bergamo (MUNICIPALITY, LEAD)'], removed: [] },
    ]);
  });
});
