import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { api, globalId, skillId, state, unknownId } from './support';

const PROFILE = `id visibility availability viewerCanEdit user { id } competences { level evidenceNote skill { key } }`;
const SET_COMPETENCES = `mutation($input: SetCompetencesInput!) { setCompetences(input: $input) { profile { ${PROFILE} } userErrors { field code message } } }`;
const SET_VISIBILITY = `mutation($input: SetProfileVisibilityInput!) { setProfileVisibility(input: $input) { profile { ${PROFILE} } userErrors { field code } } }`;
const SET_AVAILABILITY = `mutation($input: SetAvailabilityInput!) { setAvailability(input: $input) { profile { ${PROFILE} } userErrors { field code } } }`;

describe('competence profiles', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let skills: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    skills = {};
    for (const key of ['grant-writing', 'crowdfunding', 'housing', 'storytelling', 'eu-funding']) skills[key] = globalId('Skill', await skillId(t, key));
  });
  afterAll(() => t.close());

  const set = (user: TestUser | null, competences: Record<string, unknown>[]) => call.request(user, SET_COMPETENCES, { input: { competences } });

  describe('setCompetences', () => {
    it('makes the profile on first write and replaces the owner’s competences at once, keeping the endorsements of those kept', async () => {
      const owner = await t.users.create();
      const endorser = await t.users.create();
      const first = await set(owner, [
        { skillId: skills['grant-writing'], level: 'EXPERT', evidenceNote: '  Bandi Cariplo vinti dal 2019 ' },
        { skillId: skills['housing'], level: 'AWARE' },
      ]);
      expect(first.body.data.setCompetences).toEqual({
        profile: {
          id: globalId('CompetenceProfile', owner.id),
          visibility: 'MEMBERS_ONLY',
          availability: 'NOT_AVAILABLE',
          viewerCanEdit: true,
          user: { id: owner.globalId },
          competences: [
            { level: 'EXPERT', evidenceNote: 'Bandi Cariplo vinti dal 2019', skill: { key: 'grant-writing' } },
            { level: 'AWARE', evidenceNote: null, skill: { key: 'housing' } },
          ],
        },
        userErrors: [],
      });
      for (const key of ['grant-writing', 'housing']) {
        await t.db.query(`INSERT INTO endorsement (user_id, skill_id, endorser_id) VALUES ($1, $2, $3)`, [owner.id, await skillId(t, key), endorser.id]);
      }

      const second = await set(owner, [
        { skillId: skills['storytelling'], level: 'PRACTITIONER' },
        { skillId: skills['grant-writing'], level: 'EXPERIENCED', evidenceNote: 'Bandi Cariplo' },
      ]);
      expect(second.body.data.setCompetences.profile.competences).toEqual([
        { level: 'PRACTITIONER', evidenceNote: null, skill: { key: 'storytelling' } },
        { level: 'EXPERIENCED', evidenceNote: 'Bandi Cariplo', skill: { key: 'grant-writing' } },
      ]);
      expect(await t.db.query(`SELECT s.key FROM endorsement e JOIN skill s ON s.id = e.skill_id WHERE e.user_id = $1`, [owner.id])).toEqual([
        { key: 'grant-writing' },
      ]);
      expect(await t.db.query(`SELECT change FROM outbox_event WHERE kind = 'CompetenceProfile' AND subject_id = $1 ORDER BY id`, [owner.id])).toEqual([
        { change: 'EDITED' },
        { change: 'EDITED' },
      ]);

      const emptied = await set(owner, []);
      expect(emptied.body.data.setCompetences.profile.competences).toEqual([]);
      expect(await t.db.query(`SELECT count(*)::int AS n FROM endorsement WHERE user_id = $1`, [owner.id])).toEqual([{ n: 0 }]);
    });

    it('takes a merged skill’s id for the skill it went into', async () => {
      const owner = await t.users.create();
      await t.db.query(`UPDATE skill SET merged_into = $2 WHERE id = $1`, [await skillId(t, 'eu-funding'), await skillId(t, 'grant-writing')]);
      const result = await set(owner, [{ skillId: skills['eu-funding'], level: 'EXPERT' }]);
      expect(result.body.data.setCompetences.profile.competences).toEqual([{ level: 'EXPERT', evidenceNote: null, skill: { key: 'grant-writing' } }]);
      const twice = await set(owner, [
        { skillId: skills['eu-funding'], level: 'EXPERT' },
        { skillId: skills['grant-writing'], level: 'AWARE' },
      ]);
      expect(twice.body.data.setCompetences.userErrors).toEqual([{ field: ['input', 'competences', '1', 'skillId'], code: 'INVALID', message: expect.any(String) }]);
    });

    it('refuses the anonymous, unknown and malformed skills and bad input, changing nothing', async () => {
      const owner = await t.users.create();
      await set(owner, [{ skillId: skills['crowdfunding'], level: 'PRACTITIONER' }]);
      const before = await state(t);
      const good = { skillId: skills['housing'], level: 'EXPERT' };
      expect((await set(null, [good])).body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect((await set(owner, [good, { skillId: unknownId('Skill'), level: 'AWARE' }])).body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect((await set(owner, [{ skillId: unknownId('Practice'), level: 'AWARE' }])).body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: ['input', 'competences', '0', 'skillId'],
      });
      expect((await set(owner, [{ ...good, level: 'GURU' }])).body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      const refused = async (competences: Record<string, unknown>[]) => (await set(owner, competences)).body.data.setCompetences;
      expect(await refused([good, { ...good, level: 'AWARE' }])).toEqual({
        profile: null,
        userErrors: [{ field: ['input', 'competences', '1', 'skillId'], code: 'INVALID', message: expect.any(String) }],
      });
      expect((await refused([{ ...good, evidenceNote: 'x'.repeat(1001) }])).userErrors).toEqual([
        { field: ['input', 'competences', '0', 'evidenceNote'], code: 'TOO_LONG', message: expect.any(String) },
      ]);
      const all = (await t.db.query(`SELECT id FROM skill WHERE merged_into IS NULL LIMIT 31`)).map((row: { id: string }) => ({
        skillId: globalId('Skill', row.id),
        level: 'AWARE',
      }));
      expect((await refused(all)).userErrors).toEqual([{ field: ['input', 'competences'], code: 'TOO_LONG', message: expect.any(String) }]);
      expect(await state(t)).toEqual(before);
    });
  });

  describe('setProfileVisibility and setAvailability', () => {
    it('change what the owner chose, making the profile on first write', async () => {
      const owner = await t.users.create();
      const hidden = await call.data(owner, SET_VISIBILITY, { input: { visibility: 'HIDDEN' } });
      expect(hidden.setProfileVisibility).toMatchObject({ profile: { visibility: 'HIDDEN', availability: 'NOT_AVAILABLE', competences: [] }, userErrors: [] });
      const open = await call.data(owner, SET_AVAILABILITY, { input: { availability: 'MENTORING' } });
      expect(open.setAvailability).toMatchObject({ profile: { visibility: 'HIDDEN', availability: 'MENTORING' }, userErrors: [] });
      expect(await t.db.query(`SELECT change FROM outbox_event WHERE kind = 'CompetenceProfile' AND subject_id = $1 ORDER BY id`, [owner.id])).toEqual([
        { change: 'VISIBILITY_CHANGED' },
        { change: 'EDITED' },
      ]);
    });

    it('refuse the anonymous and values outside their enums, changing nothing', async () => {
      const owner = await t.users.create();
      const before = await state(t);
      expect(await call.code(null, SET_VISIBILITY, { input: { visibility: 'PUBLIC' } })).toBe('UNAUTHENTICATED');
      expect(await call.code(null, SET_AVAILABILITY, { input: { availability: 'MENTORING' } })).toBe('UNAUTHENTICATED');
      expect(await call.code(owner, SET_VISIBILITY, { input: { visibility: 'FRIENDS' } })).toBe('BAD_USER_INPUT');
      expect(await call.code(owner, SET_AVAILABILITY, { input: { availability: 'SOMETIMES' } })).toBe('BAD_USER_INPUT');
      expect(await state(t)).toEqual(before);
    });
  });

  describe('who sees a profile', () => {
    it('shows it to its audience, and a hidden one nowhere but to its owner and staff: by handle, node, nodes, the user, lists and counts', async () => {
      const [member, staff] = await Promise.all([t.users.create(), t.users.moderator().create()]);
      const skill = await skillId(t, 'storytelling');
      const owners: Record<string, TestUser> = {};
      for (const visibility of ['PUBLIC', 'MEMBERS_ONLY', 'HIDDEN']) {
        const owner = await t.users.create();
        await set(owner, [{ skillId: globalId('Skill', skill), level: 'EXPERT' }]);
        await call.data(owner, SET_VISIBILITY, { input: { visibility } });
        owners[visibility] = owner;
      }
      const none = await t.users.create();

      /** Whether `viewer` reaches the profile of `owner`, each way: they must agree. */
      const reaches = async (viewer: TestUser | null, owner: TestUser) => {
        const id = globalId('CompetenceProfile', owner.id);
        const result = await call.data(
          viewer,
          `query($handle: String!, $id: ID!, $skill: ID!) {
            competenceProfile(handle: $handle) { id }
            node(id: $id) { id }
            nodes(ids: [$id]) { id }
            user(handle: $handle) { competenceProfile { id } }
            competenceProfiles(first: 100, filter: { skill: $skill }) { totalCount nodes { id } }
          }`,
          { handle: owner.handle, id, skill: globalId('Skill', skill) },
        );
        const ways = [
          result.competenceProfile?.id === id,
          result.node?.id === id,
          result.nodes[0]?.id === id,
          result.user.competenceProfile?.id === id,
          result.competenceProfiles.nodes.some((node: { id: string }) => node.id === id),
        ];
        expect(ways.every((way) => way === ways[0])).toBe(true);
        expect(result.competenceProfiles.totalCount).toBe(result.competenceProfiles.nodes.length);
        return ways[0];
      };

      const table: Record<string, Record<string, boolean>> = {};
      for (const [visibility, owner] of Object.entries(owners)) {
        table[visibility] = {
          anonymous: await reaches(null, owner),
          member: await reaches(member, owner),
          owner: await reaches(owner, owner),
          staff: await reaches(staff, owner),
        };
      }
      expect(table).toEqual({
        PUBLIC: { anonymous: true, member: true, owner: true, staff: true },
        MEMBERS_ONLY: { anonymous: false, member: true, owner: true, staff: true },
        HIDDEN: { anonymous: false, member: false, owner: true, staff: true },
      });
      expect(await reaches(member, none)).toBe(false);
      expect((await call.data(member, `{ competenceProfile(handle: "nobody-has-this") { id } }`)).competenceProfile).toBeNull();
    });

    it('lists profiles by availability, and reads a page of them with their people and competences in a fixed number of statements', async () => {
      const viewer = await t.users.create();
      for (const key of ['housing', 'crowdfunding', 'storytelling', 'grant-writing', 'housing', 'crowdfunding']) {
        await set(await t.users.create(), [{ skillId: skills[key], level: 'EXPERIENCED' }, { skillId: skills['storytelling'], level: 'AWARE' }].slice(0, key === 'storytelling' ? 1 : 2));
      }
      const statements = async (first: number) => {
        const response = await call.request(viewer, `query($first: Int!) { competenceProfiles(first: $first) { nodes { id user { handle } competences { level skill { key label area { key } } } } } }`, {
          first,
        });
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data.competenceProfiles.nodes).toHaveLength(first);
        return Number(response.headers.get('x-sql-statements'));
      };
      // The viewer's session is read with their first request, then remembered: count after it.
      await statements(2);
      expect(await statements(6)).toBe(await statements(2));

      const mentor = await t.users.create();
      await call.data(mentor, SET_AVAILABILITY, { input: { availability: 'MENTORING' } });
      await call.data(mentor, SET_VISIBILITY, { input: { visibility: 'PUBLIC' } });
      const { competenceProfiles } = await call.data(null, `{ competenceProfiles(filter: { availability: MENTORING }) { totalCount nodes { user { id } } } }`);
      expect(competenceProfiles.nodes.map((node: { user: { id: string } }) => node.user.id)).toContain(mentor.globalId);
      expect(competenceProfiles.totalCount).toBe(competenceProfiles.nodes.length);
    });
  });
});
