import { CommunityFactory, ThreadFactory } from '../src/testing';
import { startTestApp, type TestApp } from '@bottega/identity/testing';
import { unknownId } from '@bottega/testing';

/** The guard rails every forum mutation shares: who may call it, on what, with which input. */
describe('forum mutation guards', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['lockThread', `mutation($id: ID!) { lockThread(input: { threadId: $id }) { thread { id } } }`, 'Thread'],
    ['pinThread', `mutation($id: ID!) { pinThread(input: { threadId: $id }) { thread { id } } }`, 'Thread'],
    ['acceptAnswer', `mutation($id: ID!) { acceptAnswer(input: { postId: $id }) { thread { id } } }`, 'Post'],
    ['deletePost', `mutation($id: ID!) { deletePost(input: { postId: $id }) { post { id } } }`, 'Post'],
    ['react', `mutation($id: ID!) { react(input: { postId: $id, kind: LIKE }) { post { id } } }`, 'Post'],
    ['replyToThread', `mutation($id: ID!) { replyToThread(input: { threadId: $id, body: "x" }) { post { id } } }`, 'Thread'],
    ['joinCommunity', `mutation($id: ID!) { joinCommunity(input: { communityId: $id }) { community { id } } }`, 'Community'],
    ['leaveCommunity', `mutation($id: ID!) { leaveCommunity(input: { communityId: $id }) { community { id } } }`, 'Community'],
  ])('%s: UNAUTHENTICATED, then NOT_FOUND for unknown ids and BAD_USER_INPUT for malformed ones', async (_name, mutation, type) => {
    const user = await t.users.create();
    expect((await t.client.error(mutation, { id: unknownId(type) })).code).toBe('UNAUTHENTICATED');
    expect((await t.client.as(user.accessToken).error(mutation, { id: unknownId(type) })).code).toBe('NOT_FOUND');
    expect((await t.client.as(user.accessToken).error(mutation, { id: 'not-an-id' })).code).toBe('BAD_USER_INPUT');
  });

  it('lets a coordinator edit the community, and nobody else', async () => {
    const [coordinator, member] = await Promise.all([t.users.create(), t.users.create()]);
    const community = await new CommunityFactory(t.db).create({ name: 'Original name', coordinatorId: coordinator.id, memberIds: [member.id] });
    const update = `mutation($input: UpdateCommunityInput!) { updateCommunity(input: $input) { community { name description visibility } userErrors { field code } } }`;
    const input = { id: community.globalId, name: 'Renamed community', description: 'About us', visibility: 'MEMBERS_ONLY' };
    expect((await t.client.error(update, { input })).code).toBe('UNAUTHENTICATED');
    expect((await t.client.as(member.accessToken).error(update, { input })).code).toBe('FORBIDDEN');
    expect((await t.client.as(coordinator.accessToken).error(update, { input: { ...input, id: unknownId('Community') } })).code).toBe('NOT_FOUND');
    const tooLong = await t.client.as(coordinator.accessToken).data(update, { input: { ...input, description: 'x'.repeat(2001) } });
    expect(tooLong.updateCommunity.userErrors).toEqual([{ field: ['input', 'description'], code: 'TOO_LONG' }]);
    expect((await t.db.query('SELECT name FROM community WHERE id = $1', [community.id]))[0].name).toBe('Original name');
    const { updateCommunity } = await t.client.as(coordinator.accessToken).data(update, { input });
    expect(updateCommunity).toEqual({ community: { name: 'Renamed community', description: 'About us', visibility: 'MEMBERS_ONLY' }, userErrors: [] });
  });

  it('refuses over-long and empty post edits, keeping the text', async () => {
    const author = await t.users.create();
    const community = await new CommunityFactory(t.db).create({ coordinatorId: author.id });
    const thread = await new ThreadFactory(t.db).create({ communityId: community.id, authorId: author.id });
    const edit = `mutation($input: EditPostInput!) { editPost(input: $input) { post { id } userErrors { field code } } }`;
    for (const [body, code] of [['x'.repeat(20_001), 'TOO_LONG'], ['', 'REQUIRED']] as const) {
      const { editPost } = await t.client.as(author.accessToken).data(edit, { input: { postId: thread.openingPostGlobalId, body, version: 1 } });
      expect(editPost.userErrors).toEqual([{ field: ['input', 'body'], code }]);
    }
    expect((await t.db.query('SELECT version, body_source FROM post WHERE id = $1', [thread.openingPostId]))[0]).toEqual({ version: 1, body_source: 'Opening post' });
  });
});
