import { randomUUID } from 'node:crypto';
import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { api, globalId, skillId, state, unknownId } from './support';

const SUGGEST = `query($need: PeerNeedInput!, $first: Int, $after: String) {
  suggestPeers(need: $need, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      profile { id user { id } }
      score matchedSkills { skill { key } level endorsementCount } endorsementCount evidenceCount
      evidence { id title } territoryMatch reasons
    }
  }
}`;
const SET_COMPETENCES = `mutation($input: SetCompetencesInput!) { setCompetences(input: $input) { userErrors { code } } }`;
const SET_VISIBILITY = `mutation($input: SetProfileVisibilityInput!) { setProfileVisibility(input: $input) { userErrors { code } } }`;
const SET_AVAILABILITY = `mutation($input: SetAvailabilityInput!) { setAvailability(input: $input) { userErrors { code } } }`;

type Level = 'AWARE' | 'PRACTITIONER' | 'EXPERIENCED' | 'EXPERT';

interface Spec {
  competences: [key: string, level: Level][];
  visibility?: 'PUBLIC' | 'MEMBERS_ONLY' | 'HIDDEN';
  availability?: 'OPEN_TO_EXCHANGE' | 'MENTORING' | 'NOT_AVAILABLE';
  territories?: string[];
  /** Endorsements of the first competence. */
  endorsements?: number;
}

describe('suggestPeers', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let territory: (code: string) => Promise<string>;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    territory = async (code) => (await t.db.query(`SELECT id FROM territory WHERE code = $1`, [code]))[0].id;
  });
  afterAll(() => t.close());

  async function person(spec: Spec): Promise<TestUser> {
    const user = await t.users.create();
    const competences = await Promise.all(spec.competences.map(async ([key, level]) => ({ skillId: globalId('Skill', await skillId(t, key)), level })));
    expect((await call.data(user, SET_COMPETENCES, { input: { competences } })).setCompetences.userErrors).toEqual([]);
    await call.data(user, SET_VISIBILITY, { input: { visibility: spec.visibility ?? 'PUBLIC' } });
    await call.data(user, SET_AVAILABILITY, { input: { availability: spec.availability ?? 'OPEN_TO_EXCHANGE' } });
    for (const [position, code] of (spec.territories ?? []).entries()) {
      await t.db.query(`INSERT INTO competence_profile_territory (user_id, territory_id, position) VALUES ($1, $2, $3)`, [
        user.id,
        await territory(code),
        position,
      ]);
    }
    if (spec.endorsements) {
      const endorsers = await Promise.all(Array.from({ length: spec.endorsements }, () => t.users.create()));
      await t.db.query(`INSERT INTO endorsement (user_id, skill_id, endorser_id) SELECT $1, $2, unnest($3::uuid[])`, [
        user.id,
        await skillId(t, spec.competences[0]![0]),
        endorsers.map((e) => e.id),
      ]);
    }
    return user;
  }

  /** A published practice by `author`, with these tags, in a community when given. */
  async function practice(author: TestUser, tags: string[], communityId: string | null = null, status = 'PUBLISHED'): Promise<string> {
    const unique = randomUUID().slice(0, 8);
    const [row] = await t.db.query(
      `INSERT INTO practice (slug, kind, status, title, community_id, published_at)
       VALUES ($1, 'PRACTICE', $2, $3, $4, CASE WHEN $2 = 'PUBLISHED' THEN now() END) RETURNING id`,
      [`practice-${unique}`, status, `Pratica ${unique}`, communityId],
    );
    await t.db.query(`INSERT INTO practice_author (practice_id, user_id, position) VALUES ($1, $2, 0)`, [row.id, author.id]);
    await t.db.query(`INSERT INTO tag (slug) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [tags]);
    await t.db.query(`INSERT INTO practice_tag (practice_id, tag_id) SELECT $1, id FROM tag WHERE slug = ANY($2::text[])`, [row.id, tags]);
    return globalId('Practice', row.id);
  }

  const userIds = (result: any) => result.suggestPeers.nodes.map((node: any) => node.profile.user.id);

  describe('with a small population', () => {
    let viewer: TestUser;
    let milan: TestUser;
    let bergamo: TestUser;
    let membersOnly: TestUser;
    let hidden: TestUser;
    let unavailable: TestUser;
    let housing: TestUser;
    let milanTerritory: string;
    let milanPractices: string[];

    beforeAll(async () => {
      // Each test sees only the people it made: a fresh app per describe would be slower, so these people have skills nobody else has.
      viewer = await person({ competences: [['grant-writing', 'EXPERT']], territories: ['IT-MI'] });
      milan = await person({ competences: [['grant-writing', 'EXPERT'], ['housing', 'AWARE']], territories: ['IT-MI'], endorsements: 3 });
      bergamo = await person({ competences: [['crowdfunding', 'PRACTITIONER']], territories: ['IT-BG'], availability: 'MENTORING' });
      membersOnly = await person({ competences: [['eu-funding', 'EXPERIENCED']], visibility: 'MEMBERS_ONLY' });
      hidden = await person({ competences: [['grant-writing', 'EXPERT']], visibility: 'HIDDEN', territories: ['IT-MI'], endorsements: 5 });
      unavailable = await person({ competences: [['grant-writing', 'EXPERT']], availability: 'NOT_AVAILABLE', territories: ['IT-MI'] });
      housing = await person({ competences: [['housing', 'EXPERT']], territories: ['IT-MI'] });
      milanTerritory = globalId('Territory', await territory('IT-MI'));
      const privateCommunity = await new CommunityFactory(t.db).create({ visibility: 'PRIVATE' });
      milanPractices = [await practice(milan, ['raccolta-fondi', 'bandi']), await practice(milan, ['fondazioni'])];
      // Neither is evidence: one the viewer may not read, one not published, one on another theme.
      await practice(milan, ['raccolta-fondi'], privateCommunity.id);
      await practice(milan, ['raccolta-fondi'], null, 'DRAFT');
      await practice(milan, ['housing']);
    });

    it('ranks available, visible people by skills, endorsements, evidence and territory, each explained', async () => {
      const result = await call.data(viewer, SUGGEST, { need: { text: 'fundraising', territoryId: milanTerritory } });
      expect(userIds(result)).toEqual([milan.globalId, membersOnly.globalId, bergamo.globalId]);
      const [first, second, third] = result.suggestPeers.nodes;
      expect(first).toEqual({
        profile: { id: globalId('CompetenceProfile', milan.id), user: { id: milan.globalId } },
        score: 40 + 3 * 2 + 2 * 6 + 15,
        matchedSkills: [{ skill: { key: 'grant-writing' }, level: 'EXPERT', endorsementCount: 3 }],
        endorsementCount: 3,
        evidenceCount: 2,
        evidence: expect.arrayContaining(milanPractices.map((id) => ({ id, title: expect.any(String) }))),
        territoryMatch: 'SAME',
        reasons: ['Grant writing: expert, endorsed by 3 people', '2 published practices on these themes', 'Works in the territory of the need, or within it', 'Open to peer exchanges'],
      });
      expect(first.evidence).toHaveLength(2);
      expect(second).toMatchObject({ score: 30, territoryMatch: 'UNKNOWN', reasons: ['EU funding: experienced', 'Open to peer exchanges'] });
      expect(third).toMatchObject({ score: 20, territoryMatch: 'OTHER', reasons: ['Crowdfunding: practitioner', 'Works in another territory', 'Offers mentoring'] });
      expect(result.suggestPeers.totalCount).toBe(3);
      // Never: the viewer, a hidden profile, someone not available, someone without the skills.
      for (const absent of [viewer, hidden, unavailable, housing]) expect(userIds(result)).not.toContain(absent.globalId);
    });

    it('matches Italian and English words, accents and case aside, and skills named by id', async () => {
      const english = userIds(await call.data(viewer, SUGGEST, { need: { text: 'Fundraising' } }));
      expect(userIds(await call.data(viewer, SUGGEST, { need: { text: 'RACCOLTA fondi per un emporio' } }))).toEqual(english);
      expect(userIds(await call.data(viewer, SUGGEST, { need: { text: 'crowdfùnding' } }))).toEqual([bergamo.globalId]);
      const byId = await call.data(viewer, SUGGEST, { need: { skillIds: [globalId('Skill', await skillId(t, 'housing'))] } });
      expect(userIds(byId)).toEqual([housing.globalId, milan.globalId]);
      expect(byId.suggestPeers.nodes[1].reasons[0]).toBe('Housing and social housing: aware');
    });

    it('ranks people from other territories higher when asked, for cross-pollination', async () => {
      const result = await call.data(viewer, SUGGEST, { need: { text: 'fundraising', territoryId: milanTerritory, preferOtherTerritories: true } });
      const byUser = new Map(result.suggestPeers.nodes.map((node: any) => [node.profile.user.id, node]));
      expect(byUser.get(milan.globalId)).toMatchObject({ score: 40 + 6 + 12, territoryMatch: 'SAME' });
      expect(byUser.get(bergamo.globalId)).toMatchObject({ score: 20 + 15, territoryMatch: 'OTHER' });
      expect((byUser.get(bergamo.globalId) as any).reasons).toContain('Works in another territory, as asked');
      // Lombardy contains Milan: someone in Milan is in the territory of a need in Lombardy.
      const lombardy = await call.data(viewer, SUGGEST, { need: { text: 'fundraising', territoryId: globalId('Territory', await territory('IT-25')) } });
      expect(lombardy.suggestPeers.nodes.map((node: any) => node.territoryMatch)).toEqual(['SAME', 'SAME', 'UNKNOWN']);
    });

    it('shows each person only to those who may see their profile: the anonymous see public profiles only', async () => {
      const anonymous = await call.data(null, SUGGEST, { need: { text: 'fundraising' } });
      expect(userIds(anonymous)).toEqual([milan.globalId, viewer.globalId, bergamo.globalId]);
      // Their owner and staff see a hidden profile; the owner is never suggested to themself.
      const admin = await t.users.admin().create();
      expect(userIds(await call.data(admin, SUGGEST, { need: { text: 'fundraising' } }))).toContain(hidden.globalId);
      expect(userIds(await call.data(hidden, SUGGEST, { need: { text: 'fundraising' } }))).not.toContain(hidden.globalId);
      // Hidden by moderation, a profile is gone from suggestions too, whatever its owner chose.
      await t.db.query(`UPDATE competence_profile SET hidden_at = now() WHERE user_id = $1`, [bergamo.id]);
      try {
        expect(userIds(await call.data(viewer, SUGGEST, { need: { text: 'fundraising' } }))).not.toContain(bergamo.globalId);
      } finally {
        await t.db.query(`UPDATE competence_profile SET hidden_at = NULL WHERE user_id = $1`, [bergamo.id]);
      }
    });

    it('pages in a stable order (score, then id), with the same statements for a page of 1 as for a page of 4', async () => {
      const all = userIds(await call.data(viewer, SUGGEST, { need: { text: 'fondi', territoryId: milanTerritory }, first: 10 }));
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: any = await call.data(viewer, SUGGEST, { need: { text: 'fondi', territoryId: milanTerritory }, first: 1, after });
        seen.push(...userIds(page));
        after = page.suggestPeers.pageInfo.hasNextPage ? page.suggestPeers.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(all);
      const statements = async (first: number) => {
        const response = await call.request(viewer, SUGGEST, { need: { text: 'fundraising', territoryId: milanTerritory }, first });
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data.suggestPeers.nodes.length).toBe(Math.min(first, 3));
        return Number(response.headers.get('x-sql-statements'));
      };
      expect(await statements(1)).toBe(await statements(3));
    });

    it('refuses bad needs with typed errors, changing nothing', async () => {
      const before = await state(t);
      const skill = globalId('Skill', await skillId(t, 'grant-writing'));
      const code = (need: Record<string, unknown>, first?: number) => call.code(viewer, SUGGEST, { need, first });
      expect(await code({})).toBe('BAD_USER_INPUT');
      expect(await code({ text: '   ' })).toBe('BAD_USER_INPUT');
      expect(await code({ text: 'xylofono quantistico' })).toBe('BAD_USER_INPUT');
      expect(await code({ text: 'x'.repeat(501) })).toBe('BAD_USER_INPUT');
      expect(await code({ skillIds: Array.from({ length: 11 }, () => skill) })).toBe('BAD_USER_INPUT');
      expect(await code({ skillIds: [unknownId('Skill')] })).toBe('NOT_FOUND');
      expect(await code({ skillIds: ['not-an-id'] })).toBe('BAD_USER_INPUT');
      expect(await code({ skillIds: [milanTerritory] })).toBe('BAD_USER_INPUT');
      expect(await code({ text: 'fundraising', territoryId: unknownId('Territory') })).toBe('NOT_FOUND');
      expect(await code({ text: 'fundraising', preferOtherTerritories: true })).toBe('BAD_USER_INPUT');
      expect(await code({ text: 'fundraising' }, 101)).toBe('BAD_USER_INPUT');
      expect(await call.code(viewer, SUGGEST, { need: { text: 'fundraising' }, after: 'forged' })).toBe('BAD_USER_INPUT');
      expect(await state(t)).toEqual(before);
    });

    it('follows merged skills: a merged skill’s id and former name stand for the skill it went into', async () => {
      const admin = await t.users.admin().create();
      const from = await skillId(t, 'foundation-partnerships');
      const into = await skillId(t, 'corporate-partnerships');
      const expert = await person({ competences: [['foundation-partnerships', 'EXPERT']] });
      const merge = `mutation($input: MergeSkillsInput!) { mergeSkills(input: $input) { userErrors { code } } }`;
      expect((await call.data(admin, merge, { input: { from: globalId('Skill', from), into: globalId('Skill', into) } })).mergeSkills.userErrors).toEqual([]);
      const byOldId = await call.data(viewer, SUGGEST, { need: { skillIds: [globalId('Skill', from)] } });
      expect(byOldId.suggestPeers.nodes).toEqual([expect.objectContaining({ matchedSkills: [{ skill: { key: 'corporate-partnerships' }, level: 'EXPERT', endorsementCount: 0 }] })]);
      expect(userIds(await call.data(viewer, SUGGEST, { need: { text: 'rapporti con le fondazioni' } }))).toEqual([expert.globalId]);
    });
  });
});
