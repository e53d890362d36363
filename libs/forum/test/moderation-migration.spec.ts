import { CommunityFactory, ThreadFactory } from '../src/testing';
import { ModerationOfAnyKind1764000001100 } from '@bottega/moderation/migrations';
import { startTestApp, type TestApp } from '@bottega/identity/testing';

const FLAG = `mutation($input: FlagContentInput!) { flagContent(input: $input) { userErrors { code } } }`;

/** Cases written before moderation named items by kind survive the change both ways, with their flags. */
describe('moderation cases of any kind (migration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const cases = () =>
    t.db.query(`SELECT subject_type, subject_id, community_id, moderators, (SELECT count(*)::int FROM content_flag f WHERE f.case_id = c.id) AS flags
                  FROM moderation_case c ORDER BY subject_type, subject_id`);

  it('moves post and thread cases to subject columns and back without losing one', async () => {
    const [coordinator, author, reader] = await Promise.all([t.users.create(), t.users.create(), t.users.create()]);
    const community = await new CommunityFactory(t.db).create({ coordinatorId: coordinator.id, memberIds: [author.id] });
    const thread = await new ThreadFactory(t.db).create({ communityId: community.id, authorId: author.id });
    for (const subjectId of [thread.globalId, thread.openingPostGlobalId]) {
      expect((await t.client.as(reader.accessToken).data(FLAG, { input: { subjectId, reason: 'SPAM' } })).flagContent.userErrors).toEqual([]);
    }
    const before = await cases();
    expect(before).toEqual([
      { subject_type: 'Post', subject_id: thread.openingPostId, community_id: community.id, moderators: [`coordinator:${community.id}`, 'staff'], flags: 1 },
      { subject_type: 'Thread', subject_id: thread.id, community_id: community.id, moderators: [`coordinator:${community.id}`, 'staff'], flags: 1 },
    ]);

    const migration = new ModerationOfAnyKind1764000001100();
    const runner = t.db.createQueryRunner();
    try {
      await migration.down(runner);
      expect(
        await t.db.query(`SELECT post_id, thread_id, community_id FROM moderation_case ORDER BY post_id NULLS LAST`),
      ).toEqual([
        { post_id: thread.openingPostId, thread_id: null, community_id: community.id },
        { post_id: null, thread_id: thread.id, community_id: community.id },
      ]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await cases()).toEqual(before);
  });
});
