import { executeOverSocket } from '@bottega/testing';
import { CommunityFactory, ThreadFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp } from './support/test-app';

/** Every way in to a private community's content, tried by someone who is not in it. */
describe('private communities never leak', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('hides them from lists, counts, node lookups, subscriptions, follows and notifications', async () => {
    const [coordinator, outsider] = await Promise.all([t.users.create(), t.users.create()]);
    const tag = `riservato-${Date.now()}`;
    const secret = await new CommunityFactory(t.db).create({ name: 'Secret lab', visibility: 'PRIVATE', coordinatorId: coordinator.id });
    const thread = await new ThreadFactory(t.db).create({ communityId: secret.id, authorId: coordinator.id, title: 'Secret budget numbers', replies: [{ authorId: coordinator.id }] });
    await t.db.query(`INSERT INTO tag (slug) VALUES ($1)`, [tag]);
    await t.db.query(`INSERT INTO thread_tag (thread_id, tag_id) SELECT $1, id FROM tag WHERE slug = $2`, [thread.id, tag]);
    await t.db.query(`INSERT INTO follow (user_id, subject_type, subject_key) VALUES ($1, 'TAG', $2), ($1, 'COMMUNITY', $3)`, [outsider.id, tag, secret.id]);

    for (const client of [t.client, t.client.as(outsider.accessToken)]) {
      const data = await client.data(
        `query($ids: [ID!]!, $c: ID!, $tag: String!, $slug: String!) {
          communities(first: 100) { totalCount nodes { name } }
          community(slug: $slug) { id }
          nodes(ids: $ids) { id }
          inCommunity: threads(filter: { community: $c }) { totalCount }
          byTag: threads(filter: { tag: $tag }) { totalCount }
          everything: threads(first: 100) { totalCount nodes { title } }
        }`,
        { ids: [secret.globalId, thread.globalId, thread.openingPostGlobalId], c: secret.globalId, tag, slug: secret.slug },
      );
      expect(data.communities.nodes.map((n: { name: string }) => n.name)).not.toContain('Secret lab');
      expect(data.community).toBeNull();
      expect(data.nodes).toEqual([null, null, null]);
      expect(data.inCommunity.totalCount).toBe(0);
      expect(data.byTag.totalCount).toBe(0);
      expect(data.everything.nodes.map((n: { title: string }) => n.title)).not.toContain('Secret budget numbers');
    }

    const socket = t.client.as(outsider.accessToken).socket();
    try {
      for (const [query, variables] of [
        [`subscription($id: ID!) { postAdded(threadId: $id) { id } }`, { id: thread.globalId }],
        [`subscription($id: ID!) { threadActivity(communityId: $id) { kind } }`, { id: secret.globalId }],
      ] as const) {
        const result = await executeOverSocket(socket, query, variables);
        expect(result.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      }
    } finally {
      await socket.dispose();
    }

    const asOutsider = t.client.as(outsider.accessToken);
    expect((await asOutsider.error(`mutation($id: ID!) { follow(input: { subjectId: $id }) { following } }`, { id: secret.globalId })).code).toBe('NOT_FOUND');
    expect((await asOutsider.error(`mutation($id: ID!) { joinCommunity(input: { communityId: $id }) { community { id } } }`, { id: secret.globalId })).code).toBe('NOT_FOUND');
    expect((await asOutsider.error(`mutation($id: ID!) { replyToThread(input: { threadId: $id, body: "hi" }) { post { id } } }`, { id: thread.globalId })).code).toBe('NOT_FOUND');
    expect((await asOutsider.error(`mutation($id: ID!) { react(input: { postId: $id, kind: LIKE }) { post { id } } }`, { id: thread.openingPostGlobalId })).code).toBe('NOT_FOUND');

    // A new thread and a reply inside: the outsider follows its tag and the community, and still hears nothing.
    await t.client.as(coordinator.accessToken).data(
      `mutation($c: ID!, $tag: String!) { startThread(input: { communityId: $c, title: "Another secret thread", body: "x", tags: [$tag] }) { thread { id } } }`,
      { c: secret.globalId, tag },
    );
    await t.client.as(coordinator.accessToken).data(`mutation($id: ID!) { replyToThread(input: { threadId: $id, body: "more" }) { post { id } } }`, { id: thread.globalId });
    const inbox = await asOutsider.data(`{ unreadNotificationCount notifications { totalCount } }`);
    expect(inbox).toEqual({ unreadNotificationCount: 0, notifications: { totalCount: 0 } });
  });
});
