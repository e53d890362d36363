import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { PracticeOrganizations1764000002500, PracticeThreadLinks1764000002510, PracticeWords1764000002520 } from '../src/migrations';
import { DirectoryFactory } from '@bottega/territories/testing';
import { COMPLETE, CREATE, PUBLISH, SUBMIT, UPDATE, api } from './support';

const LIST = `query($filter: PracticeFilter, $first: Int, $after: String) {
  practices(filter: $filter, first: $first, after: $after) { totalCount nodes { title } pageInfo { endCursor hasNextPage } } }`;

const org = (name: string, kind: string, role = 'PARTNER') => ({ name, kind, role });

describe('filtering practices', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let [author, coordinator, outsider]: TestUser[] = [];
  let community: { globalId: string };
  let territory: Record<string, string>;
  let project: string;
  let cremona: string;

  /** The titles the viewer finds, after checking that the count agrees with the list and with paging one at a time. */
  async function titles(filter: Record<string, unknown>, viewer: TestUser | null = null): Promise<string[]> {
    const { practices } = await call.data(viewer, LIST, { filter, first: 100 });
    expect(practices.totalCount ?? 0).toBe(practices.nodes.length);
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page = (await call.data(viewer, LIST, { filter, first: 2, after })) as {
        practices: { nodes: { title: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean }; totalCount: number | null };
      };
      paged.push(...page.practices.nodes.map((p) => p.title));
      if (page.practices.nodes.length > 0) expect(page.practices.totalCount).toBe(practices.nodes.length);
      after = page.practices.pageInfo.hasNextPage ? page.practices.pageInfo.endCursor : null;
    } while (after);
    const found = practices.nodes.map((p: { title: string }) => p.title);
    expect(paged).toEqual(found);
    return [...found].sort();
  }

  async function practice(input: Record<string, unknown>, publish = true): Promise<{ id: string; slug: string }> {
    const { createPractice } = await call.data(author!, CREATE, { input: { communityId: community.globalId, ...COMPLETE, ...input } });
    expect(createPractice.userErrors).toEqual([]);
    if (publish) {
      await call.data(author!, SUBMIT, { input: { practiceId: createPractice.practice.id } });
      await call.data(coordinator!, PUBLISH, { input: { practiceId: createPractice.practice.id } });
    }
    return createPractice.practice;
  }

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    [author, coordinator, outsider] = await Promise.all([t.users.create(), t.users.create(), t.users.create()]);
    community = await new CommunityFactory(t.db).create({ coordinatorId: coordinator!.id, memberIds: [author!.id] });
    const directory = new DirectoryFactory(t.db);
    territory = {};
    for (const code of ['IT-25', 'IT-MI', 'IT-BG', 'IT-21', 'IT-TO']) territory[code] = (await directory.territory(code)).globalId;
    cremona = (await directory.territory('IT-CR')).globalId;
    project = (await directory.project({ title: 'Welfare di comunità' })).globalId;

    await practice({
      title: 'Anziani soli in città',
      summary: 'Custodi sociali per chi vive da solo.',
      territoryIds: [territory['IT-MI']],
      tags: ['anziani'],
      projectId: project,
      organizations: [org('Comune di Milano', 'MUNICIPALITY', 'LEAD'), org('Fondazione Cariplo', 'FOUNDATION', 'FUNDER')],
    });
    await practice({
      title: 'Emporio solidale',
      summary: 'Una spesa dignitosa per le famiglie in difficoltà, con l’aiuto degli anziani volontari.',
      territoryIds: [territory['IT-BG']],
      tags: ['povertà'],
      organizations: [org('Cooperativa Il Sole', 'SOCIAL_COOPERATIVE', 'LEAD')],
    });
    await practice({
      kind: 'STORY',
      title: 'Le voci dell’orto',
      summary: 'Agricoltura sociale e salute mentale: perché l’orto cura.',
      territoryIds: [territory['IT-TO']],
      tags: ['anziani'],
      organizations: [org('ASL Città di Torino', 'HEALTH_SERVICE', 'PARTNER'), org('Comune di Torino', 'MUNICIPALITY', 'SUPPORTER')],
    });
    await practice({ title: 'Housing first a Bergamo', summary: 'Prima la casa.', territoryIds: [territory['IT-BG']], tags: ['casa'] });
    await practice({ title: 'Bozza sugli anziani', summary: 'Ancora da scrivere.', organizations: [org('Fondazione Comunitaria', 'FOUNDATION')] }, false);
  });
  afterAll(() => t.close());

  it('finds words of the title or summary by their first letters, case and accents aside, each typed word on its own', async () => {
    expect(await titles({ textPrefix: 'anz' })).toEqual(['Anziani soli in città', 'Emporio solidale']);
    expect(await titles({ textPrefix: 'ANZIANI' })).toEqual(['Anziani soli in città', 'Emporio solidale']);
    expect(await titles({ textPrefix: 'citta' })).toEqual(['Anziani soli in città']);
    expect(await titles({ textPrefix: 'cittÀ' })).toEqual(['Anziani soli in città']);
    expect(await titles({ textPrefix: 'perche' })).toEqual(['Le voci dell’orto']);
    expect(await titles({ textPrefix: 'sol anz' })).toEqual(['Anziani soli in città', 'Emporio solidale']);
    expect(await titles({ textPrefix: '  Soli,   anziani!  ' })).toEqual(['Anziani soli in città', 'Emporio solidale']);
    expect(await titles({ textPrefix: 'dignit famig' })).toEqual(['Emporio solidale']);
    // "orto" after an apostrophe is a word; "ziani" starts none.
    expect(await titles({ textPrefix: 'ort' })).toEqual(['Le voci dell’orto']);
    expect(await titles({ textPrefix: 'ziani' })).toEqual([]);
    expect(await titles({ textPrefix: 'anz zzz' })).toEqual([]);
    expect(await titles({ textPrefix: '東京' })).toEqual([]);
  });

  it('takes a blank search as no condition, and refuses one over 100 characters', async () => {
    const all = await titles({});
    expect(all).toHaveLength(4);
    expect(await titles({ textPrefix: '' })).toEqual(all);
    expect(await titles({ textPrefix: ' - ! ' })).toEqual(all);
    const long = await call.request(null, LIST, { filter: { textPrefix: 'a'.repeat(101) } });
    expect(long.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'textPrefix'] });
  });

  it('finds practices involving an organization of any of the kinds asked', async () => {
    expect(await titles({ organizationKinds: ['FOUNDATION'] })).toEqual(['Anziani soli in città']);
    expect(await titles({ organizationKinds: ['MUNICIPALITY'] })).toEqual(['Anziani soli in città', 'Le voci dell’orto']);
    expect(await titles({ organizationKinds: ['HEALTH_SERVICE', 'SOCIAL_COOPERATIVE'] })).toEqual(['Emporio solidale', 'Le voci dell’orto']);
    expect(await titles({ organizationKinds: ['SCHOOL_OR_UNIVERSITY'] })).toEqual([]);
    expect(await titles({ organizationKinds: [] })).toHaveLength(4);
    expect(await call.code(null, LIST, { filter: { organizationKinds: ['CHURCH'] } })).toBe('BAD_USER_INPUT');
  });

  it('composes with the territory (and those below it), tag, kind, project and status filters', async () => {
    expect(await titles({ territory: territory['IT-25'], textPrefix: 'anz' })).toEqual(['Anziani soli in città', 'Emporio solidale']);
    expect(await titles({ territory: territory['IT-25'], organizationKinds: ['MUNICIPALITY'] })).toEqual(['Anziani soli in città']);
    expect(await titles({ territory: territory['IT-21'], organizationKinds: ['MUNICIPALITY'], textPrefix: 'orto' })).toEqual(['Le voci dell’orto']);
    expect(await titles({ territory: territory['IT-BG'], textPrefix: 'prima casa' })).toEqual(['Housing first a Bergamo']);
    expect(await titles({ tag: 'anziani', textPrefix: 'anz' })).toEqual(['Anziani soli in città']);
    expect(await titles({ tag: 'anziani', organizationKinds: ['MUNICIPALITY'] })).toEqual(['Anziani soli in città', 'Le voci dell’orto']);
    expect(await titles({ kind: 'STORY', organizationKinds: ['MUNICIPALITY'] })).toEqual(['Le voci dell’orto']);
    expect(await titles({ kind: 'PRACTICE', textPrefix: 'anz', organizationKinds: ['SOCIAL_COOPERATIVE'] })).toEqual(['Emporio solidale']);
    expect(await titles({ project, organizationKinds: ['FOUNDATION'], textPrefix: 'custod' })).toEqual(['Anziani soli in città']);
    expect(await titles({ territory: cremona, textPrefix: 'anz' })).toEqual([]);
    // Drafts are found by their authors and reviewers only, through the same audience.
    expect(await titles({ status: 'DRAFT', textPrefix: 'anz', organizationKinds: ['FOUNDATION'] }, author!)).toEqual(['Bozza sugli anziani']);
    expect(await titles({ status: 'DRAFT', textPrefix: 'anz' }, coordinator!)).toEqual(['Bozza sugli anziani']);
    expect(await titles({ status: 'DRAFT', textPrefix: 'anz' }, outsider!)).toEqual([]);
    expect(await titles({ textPrefix: 'bozza' }, null)).toEqual([]);
  });

  it('finds a practice by its words as edited, and its organizations as replaced', async () => {
    const edited = await practice({ title: 'Caffè alzheimer', summary: 'Incontri per famiglie.', organizations: [org('Associazione Alzheimer', 'ASSOCIATION')] }, false);
    expect(await titles({ textPrefix: 'caff', organizationKinds: ['ASSOCIATION'] }, author!)).toEqual(['Caffè alzheimer']);
    await call.data(author!, UPDATE, { input: { practiceId: edited.id, version: 1, title: 'Caffè della memoria', organizations: [org('Scuola media Manzoni', 'SCHOOL_OR_UNIVERSITY')] } });
    expect(await titles({ textPrefix: 'alzh' }, author!)).toEqual([]);
    expect(await titles({ textPrefix: 'memo' }, author!)).toEqual(['Caffè della memoria']);
    expect(await titles({ organizationKinds: ['ASSOCIATION'] }, author!)).toEqual([]);
    expect(await titles({ organizationKinds: ['SCHOOL_OR_UNIVERSITY'] }, author!)).toEqual(['Caffè della memoria']);
  });

  it('answers a text search from the words index', async () => {
    // The table is small enough for a sequential scan to win; without that choice the planner must take the index.
    const plan: Record<string, string>[] = await t.db.transaction(async (manager) => {
      await manager.query(`SET LOCAL enable_seqscan = off`);
      return manager.query(`EXPLAIN SELECT id FROM practice WHERE words @@ practice_prefix_query('anz sol')`);
    });
    expect(plan.map((row) => Object.values(row)[0]).join('\n')).toContain('practice_words_idx');
    expect(await t.db.query(`SELECT practice_prefix_query('  Anziàni, SOLI ') AS q`)).toEqual([{ q: "'anziani':* & 'soli':*" }]);
    expect(await t.db.query(`SELECT practice_prefix_query(' ! ') AS q`)).toEqual([{ q: null }]);
  });

  // Last: reverting drops the organizations and links it added.
  it('has migrations that revert and apply again, the words of existing practices filled in', async () => {
    const migrations = [new PracticeWords1764000002520(), new PracticeThreadLinks1764000002510(), new PracticeOrganizations1764000002500()];
    const tables = () => t.db.query(`SELECT to_regclass('practice_organization') IS NOT NULL AS organizations, to_regclass('practice_thread') IS NOT NULL AS links`);
    const runner = t.db.createQueryRunner();
    try {
      for (const migration of migrations) await migration.down(runner);
      expect(await tables()).toEqual([{ organizations: false, links: false }]);
      expect(await t.db.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'practice' AND column_name = 'words'`)).toEqual([{ n: 0 }]);
      for (const migration of [...migrations].reverse()) await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await tables()).toEqual([{ organizations: true, links: true }]);
    expect(await titles({ textPrefix: 'anz' })).toEqual(['Anziani soli in città', 'Emporio solidale']);
  });
});
