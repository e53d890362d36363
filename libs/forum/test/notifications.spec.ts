import { CommunityFactory, ThreadFactory } from '../src/testing';
import { startTestApp, type TestApp } from '@bottega/identity/testing';

const REPLY = `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { id } userErrors { code } } }`;
const START = `mutation($input: StartThreadInput!) { startThread(input: $input) { thread { id } userErrors { field code } } }`;
const FOLLOW = `mutation($input: FollowInput!) { follow(input: $input) { following userErrors { field code } } }`;
const UNFOLLOW = `mutation($input: FollowInput!) { unfollow(input: $input) { following userErrors { field code } } }`;
const LIST = `query($unreadOnly: Boolean) {
  unreadNotificationCount
  notifications(first: 20, unreadOnly: $unreadOnly) { totalCount nodes { id kind read actor { handle } subject { __typename id } } }
}`;
const MARK = `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { unreadCount userErrors { field code } } }`;
const ACCEPT = `mutation($input: AcceptAnswerInput!) { acceptAnswer(input: $input) { thread { answered } } }`;

const territoryId = (t: TestApp, code: string) =>
  t.db.query(`SELECT id FROM territory WHERE code = $1`, [code]).then(([row]) => Buffer.from(`Territory:${row.id}`).toString('base64url'));

describe('follows and notifications', () => {
  let t: TestApp;
  let communities: CommunityFactory;
  let threads: ThreadFactory;
  beforeAll(async () => {
    t = await startTestApp();
    communities = new CommunityFactory(t.db);
    threads = new ThreadFactory(t.db);
  });
  afterAll(() => t.close());

  const inbox = async (token: string, unreadOnly = false) => t.client.as(token).data(LIST, { unreadOnly });

  it('tells the asker and earlier repliers of each reply, never the replier, and a mention only once', async () => {
    const [asker, first, second] = await Promise.all([t.users.create(), t.users.create(), t.users.create()]);
    const community = await communities.create({ coordinatorId: asker.id });
    const { startThread } = await t.client.as(asker.accessToken).data(START, {
      input: { communityId: community.globalId, kind: 'QUESTION', title: 'How do you run a time bank?', body: 'Any advice?' },
    });
    const threadId = startThread.thread.id;
    await t.client.as(first.accessToken).data(REPLY, { input: { threadId, body: 'We use paper ledgers.' } });
    await t.client.as(second.accessToken).data(REPLY, { input: { threadId, body: `@${asker.handle} and @${first.handle}, try an app.` } });

    const askerInbox = await inbox(asker.accessToken);
    expect(askerInbox.unreadNotificationCount).toBe(2);
    expect(askerInbox.notifications.nodes.map((n: { kind: string; actor: { handle: string } }) => [n.kind, n.actor.handle])).toEqual([
      ['MENTION', second.handle],
      ['REPLY', first.handle],
    ]);
    expect(askerInbox.notifications.nodes[0].subject.__typename).toBe('Post');
    const firstInbox = await inbox(first.accessToken);
    expect(firstInbox.notifications.nodes.map((n: { kind: string }) => n.kind)).toEqual(['MENTION']);
    expect((await inbox(second.accessToken)).notifications.totalCount).toBe(0);
  });

  it('tells people newly mentioned by an edit, once', async () => {
    const [author, late] = await Promise.all([t.users.create(), t.users.create()]);
    const community = await communities.create({ coordinatorId: author.id });
    const thread = await threads.create({ communityId: community.id, authorId: author.id });
    const edit = `mutation($input: EditPostInput!) { editPost(input: $input) { post { version } } }`;
    await t.client.as(author.accessToken).data(edit, { input: { postId: thread.openingPostGlobalId, body: `Ask @${late.handle}`, version: 1 } });
    await t.client.as(author.accessToken).data(edit, { input: { postId: thread.openingPostGlobalId, body: `Ask @${late.handle}!`, version: 2 } });
    const { notifications } = await inbox(late.accessToken);
    expect(notifications.nodes.map((n: { kind: string; actor: { handle: string } }) => [n.kind, n.actor.handle])).toEqual([['MENTION', author.handle]]);
  });

  it('tells followers of a community, tag or region about a new thread, once each', async () => {
    const [author, follower, tagFan, regionFan, outsider] = await Promise.all(Array.from({ length: 5 }, () => t.users.create()));
    const community = await communities.create({ coordinatorId: author.id });
    await t.client.as(follower.accessToken).data(FOLLOW, { input: { subjectId: community.globalId } });
    await t.client.as(follower.accessToken).data(FOLLOW, { input: { tag: 'Co-housing' } });
    await t.client.as(tagFan.accessToken).data(FOLLOW, { input: { tag: 'co-housing' } });
    const lombardia = await territoryId(t, 'IT-25');
    await t.client.as(regionFan.accessToken).data(FOLLOW, { input: { subjectId: lombardia } });
    await t.client.as(outsider.accessToken).data(FOLLOW, { input: { tag: 'unrelated' } });

    await t.client.as(author.accessToken).data(START, {
      input: {
        communityId: community.globalId,
        title: 'Co-housing for older people in Bergamo',
        body: 'Sharing our model.',
        tags: ['co-housing'],
        territoryIds: [await territoryId(t, 'IT-BG')],
      },
    });
    for (const person of [follower, tagFan, regionFan]) {
      const { notifications } = await inbox(person.accessToken);
      expect(notifications.nodes.map((n: { kind: string; subject: { __typename: string } }) => [n.kind, n.subject.__typename])).toEqual([
        ['NEW_THREAD', 'Thread'],
      ]);
    }
    expect((await inbox(outsider.accessToken)).notifications.totalCount).toBe(0);
    expect((await inbox(author.accessToken)).notifications.totalCount).toBe(0);
  });

  it('never tells people about threads in a private community they cannot read', async () => {
    const [coordinator, tagFan] = await Promise.all([t.users.create(), t.users.create()]);
    const secret = await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator.id });
    await t.client.as(tagFan.accessToken).data(FOLLOW, { input: { tag: 'secret-plans' } });
    await t.client.as(coordinator.accessToken).data(START, {
      input: { communityId: secret.globalId, title: 'Budget of the private lab', body: 'Numbers inside', tags: ['secret-plans'] },
    });
    expect((await inbox(tagFan.accessToken)).notifications.totalCount).toBe(0);
  });

  it('tells the author when their reply is accepted', async () => {
    const [asker, helper] = await Promise.all([t.users.create(), t.users.create()]);
    const community = await communities.create({ coordinatorId: asker.id });
    const thread = await threads.create({ communityId: community.id, authorId: asker.id, kind: 'QUESTION' });
    const { replyToThread } = await t.client.as(helper.accessToken).data(REPLY, { input: { threadId: thread.globalId, body: 'Here is how.' } });
    await t.client.as(asker.accessToken).data(ACCEPT, { input: { postId: replyToThread.post.id } });
    const { notifications } = await inbox(helper.accessToken);
    expect(notifications.nodes.map((n: { kind: string }) => n.kind)).toEqual(['ANSWER_ACCEPTED']);
  });

  it('tells only those who may see a hidden thread of activity in it: not its other followers', async () => {
    const [author, member, coordinator] = await Promise.all([t.users.create(), t.users.create(), t.users.create()]);
    const community = await communities.create({ coordinatorId: coordinator.id, memberIds: [member.id] });
    // The member and the coordinator replied earlier, so they follow the thread.
    const thread = await threads.create({
      communityId: community.id,
      authorId: author.id,
      replies: [{ authorId: member.id }, { authorId: coordinator.id }],
    });
    await t.db.query(`UPDATE thread SET hidden_at = now() WHERE id = $1`, [thread.id]);
    // Its author still sees the hidden thread, and replies, mentioning the member.
    const { replyToThread } = await t.client
      .as(author.accessToken)
      .data(REPLY, { input: { threadId: thread.globalId, body: `Still here, @${member.handle}.` } });
    expect(replyToThread.userErrors).toEqual([]);
    expect((await inbox(member.accessToken)).unreadNotificationCount).toBe(0);
    expect((await inbox(coordinator.accessToken)).notifications.nodes.map((n: { kind: string }) => n.kind)).toEqual(['REPLY']);
  });

  it('marks some or all read, ignores other people’s notifications, and refuses an empty request', async () => {
    const [reader, other, poster] = await Promise.all([t.users.create(), t.users.create(), t.users.create()]);
    const community = await communities.create({ coordinatorId: reader.id });
    for (const owner of [reader, other]) {
      // Authors follow their threads, as they do through the API.
      const thread = await threads.create({ communityId: community.id, authorId: owner.id });
      for (const body of ['one', 'two', 'three']) {
        await t.client.as(poster.accessToken).data(REPLY, { input: { threadId: thread.globalId, body } });
      }
    }
    const mine = (await inbox(reader.accessToken)).notifications.nodes.map((n: { id: string }) => n.id);
    const theirs = (await inbox(other.accessToken)).notifications.nodes.map((n: { id: string }) => n.id);
    const asReader = t.client.as(reader.accessToken);
    expect((await asReader.data(MARK, { input: { ids: [mine[0], theirs[0]] } })).markNotificationsRead).toEqual({ unreadCount: 2, userErrors: [] });
    expect((await inbox(other.accessToken)).unreadNotificationCount).toBe(3);
    expect((await inbox(reader.accessToken, true)).notifications.totalCount).toBe(2);
    expect((await asReader.data(MARK, { input: {} })).markNotificationsRead.userErrors).toEqual([{ field: ['input', 'ids'], code: 'REQUIRED' }]);
    expect((await asReader.data(MARK, { input: { all: true } })).markNotificationsRead.unreadCount).toBe(0);
    expect((await t.client.error(MARK, { input: { all: true } })).code).toBe('UNAUTHENTICATED');
    expect((await t.client.error(LIST)).code).toBe('UNAUTHENTICATED');
    const { node } = await t.client.as(other.accessToken).data(`query($id: ID!) { node(id: $id) { id } }`, { id: mine[0] });
    expect(node).toBeNull();
  });

  it('validates follows: signed in, a visible subject of a followable kind, one subject', async () => {
    const [user, coordinator] = await Promise.all([t.users.create(), t.users.create()]);
    const secret = await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator.id });
    const open = await communities.create({ coordinatorId: coordinator.id });
    const asUser = t.client.as(user.accessToken);
    const count = async () => Number((await t.db.query('SELECT count(*) AS n FROM follow WHERE user_id = $1', [user.id]))[0].n);
    expect((await t.client.error(FOLLOW, { input: { tag: 'housing' } })).code).toBe('UNAUTHENTICATED');
    expect((await asUser.error(FOLLOW, { input: { subjectId: secret.globalId } })).code).toBe('NOT_FOUND');
    expect((await asUser.error(FOLLOW, { input: { subjectId: user.globalId } })).code).toBe('BAD_USER_INPUT');
    expect((await asUser.error(FOLLOW, { input: { subjectId: open.globalId, tag: 'x' } })).code).toBe('BAD_USER_INPUT');
    expect((await asUser.data(FOLLOW, { input: { tag: '!' } })).follow.userErrors).toEqual([{ field: ['input', 'tag'], code: 'INVALID' }]);
    expect(await count()).toBe(0);
    expect((await asUser.data(FOLLOW, { input: { subjectId: open.globalId } })).follow).toEqual({ following: true, userErrors: [] });
    expect((await asUser.data(FOLLOW, { input: { subjectId: open.globalId } })).follow.following).toBe(true);
    const { follows } = await asUser.data(`{ follows { totalCount nodes { type subjectId tag } } }`);
    expect(follows).toEqual({ totalCount: 1, nodes: [{ type: 'COMMUNITY', subjectId: open.globalId, tag: null }] });
    expect((await asUser.data(UNFOLLOW, { input: { subjectId: open.globalId } })).unfollow.following).toBe(false);
    expect(await count()).toBe(0);
  });
});
