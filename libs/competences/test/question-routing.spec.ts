import { OutboxRunner } from '@bottega/core';
import { CommunityFactory, type TestCommunity } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { QuestionRouteRepository } from '../src/lib/routing/question-route.repository';
import { api, dbId, globalId, skillId, state, unknownId } from './support';

const START = `mutation($input: StartThreadInput!) { startThread(input: $input) { thread { id posts { nodes { id } } } userErrors { code } } }`;
const REPLY = `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { id } userErrors { code } } }`;
const ACCEPT = `mutation($input: AcceptAnswerInput!) { acceptAnswer(input: $input) { userErrors { code } } }`;
const FOR_ME = `query($first: Int, $after: String) {
  questionsForMe(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { thread { id kind answered } skills { key } notified }
  }
}`;
const SET_COMPETENCES = `mutation($input: SetCompetencesInput!) { setCompetences(input: $input) { userErrors { code } } }`;
const SET_AVAILABILITY = `mutation($input: SetAvailabilityInput!) { setAvailability(input: $input) { userErrors { code } } }`;
const SET_TAGS = `mutation($input: SetSkillTagsInput!) { setSkillTags(input: $input) { skill { key tags } userErrors { field code } } }`;

const CAP = 2;

describe('questions routed to the people who can answer them', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let community: TestCommunity;
  let asker: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ QUESTION_ROUTING_DAILY_CAP: String(CAP) });
    call = api(t);
    asker = await t.users.create();
  });
  afterAll(() => t.close());

  /** Someone with these competences, available unless said otherwise. */
  async function person(competences: [key: string, level: string][], availability = 'OPEN_TO_EXCHANGE'): Promise<TestUser> {
    const user = await t.users.create();
    const input = await Promise.all(competences.map(async ([key, level]) => ({ skillId: globalId('Skill', await skillId(t, key)), level })));
    expect((await call.data(user, SET_COMPETENCES, { input: { competences: input } })).setCompetences.userErrors).toEqual([]);
    await call.data(user, SET_AVAILABILITY, { input: { availability } });
    return user;
  }

  async function ask(tags: string[], options: { kind?: string; communityId?: string; by?: TestUser } = {}): Promise<{ id: string; postId: string }> {
    const { startThread } = await call.data(options.by ?? asker, START, {
      input: {
        communityId: options.communityId ?? community.globalId,
        kind: options.kind ?? 'QUESTION',
        title: `Come si fa? ${Math.random()}`,
        body: 'Chi ci è già passato?',
        tags,
      },
    });
    expect(startThread.userErrors).toEqual([]);
    return { id: startThread.thread.id, postId: startThread.thread.posts.nodes[0].id };
  }

  /** Lets the outbox runner catch up (it runs in the app, as in production). */
  const drained = () => t.app.get(OutboxRunner).wake();

  async function routedNotices(user: TestUser): Promise<string[]> {
    const rows = await t.db.query(`SELECT subject_id FROM notification WHERE recipient_id = $1 AND kind = 'QUESTION_ROUTED' ORDER BY created_at`, [user.id]);
    return rows.map((row: { subject_id: string }) => globalId('Thread', row.subject_id));
  }

  const listed = async (user: TestUser) => (await call.data(user, FOR_ME, { first: 50 })).questionsForMe;

  describe('routing', () => {
    let expert: TestUser;
    let experienced: TestUser;
    let practitioner: TestUser;
    let unavailable: TestUser;
    let outsider: TestUser;
    let moderated: TestUser;

    beforeAll(async () => {
      expert = await person([['grant-writing', 'EXPERT']]);
      experienced = await person([['crowdfunding', 'EXPERIENCED'], ['housing', 'EXPERT']]);
      practitioner = await person([['grant-writing', 'PRACTITIONER']]);
      unavailable = await person([['grant-writing', 'EXPERT']], 'NOT_AVAILABLE');
      outsider = await person([['eu-funding', 'EXPERT']]);
      moderated = await person([['grant-writing', 'EXPERT']]);
      await t.db.query(`UPDATE competence_profile SET hidden_at = now() WHERE user_id = $1`, [moderated.id]);
      community = await new CommunityFactory(t.db).create({ memberIds: [asker.id, expert.id, experienced.id, practitioner.id, unavailable.id] });
    });

    it('notifies each available person with a skill of its tags at EXPERIENCED or above once, and lists it for them until it is answered', async () => {
      const question = await ask(['raccolta-fondi']);
      await drained();
      expect(await routedNotices(expert)).toEqual([question.id]);
      expect(await routedNotices(experienced)).toEqual([question.id]);
      // Not to those who could not answer, nor the asker, nor someone whose profile moderation hid.
      for (const user of [practitioner, unavailable, asker, moderated]) expect(await routedNotices(user)).toEqual([]);
      // A public community: anyone with the skill may read it, member or not.
      expect(await routedNotices(outsider)).toEqual([question.id]);

      const mine = await listed(expert);
      expect(mine.nodes).toEqual([{ thread: { id: question.id, kind: 'QUESTION', answered: false }, skills: [{ key: 'grant-writing' }], notified: true }]);
      expect((await listed(experienced)).nodes[0].skills).toEqual([{ key: 'crowdfunding' }]);
      expect((await listed(practitioner)).nodes).toEqual([]);
      const notification = await call.data(expert, `{ notifications(first: 5) { nodes { kind subject { id } actor { id } } } }`);
      expect(notification.notifications.nodes).toContainEqual({ kind: 'QUESTION_ROUTED', subject: { id: question.id }, actor: { id: asker.globalId } });

      // Answered, it leaves the list.
      const { replyToThread } = await call.data(expert, REPLY, { input: { threadId: question.id, body: 'Noi abbiamo fatto così.' } });
      expect((await call.data(asker, ACCEPT, { input: { postId: replyToThread.post.id } })).acceptAnswer.userErrors).toEqual([]);
      expect((await listed(expert)).nodes).toEqual([]);
    });

    it('routes neither discussions, nor questions whose tags stand for no skill, nor a private question to those who may not read it', async () => {
      await ask(['raccolta-fondi'], { kind: 'DISCUSSION' });
      await ask(['gite-in-montagna']);
      const closed = await new CommunityFactory(t.db).create({ visibility: 'PRIVATE', memberIds: [asker.id, experienced.id] });
      const secret = await ask(['housing-first'], { communityId: closed.globalId });
      await drained();
      expect(await routedNotices(experienced)).toContain(secret.id);
      const rows = await t.db.query(`SELECT user_id FROM question_route WHERE thread_id = $1`, [dbId(secret.id)]);
      expect(rows.map((row: { user_id: string }) => row.user_id)).toEqual([experienced.id]);
      expect((await listed(expert)).nodes).toEqual([]);
      expect((await listed(experienced)).nodes.map((node: any) => node.thread.id)).toEqual([secret.id]);
      // Leaving the community takes it out of the list.
      await t.db.query(`DELETE FROM community_membership WHERE community_id = $1 AND user_id = $2`, [closed.id, experienced.id]);
      expect((await listed(experienced)).nodes).toEqual([]);
    });

    it('notifies nobody twice when the outbox hands the same changes over again', async () => {
      const fresh = await person([['crowdfunding', 'EXPERT']]);
      const question = await ask(['crowdfunding']);
      await drained();
      const before = await t.db.query(`SELECT recipient_id, subject_id FROM notification WHERE kind = 'QUESTION_ROUTED' ORDER BY recipient_id, subject_id`);
      expect(before.length).toBeGreaterThan(0);
      // As after a crash between handling a batch and recording it handled: everything comes again.
      await t.db.query(`UPDATE outbox_consumer SET position = 0 WHERE name = 'question-routing'`);
      await drained();
      expect(await t.db.query(`SELECT recipient_id, subject_id FROM notification WHERE kind = 'QUESTION_ROUTED' ORDER BY recipient_id, subject_id`)).toEqual(before);
      expect(await routedNotices(fresh)).toEqual([question.id]);
      expect((await listed(fresh)).nodes).toHaveLength(1);
    });

    it('refuses the list to the anonymous', async () => {
      expect(await call.code(null, FOR_ME, {})).toBe('UNAUTHENTICATED');
      expect(await call.code(expert, FOR_ME, { first: 101 })).toBe('BAD_USER_INPUT');
    });
  });

  describe('the daily quota', () => {
    it(`gives each person exactly ${CAP} notifications a day however many questions arrive at once, and lists them all, newest first`, async () => {
      const [first, second] = [await person([['social-reporting', 'EXPERT']]), await person([['social-reporting', 'EXPERIENCED']])];
      community = await new CommunityFactory(t.db).create({ memberIds: [asker.id] });
      const questions = await Promise.all(Array.from({ length: 8 }, () => ask(['bilancio-sociale'])));
      await drained();
      for (const user of [first, second]) {
        expect(await routedNotices(user)).toHaveLength(CAP);
        const list = await listed(user);
        expect(list.totalCount).toBe(questions.length);
        expect(list.nodes.filter((node: any) => node.notified)).toHaveLength(CAP);
        const created = await t.db.query(`SELECT id FROM thread WHERE id = ANY($1::uuid[]) ORDER BY created_at DESC, id DESC`, [
          questions.map((q) => dbId(q.id)),
        ]);
        expect(list.nodes.map((node: any) => node.thread.id)).toEqual(created.map((row: { id: string }) => globalId('Thread', row.id)));
      }
      // Paging through the list gives the same, in pages.
      const paged: string[] = [];
      let after: string | null = null;
      do {
        const page: any = (await call.data(first, FOR_ME, { first: 3, after })).questionsForMe;
        paged.push(...page.nodes.map((node: any) => node.thread.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(paged).toHaveLength(questions.length);
      // A page's statements do not grow with its size.
      const statements = async (size: number) => {
        const response = await call.request(first, FOR_ME, { first: size });
        expect(response.body.data.questionsForMe.nodes).toHaveLength(size);
        return Number(response.headers.get('x-sql-statements'));
      };
      expect(await statements(1)).toBe(await statements(8));
    });

    it('is exact when many transactions take from one quota at once (several API processes)', async () => {
      const user = await t.users.create();
      const routes = t.app.get(QuestionRouteRepository);
      const taken = await Promise.all(Array.from({ length: 12 }, () => t.db.transaction((manager) => routes.takeQuota(manager, [user.id], 5))));
      expect(taken.flat()).toHaveLength(5);
      expect(await t.db.query(`SELECT sent FROM question_routing_quota WHERE user_id = $1`, [user.id])).toEqual([{ sent: 5 }]);
    });
  });

  describe('skill tags', () => {
    it('lets admins set the tags a skill stands for, audited; questions with them are routed, also after a merge', async () => {
      const admin = await t.users.admin().create();
      const grant = globalId('Skill', await skillId(t, 'data-analysis'));
      const { setSkillTags } = await call.data(admin, SET_TAGS, { input: { skillId: grant, tags: ['open-data', 'dati', 'open-data'] } });
      expect(setSkillTags).toEqual({ skill: { key: 'data-analysis', tags: ['dati', 'open-data'] }, userErrors: [] });
      expect(await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'SET_SKILL_TAGS'`)).toEqual([{ n: 1 }]);

      // Merged into another skill, its tags stand for that one.
      const into = globalId('Skill', await skillId(t, 'monitoring-indicators'));
      await call.data(admin, `mutation($input: MergeSkillsInput!) { mergeSkills(input: $input) { userErrors { code } } }`, { input: { from: grant, into } });
      const tags = await call.data(admin, `query($id: ID!) { node(id: $id) { ... on Skill { key tags } } }`, { id: into });
      expect(tags.node).toEqual({ key: 'monitoring-indicators', tags: ['dati', 'indicatori', 'monitoraggio', 'open-data'] });
      const analyst = await person([['monitoring-indicators', 'EXPERT']]);
      community = await new CommunityFactory(t.db).create({ memberIds: [asker.id] });
      const question = await ask(['open-data']);
      await drained();
      expect(await routedNotices(analyst)).toEqual([question.id]);
    });

    it('refuses the anonymous, members, unknown skills and bad tags, changing nothing', async () => {
      const [member, admin] = [await t.users.create(), await t.users.admin().create()];
      const skill = globalId('Skill', await skillId(t, 'youth'));
      const before = [await state(t), await t.db.query(`SELECT * FROM skill_tag ORDER BY skill_id, tag_slug`)];
      const input = (more: Record<string, unknown> = {}) => ({ input: { skillId: skill, tags: ['giovani'], ...more } });
      expect(await call.code(null, SET_TAGS, input())).toBe('UNAUTHENTICATED');
      expect(await call.code(member, SET_TAGS, input())).toBe('FORBIDDEN');
      expect(await call.code(admin, SET_TAGS, input({ skillId: unknownId('Skill') }))).toBe('NOT_FOUND');
      expect(await call.code(admin, SET_TAGS, input({ skillId: 'nonsense' }))).toBe('BAD_USER_INPUT');
      const refused: [string[], string][] = [
        [['Non Uno Slug'], 'INVALID'],
        [Array.from({ length: 21 }, (_, i) => `tag-${i}`), 'TOO_LONG'],
        [['x'.repeat(41)], 'TOO_LONG'],
      ];
      for (const [tags, code] of refused) {
        const { setSkillTags } = await call.data(admin, SET_TAGS, input({ tags }));
        expect(setSkillTags.skill).toBeNull();
        expect(setSkillTags.userErrors[0]).toMatchObject({ field: ['input', 'tags'], code });
      }
      expect([await state(t), await t.db.query(`SELECT * FROM skill_tag ORDER BY skill_id, tag_slug`)]).toEqual(before);
    });
  });
});
