import type { Client } from 'graphql-ws';
import { PgPubSub } from '@bottega/core';
import { CommunityFactory, ThreadFactory, type TestCommunity, type TestThread } from '../src/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { unknownId } from '@bottega/testing';

const REPLY = `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { id } userErrors { field code } } }`;
const LOCK = `mutation($input: ThreadFlagInput!) { lockThread(input: $input) { thread { locked } userErrors { field code } } }`;
const PIN = `mutation($input: ThreadFlagInput!) { pinThread(input: $input) { thread { pinned } userErrors { field code } } }`;
const MODERATE = `mutation($input: ModerateInput!) { moderate(input: $input) { content { ... on Thread { locked } } userErrors { field code } } }`;
const ACCEPT = `mutation($input: AcceptAnswerInput!) {
  acceptAnswer(input: $input) { thread { answered acceptedAnswer { id } } userErrors { field code } } }`;
const DELETE_POST = `mutation($input: DeletePostInput!) { deletePost(input: $input) { post { id } userErrors { field code } } }`;
const DELETE = `mutation($input: DeleteThreadInput!) { deleteThread(input: $input) { deletedThreadId userErrors { field code } } }`;
const EDIT = `mutation($input: EditThreadInput!) {
  editThread(input: $input) { thread { title tags version territories { code } } userErrors { field code } } }`;
const MOVE = `mutation($input: MoveThreadInput!) { moveThread(input: $input) { thread { community { id } } userErrors { field code } } }`;
const POST = `query($id: ID!) { node(id: $id) { ... on Post { viewerCanDelete } } }`;
const THREAD = `query($id: ID!) { node(id: $id) { ... on Thread {
  title answered locked postCount viewerCanReply viewerCanEdit viewerCanDelete acceptedAnswer { id } posts { nodes { id } } } } }`;
const LIST = `query($filter: ThreadFilter) { threads(first: 100, filter: $filter) { totalCount nodes { id } } }`;

const dbId = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];
const code = (result: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) => result.body.errors?.[0]?.extensions?.['code'];

describe('thread management', () => {
  let t: TestApp;
  let communities: CommunityFactory;
  let threads: ThreadFactory;
  let [moderator, coordinator, otherCoordinator, author, member, outsider]: TestUser[] = [];
  let community: TestCommunity;
  beforeAll(async () => {
    t = await startTestApp();
    communities = new CommunityFactory(t.db);
    threads = new ThreadFactory(t.db);
    [moderator, coordinator, otherCoordinator, author, member, outsider] = await Promise.all([
      t.users.moderator().create(),
      ...Array.from({ length: 5 }, () => t.users.create()),
    ]);
    community = await communities.create({ coordinatorId: coordinator.id, memberIds: [author.id, member.id] });
  });
  afterAll(() => t.close());

  const as = (user: TestUser | null) => t.client.as(user?.accessToken ?? null);
  const question = (replies: TestUser[] = [member]) =>
    threads.create({ communityId: community.id, authorId: author.id, kind: 'QUESTION', replies: replies.map((r) => ({ authorId: r.id })) });
  const postIds = async (thread: TestThread): Promise<string[]> =>
    (await as(moderator).data(THREAD, { id: thread.globalId })).node.posts.nodes.map((n: { id: string }) => n.id);
  const row = async (thread: TestThread) =>
    (
      await t.db.query(
        `SELECT title, version, community_id, locked_at IS NOT NULL AS locked, pinned_at IS NOT NULL AS pinned, deleted_at IS NOT NULL AS deleted,
                accepted_post_id, post_count, (SELECT count(*)::int FROM post WHERE thread_id = thread.id) AS posts,
                (SELECT array_agg(t.slug ORDER BY t.slug) FROM thread_tag tt JOIN tag t ON t.id = tt.tag_id WHERE tt.thread_id = thread.id) AS tags
           FROM thread WHERE id = $1`,
        [thread.id],
      )
    )[0];
  const audit = async (thread: TestThread) =>
    (await t.db.query(`SELECT action, actor_id, reason, metadata FROM audit_log WHERE subject_id = $1 ORDER BY created_at, id`, [thread.id])) as {
      action: string;
      actor_id: string | null;
      reason: string | null;
      metadata: Record<string, unknown>;
    }[];

  describe('answered and locked are separate', () => {
    it('keeps a locked answered question among the answered ones, and lists by each', async () => {
      const place = await communities.create({ coordinatorId: coordinator.id });
      const make = (title: string) => threads.create({ communityId: place.id, authorId: author.id, kind: 'QUESTION', title, replies: [{ authorId: member.id }] });
      const [answeredLocked, answered, open, locked] = await Promise.all([
        make('Answered, then locked'),
        make('Answered and open'),
        make('Unanswered and open'),
        make('Unanswered but locked'),
      ]);
      for (const thread of [answeredLocked, answered]) {
        const [, reply] = await postIds(thread);
        expect((await as(author).data(ACCEPT, { input: { postId: reply } })).acceptAnswer.userErrors).toEqual([]);
      }
      for (const thread of [answeredLocked, locked]) {
        expect((await as(coordinator).data(LOCK, { input: { threadId: thread.globalId } })).lockThread.thread).toEqual({ locked: true });
      }
      expect((await as(null).data(THREAD, { id: answeredLocked.globalId })).node).toMatchObject({ answered: true, locked: true });
      const list = async (filter: Record<string, unknown>) =>
        ((await as(null).data(LIST, { filter: { community: place.globalId, kind: 'QUESTION', ...filter } })).threads.nodes as { id: string }[])
          .map((n) => n.id)
          .sort();
      expect(await list({ answered: true })).toEqual([answeredLocked.globalId, answered.globalId].sort());
      expect(await list({ answered: false })).toEqual([open.globalId, locked.globalId].sort());
      expect(await list({ locked: true })).toEqual([answeredLocked.globalId, locked.globalId].sort());
      expect(await list({ answered: true, locked: false })).toEqual([answered.globalId]);
    });

    it('lets coordinators and staff reply in a locked thread, and nobody else', async () => {
      const thread = await threads.create({ communityId: community.id, authorId: author.id });
      await as(coordinator).data(LOCK, { input: { threadId: thread.globalId, reason: 'Closing the discussion' } });
      expect((await as(member).error(REPLY, { input: { threadId: thread.globalId, body: 'Too late' } })).code).toBe('FORBIDDEN');
      expect((await as(author).data(THREAD, { id: thread.globalId })).node.viewerCanReply).toBe(false);
      expect((await as(coordinator).data(THREAD, { id: thread.globalId })).node.viewerCanReply).toBe(true);
      expect((await as(moderator).data(THREAD, { id: thread.globalId })).node.viewerCanReply).toBe(true);
      for (const user of [coordinator, moderator]) {
        expect((await as(user).data(REPLY, { input: { threadId: thread.globalId, body: 'Closed because it ran its course.' } })).replyToThread.userErrors).toEqual([]);
      }
      expect(await row(thread)).toMatchObject({ post_count: 3, posts: 3 });
    });

    it('lets a coordinator’s reply through a lock set at the same moment, never a member’s', async () => {
      for (let round = 0; round < 4; round++) {
        const thread = await threads.create({ communityId: community.id, authorId: author.id });
        const [fromCoordinator, fromMember] = await Promise.all([
          as(coordinator).request(REPLY, { input: { threadId: thread.globalId, body: 'coordinator racing the lock' } }),
          as(member).request(REPLY, { input: { threadId: thread.globalId, body: 'member racing the lock' } }),
          as(moderator).request(LOCK, { input: { threadId: thread.globalId } }),
        ]);
        expect(fromCoordinator.body.errors).toBeUndefined();
        const memberIn = !fromMember.body.errors;
        if (!memberIn) expect(code(fromMember)).toBe('FORBIDDEN');
        expect(await row(thread)).toMatchObject({ locked: true, post_count: memberIn ? 3 : 2, posts: memberIn ? 3 : 2 });
      }
    });
  });

  describe('one audited way to lock and pin', () => {
    it('locks and pins in a transaction with an audit entry, lockThread and moderate alike', async () => {
      const thread = await threads.create({ communityId: community.id, authorId: author.id });
      expect((await as(coordinator).data(LOCK, { input: { threadId: thread.globalId, reason: '  Off topic  ' } })).lockThread).toEqual({
        thread: { locked: true },
        userErrors: [],
      });
      expect((await as(coordinator).data(PIN, { input: { threadId: thread.globalId } })).pinThread.thread).toEqual({ pinned: true });
      const moderated = await as(moderator).data(MODERATE, { input: { subjectId: thread.globalId, action: 'UNLOCK', reason: 'Reopened on appeal' } });
      expect(moderated.moderate).toEqual({ content: { locked: false }, userErrors: [] });
      expect((await as(coordinator).data(LOCK, { input: { threadId: thread.globalId, on: false } })).lockThread.thread).toEqual({ locked: false });
      expect((await audit(thread)).map((e) => [e.action, e.actor_id, e.reason, e.metadata['changed']])).toEqual([
        ['LOCK', coordinator.id, 'Off topic', true],
        ['PIN', coordinator.id, null, true],
        ['UNLOCK', moderator.id, 'Reopened on appeal', true],
        ['UNLOCK', coordinator.id, null, false],
      ]);
      expect((await audit(thread))[2]!.metadata).toEqual({ changed: true, communityId: community.id, resolvedFlags: 0 });
    });

    it('announces each change live, once, whichever way it was made', async () => {
      const place = await communities.create({ coordinatorId: coordinator.id });
      const thread = await threads.create({ communityId: place.id, authorId: author.id, title: 'Watched while it changes' });
      const socket = t.client.as(member.accessToken).socket();
      try {
        const kinds: string[] = [];
        socket.subscribe(
          { query: `subscription($c: ID!) { threadActivity(communityId: $c) { kind thread { locked pinned title } } }`, variables: { c: place.globalId } },
          { next: (v) => kinds.push(JSON.stringify((v.data as { threadActivity: unknown }).threadActivity)), error: () => undefined, complete: () => undefined },
        );
        const until = async (count: number) => {
          for (let i = 0; kinds.length < count && i < 250; i++) await new Promise((r) => setTimeout(r, 20));
        };
        const pubsub = t.app.get(PgPubSub);
        for (let i = 0; pubsub.listenerCount(`community:${place.id}`) === 0 && i < 250; i++) await new Promise((r) => setTimeout(r, 20));
        // Each event is loaded when it arrives, so the next change waits for it.
        await as(coordinator).data(LOCK, { input: { threadId: thread.globalId } });
        await until(1);
        await as(coordinator).data(LOCK, { input: { threadId: thread.globalId } });
        await as(coordinator).data(MODERATE, { input: { subjectId: thread.globalId, action: 'UNLOCK', reason: 'Reopened' } });
        await until(2);
        await as(coordinator).data(PIN, { input: { threadId: thread.globalId } });
        await until(3);
        await as(coordinator).data(EDIT, { input: { threadId: thread.globalId, version: 1, title: 'Watched after a change' } });
        await until(4);
        await new Promise((r) => setTimeout(r, 200));
        expect(kinds.map((k) => JSON.parse(k))).toEqual([
          { kind: 'STATUS_CHANGED', thread: expect.objectContaining({ locked: true }) },
          { kind: 'STATUS_CHANGED', thread: expect.objectContaining({ locked: false }) },
          { kind: 'STATUS_CHANGED', thread: expect.objectContaining({ pinned: true }) },
          { kind: 'THREAD_EDITED', thread: { locked: false, pinned: true, title: 'Watched after a change' } },
        ]);
      } finally {
        await socket.dispose();
      }
    });

    it('refuses anonymous callers, members, unknown ids and over-long reasons, changing nothing', async () => {
      const thread = await threads.create({ communityId: community.id, authorId: author.id });
      for (const mutation of [LOCK, PIN]) {
        const input = { threadId: thread.globalId };
        expect((await as(null).error(mutation, { input })).code).toBe('UNAUTHENTICATED');
        expect((await as(author).error(mutation, { input })).code).toBe('FORBIDDEN');
        expect((await as(coordinator).error(mutation, { input: { threadId: unknownId('Thread') } })).code).toBe('NOT_FOUND');
        expect((await as(coordinator).error(mutation, { input: { threadId: 'nope' } })).code).toBe('BAD_USER_INPUT');
        const refused = await as(coordinator).data(mutation, { input: { ...input, reason: 'x'.repeat(501) } });
        expect(Object.values(refused)[0]).toEqual({ thread: null, userErrors: [{ field: ['input', 'reason'], code: 'TOO_LONG' }] });
      }
      expect(await row(thread)).toMatchObject({ locked: false, pinned: false });
      expect(await audit(thread)).toEqual([]);
    });
  });

  describe('accepted answers', () => {
    it('lets the asker withdraw the accepted answer; a coordinator doing it on someone’s question is audited', async () => {
      const thread = await question([member, coordinator]);
      const [, first, second] = await postIds(thread);
      await as(author).data(ACCEPT, { input: { postId: first } });
      expect((await as(author).data(ACCEPT, { input: { postId: second, accepted: false } })).acceptAnswer).toEqual({
        thread: null,
        userErrors: [{ field: ['input', 'postId'], code: 'INVALID_STATE' }],
      });
      expect((await as(author).data(ACCEPT, { input: { postId: first, accepted: false } })).acceptAnswer).toEqual({
        thread: { answered: false, acceptedAnswer: null },
        userErrors: [],
      });
      expect(await audit(thread)).toEqual([]);
      await as(coordinator).data(ACCEPT, { input: { postId: second } });
      await as(coordinator).data(ACCEPT, { input: { postId: second, accepted: false } });
      expect((await audit(thread)).map((e) => [e.action, e.actor_id])).toEqual([
        ['ACCEPT_ANSWER', coordinator.id],
        ['UNACCEPT_ANSWER', coordinator.id],
      ]);
      expect((await as(member).error(ACCEPT, { input: { postId: first, accepted: false } })).code).toBe('FORBIDDEN');
    });

    it('refuses anonymous callers, unknown and malformed ids, the question itself and deleted replies, changing nothing', async () => {
      const thread = await question();
      const [opening, reply] = await postIds(thread);
      await as(member).data(DELETE_POST, { input: { postId: reply } });
      expect((await as(null).error(ACCEPT, { input: { postId: reply } })).code).toBe('UNAUTHENTICATED');
      expect((await as(author).error(ACCEPT, { input: { postId: unknownId('Post') } })).code).toBe('NOT_FOUND');
      expect((await as(author).error(ACCEPT, { input: { postId: 'nope' } })).code).toBe('BAD_USER_INPUT');
      for (const postId of [opening, reply]) {
        expect((await as(author).data(ACCEPT, { input: { postId } })).acceptAnswer.userErrors).toEqual([{ field: ['input', 'postId'], code: 'INVALID_STATE' }]);
      }
      expect(await row(thread)).toMatchObject({ accepted_post_id: null });
    });

    it('never leaves a deleted reply accepted when the accept and the delete race', async () => {
      for (let round = 0; round < 8; round++) {
        const thread = await question();
        const [, reply] = await postIds(thread);
        const [accepted, deleted] = await Promise.all([
          as(author).request(ACCEPT, { input: { postId: reply } }),
          as(member).request(DELETE_POST, { input: { postId: reply } }),
        ]);
        expect(accepted.body.errors).toBeUndefined();
        expect(deleted.body.errors).toBeUndefined();
        const [state] = await t.db.query(
          `SELECT t.accepted_post_id, p.deleted_at IS NOT NULL AS deleted FROM thread t JOIN post p ON p.id = $2 WHERE t.id = $1`,
          [thread.id, dbId(reply!)],
        );
        expect(state).toEqual({ accepted_post_id: null, deleted: true });
      }
    });

    it('withdraws the accepted answer when that reply is deleted', async () => {
      const thread = await question();
      const [, reply] = await postIds(thread);
      await as(author).data(ACCEPT, { input: { postId: reply } });
      await as(member).data(DELETE_POST, { input: { postId: reply } });
      expect((await as(author).data(THREAD, { id: thread.globalId })).node).toMatchObject({ answered: false, acceptedAnswer: null, postCount: 1 });
    });
  });

  describe('deleteThread', () => {
    it('lets a coordinator delete a thread: gone from lists, counts, node, its posts and notifications; audited', async () => {
      const thread = await threads.create({ communityId: community.id, authorId: author.id, replies: [{ authorId: member.id }] });
      const [, reply] = await postIds(thread);
      await t.db.query(
        `INSERT INTO notification (recipient_id, kind, actor_id, subject_type, subject_id, event_key) VALUES ($1, 'REPLY', $2, 'Post', $3, $4)`,
        [author.id, member.id, dbId(reply!), `post:test-${thread.id}`],
      );
      const listed = async () => (await as(author).data(LIST, { filter: { community: community.globalId } })).threads;
      const postCount = async () => (await as(null).data(`query($h: String!) { user(handle: $h) { postCount } }`, { h: member.handle })).user.postCount;
      const before = await listed();
      const memberPostsBefore = await postCount();
      const FLAG = `mutation($input: FlagContentInput!) { flagContent(input: $input) { userErrors { code } } }`;
      expect((await as(author).data(FLAG, { input: { subjectId: reply, reason: 'SPAM' } })).flagContent.userErrors).toEqual([]);
      const pending = async () =>
        (await as(coordinator).data(`query($c: ID!) { moderationQueue(first: 20, filter: { community: $c }) { nodes { content { ... on Post { id } } } } }`, {
          c: community.globalId,
        })).moderationQueue.nodes;
      expect(await pending()).toEqual([{ content: { id: reply } }]);
      expect(before.nodes.map((n: { id: string }) => n.id)).toContain(thread.globalId);
      expect((await as(author).data(THREAD, { id: thread.globalId })).node.viewerCanDelete).toBe(false);
      expect((await as(coordinator).data(THREAD, { id: thread.globalId })).node.viewerCanDelete).toBe(true);

      expect((await as(coordinator).data(DELETE, { input: { threadId: thread.globalId, reason: 'Duplicate' } })).deleteThread).toEqual({
        deletedThreadId: thread.globalId,
        userErrors: [],
      });
      const after = await listed();
      expect(after.totalCount).toBe(before.totalCount - 1);
      expect(after.nodes.map((n: { id: string }) => n.id)).not.toContain(thread.globalId);
      expect(await postCount()).toBe(memberPostsBefore - 1);
      expect(await pending()).toEqual([]);
      for (const viewer of [author, coordinator, moderator, null]) {
        const { thread: gone, post } = await as(viewer).data(`query($t: ID!, $p: ID!) { thread: node(id: $t) { id } post: node(id: $p) { id } }`, {
          t: thread.globalId,
          p: reply,
        });
        expect({ gone, post }).toEqual({ gone: null, post: null });
      }
      const { notifications } = await as(author).data(`{ notifications(first: 10) { nodes { kind subject { id } } } }`);
      expect(notifications.nodes).toContainEqual({ kind: 'REPLY', subject: null });
      expect((await as(member).error(REPLY, { input: { threadId: thread.globalId, body: 'Hello?' } })).code).toBe('NOT_FOUND');
      expect(await audit(thread)).toEqual([
        { action: 'DELETE', actor_id: coordinator.id, reason: 'Duplicate', metadata: { communityId: community.id, authorId: author.id, postCount: 2, resolvedFlags: 1 } },
      ]);
      expect((await as(coordinator).error(DELETE, { input: { threadId: thread.globalId } })).code).toBe('NOT_FOUND');
    });

    it('lets the author delete a thread nobody else posted in, also by deleting its opening post; later, only withdraw that post', async () => {
      const alone = await threads.create({ communityId: community.id, authorId: author.id });
      expect((await as(author).data(THREAD, { id: alone.globalId })).node.viewerCanDelete).toBe(true);
      expect((await as(author).data(DELETE, { input: { threadId: alone.globalId } })).deleteThread.userErrors).toEqual([]);
      expect(await row(alone)).toMatchObject({ deleted: true });

      const viaPost = await threads.create({ communityId: community.id, authorId: author.id });
      expect((await as(author).data(DELETE_POST, { input: { postId: viaPost.openingPostGlobalId } })).deletePost.userErrors).toEqual([]);
      expect(await row(viaPost)).toMatchObject({ deleted: true, post_count: 1 });
      expect((await as(null).data(THREAD, { id: viaPost.globalId })).node).toBeNull();
      expect((await audit(viaPost)).map((e) => [e.action, e.actor_id])).toEqual([['DELETE', author.id]]);

      const answered = await threads.create({ communityId: community.id, authorId: author.id, replies: [{ authorId: member.id }] });
      expect((await as(author).error(DELETE, { input: { threadId: answered.globalId } })).code).toBe('FORBIDDEN');
      expect((await as(author).data(POST, { id: answered.openingPostGlobalId })).node.viewerCanDelete).toBe(true);
      expect((await as(author).data(DELETE_POST, { input: { postId: answered.openingPostGlobalId } })).deletePost.userErrors).toEqual([]);
      expect(await row(answered)).toMatchObject({ deleted: false, post_count: 1 });
      expect((await as(null).data(THREAD, { id: answered.globalId })).node).toMatchObject({ postCount: 1, posts: { nodes: [{ id: answered.openingPostGlobalId }, expect.anything()] } });
      const other = await threads.create({ communityId: community.id, authorId: author.id, replies: [{ authorId: member.id }] });
      expect((await as(coordinator).data(DELETE_POST, { input: { postId: other.openingPostGlobalId } })).deletePost.userErrors).toEqual([]);
      expect(await row(other)).toMatchObject({ deleted: true });
    });

    it('refuses anonymous callers, other members, unknown ids and over-long reasons, changing nothing', async () => {
      const thread = await threads.create({ communityId: community.id, authorId: author.id });
      const input = { threadId: thread.globalId };
      expect((await as(null).error(DELETE, { input })).code).toBe('UNAUTHENTICATED');
      expect((await as(member).error(DELETE, { input })).code).toBe('FORBIDDEN');
      expect((await as(outsider).error(DELETE, { input })).code).toBe('FORBIDDEN');
      expect((await as(coordinator).error(DELETE, { input: { threadId: unknownId('Thread') } })).code).toBe('NOT_FOUND');
      expect((await as(coordinator).error(DELETE, { input: { threadId: 'nope' } })).code).toBe('BAD_USER_INPUT');
      expect((await as(coordinator).data(DELETE, { input: { ...input, reason: 'x'.repeat(501) } })).deleteThread).toEqual({
        deletedThreadId: null,
        userErrors: [{ field: ['input', 'reason'], code: 'TOO_LONG' }],
      });
      expect(await row(thread)).toMatchObject({ deleted: false });
      expect(await audit(thread)).toEqual([]);
    });

    it('settles an author’s delete racing someone’s first reply: one of them wins, whole', async () => {
      for (let round = 0; round < 6; round++) {
        const thread = await threads.create({ communityId: community.id, authorId: author.id });
        const [deleted, replied] = await Promise.all([
          as(author).request<{ deleteThread: { userErrors: unknown[] } }>(DELETE, { input: { threadId: thread.globalId } }),
          as(member).request(REPLY, { input: { threadId: thread.globalId, body: 'racing the delete' } }),
        ]);
        const state = await row(thread);
        if (state.deleted) {
          expect(deleted.body.data?.deleteThread.userErrors).toEqual([]);
          expect(code(replied)).toBe('NOT_FOUND');
          expect(state).toMatchObject({ post_count: 1, posts: 1 });
        } else {
          expect(replied.body.errors).toBeUndefined();
          expect(code(deleted) ?? deleted.body.data?.deleteThread.userErrors).toEqual(
            code(deleted) ? 'FORBIDDEN' : [{ field: ['input', 'threadId'], code: 'INVALID_STATE' }],
          );
          expect(state).toMatchObject({ post_count: 2, posts: 2 });
        }
      }
    });

    it('ends postAdded subscriptions to a thread when it is deleted', async () => {
      const thread = await threads.create({ communityId: community.id, authorId: author.id, replies: [{ authorId: member.id }] });
      const socket: Client = t.client.as(member.accessToken).socket();
      try {
        let completed = false;
        const events: unknown[] = [];
        socket.subscribe(
          { query: `subscription($id: ID!) { postAdded(threadId: $id) { id } }`, variables: { id: thread.globalId } },
          { next: (value) => events.push(value), error: (error) => events.push(error), complete: () => (completed = true) },
        );
        const until = async (check: () => boolean) => {
          for (let i = 0; !check() && i < 250; i++) await new Promise((r) => setTimeout(r, 20));
        };
        const pubsub = t.app.get(PgPubSub);
        await until(() => pubsub.listenerCount(`thread:${thread.id}`) === 1);
        await as(coordinator).data(DELETE, { input: { threadId: thread.globalId } });
        await until(() => completed);
        expect({ completed, events }).toEqual({ completed: true, events: [] });
      } finally {
        await socket.dispose();
      }
    });
  });

  describe('editThread', () => {
    it('lets the author change title, tags and territories; followers of a new tag hear of the thread once', async () => {
      const thread = await threads.create({ communityId: community.id, authorId: author.id, title: 'A first title for this one' });
      const [milano] = (await t.db.query(`SELECT id FROM territory WHERE code = 'IT-MI'`)) as { id: string }[];
      const territory = Buffer.from(`Territory:${milano!.id}`).toString('base64url');
      const follower = await t.users.create();
      await as(follower).data(`mutation { follow(input: { tag: "welfare-di-comunita" }) { userErrors { code } } }`);
      const notified = async () =>
        Number((await t.db.query(`SELECT count(*) FROM notification WHERE recipient_id = $1 AND subject_id = $2`, [follower.id, thread.id]))[0].count);

      const edit = (input: Record<string, unknown>) => as(author).data(EDIT, { input: { threadId: thread.globalId, ...input } });
      expect((await edit({ version: 1, title: '  A  better   title  ', tags: ['Welfare di comunità', 'anziani'], territoryIds: [territory] })).editThread).toEqual({
        thread: { title: 'A better title', tags: ['anziani', 'welfare-di-comunita'], version: 2, territories: [{ code: 'IT-MI' }] },
        userErrors: [],
      });
      expect(await notified()).toBe(1);
      expect((await edit({ version: 2, tags: ['anziani'] })).editThread.thread).toMatchObject({ tags: ['anziani'], version: 3, title: 'A better title' });
      expect((await edit({ version: 3, tags: ['welfare-di-comunita'], territoryIds: [] })).editThread.thread).toMatchObject({ territories: [], version: 4 });
      expect(await notified()).toBe(1);
      expect(await audit(thread)).toEqual([]);
    });

    it('lets coordinators and staff edit others’ threads, audited; the author not once it is locked', async () => {
      const thread = await threads.create({ communityId: community.id, authorId: author.id, title: 'Written by the author' });
      await t.db.query(`INSERT INTO tag (slug) VALUES ('vecchio') ON CONFLICT DO NOTHING`);
      await t.db.query(`INSERT INTO thread_tag (thread_id, tag_id) SELECT $1, id FROM tag WHERE slug = 'vecchio'`, [thread.id]);
      expect((await as(coordinator).data(EDIT, { input: { threadId: thread.globalId, version: 1, title: 'Retitled by a coordinator', reason: ' Clearer ' } })).editThread.userErrors).toEqual([]);
      expect((await as(moderator).data(EDIT, { input: { threadId: thread.globalId, version: 2, tags: ['nuovo'] } })).editThread.userErrors).toEqual([]);
      expect((await audit(thread)).map((e) => [e.action, e.actor_id, e.reason, e.metadata['before']])).toEqual([
        ['EDIT', coordinator.id, 'Clearer', { title: 'Written by the author', tags: ['vecchio'], territoryIds: [] }],
        ['EDIT', moderator.id, null, { title: 'Retitled by a coordinator', tags: ['vecchio'], territoryIds: [] }],
      ]);
      await as(coordinator).data(LOCK, { input: { threadId: thread.globalId } });
      expect((await as(author).data(THREAD, { id: thread.globalId })).node.viewerCanEdit).toBe(false);
      expect((await as(author).error(EDIT, { input: { threadId: thread.globalId, version: 3, title: 'The author tries again' } })).code).toBe('FORBIDDEN');
      expect(await row(thread)).toMatchObject({ title: 'Retitled by a coordinator', version: 3, tags: ['nuovo'] });
    });

    it('refuses anonymous callers, other members, unknown ids and bad input with the rules of startThread, changing nothing', async () => {
      const thread = await threads.create({ communityId: community.id, authorId: author.id, title: 'Stays exactly as it is' });
      const input = { threadId: thread.globalId, version: 1, title: 'Another fine title' };
      expect((await as(null).error(EDIT, { input })).code).toBe('UNAUTHENTICATED');
      expect((await as(member).error(EDIT, { input })).code).toBe('FORBIDDEN');
      expect((await as(author).error(EDIT, { input: { ...input, threadId: unknownId('Thread') } })).code).toBe('NOT_FOUND');
      expect((await as(author).error(EDIT, { input: { ...input, threadId: 'nope' } })).code).toBe('BAD_USER_INPUT');
      expect((await as(author).error(EDIT, { input: { ...input, territoryIds: [unknownId('Territory')] } })).code).toBe('NOT_FOUND');
      const refused = async (change: Record<string, unknown>) =>
        (await as(author).data(EDIT, { input: { threadId: thread.globalId, version: 1, ...change } })).editThread;
      expect(await refused({ title: 'short' })).toEqual({ thread: null, userErrors: [{ field: ['input', 'title'], code: 'INVALID' }] });
      expect((await refused({ tags: ['a', 'b', 'c', 'd', 'e', 'f'] })).userErrors).toContainEqual({ field: ['input', 'tags'], code: 'TOO_LONG' });
      expect((await refused({ tags: ['ok', '!'] })).userErrors).toEqual([{ field: ['input', 'tags'], code: 'TOO_SHORT' }]);
      expect((await refused({})).userErrors).toEqual([{ field: ['input'], code: 'REQUIRED' }]);
      expect((await refused({ title: 'A fine new title', reason: 'x'.repeat(501) })).userErrors).toEqual([{ field: ['input', 'reason'], code: 'TOO_LONG' }]);
      expect((await refused({ version: 7, title: 'A stale edit of it' })).userErrors).toEqual([{ field: ['input', 'version'], code: 'CONFLICT' }]);
      expect(await row(thread)).toMatchObject({ title: 'Stays exactly as it is', version: 1, tags: null });
    });

    it('lets exactly one of two concurrent edits from the same version through', async () => {
      const thread = await threads.create({ communityId: community.id, authorId: author.id });
      const results = await Promise.all(
        ['First concurrent title', 'Second concurrent title'].map((title, i) =>
          as(i === 0 ? author : coordinator).data(EDIT, { input: { threadId: thread.globalId, version: 1, title, tags: [`tag-${i}`] } }),
        ),
      );
      const codes = results.map((r) => r.editThread.userErrors.map((e: { code: string }) => e.code).join()).sort();
      expect(codes).toEqual(['', 'CONFLICT']);
      const winner = results.findIndex((r) => r.editThread.userErrors.length === 0);
      expect(await row(thread)).toMatchObject({ version: 2, title: results[winner].editThread.thread.title, tags: [`tag-${winner}`] });
    });
  });

  describe('moveThread', () => {
    it('moves a thread for a coordinator of both communities: counts, lists and readers follow, audited', async () => {
      const secret = await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator.id });
      const thread = await threads.create({ communityId: community.id, authorId: author.id, replies: [{ authorId: member.id }] });
      const count = async (viewer: TestUser, c: TestCommunity) => (await as(viewer).data(LIST, { filter: { community: c.globalId } })).threads.totalCount;
      const [fromBefore, toBefore] = [await count(coordinator, community), await count(coordinator, secret)];
      expect((await as(coordinator).data(MOVE, { input: { threadId: thread.globalId, communityId: secret.globalId, reason: 'Belongs there' } })).moveThread).toEqual({
        thread: { community: { id: secret.globalId } },
        userErrors: [],
      });
      expect([await count(coordinator, community), await count(coordinator, secret)]).toEqual([fromBefore - 1, toBefore + 1]);
      expect((await as(member).data(THREAD, { id: thread.globalId })).node).toBeNull();
      expect((await as(coordinator).data(THREAD, { id: thread.globalId })).node).toMatchObject({ postCount: 2 });
      expect(await row(thread)).toMatchObject({ community_id: secret.id, post_count: 2 });
      expect(await audit(thread)).toEqual([
        { action: 'MOVE', actor_id: coordinator.id, reason: 'Belongs there', metadata: { from: community.id, to: secret.id } },
      ]);
    });

    it('tells live readers of the old community who may read the new one, and ends the streams of those who may not', async () => {
      const secret = await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator.id });
      const thread = await threads.create({ communityId: community.id, authorId: author.id, title: 'A thread about to move' });
      const activity = `subscription($c: ID!) { threadActivity(communityId: $c) { kind thread { title community { id } } } }`;
      const sockets = [coordinator, member].map((user) => t.client.as(user.accessToken).socket());
      try {
        const streams = sockets.map((socket) => {
          const stream = { activity: [] as unknown[], posts: [] as unknown[], postsEnded: false };
          socket.subscribe({ query: activity, variables: { c: community.globalId } }, { next: (v) => stream.activity.push(v.data), error: () => undefined, complete: () => undefined });
          socket.subscribe(
            { query: `subscription($id: ID!) { postAdded(threadId: $id) { id } }`, variables: { id: thread.globalId } },
            { next: (v) => stream.posts.push(v.data), error: () => undefined, complete: () => (stream.postsEnded = true) },
          );
          return stream;
        });
        const pubsub = t.app.get(PgPubSub);
        const until = async (check: () => boolean) => {
          for (let i = 0; !check() && i < 250; i++) await new Promise((r) => setTimeout(r, 20));
        };
        await until(() => pubsub.listenerCount(`community:${community.id}`) === 2 && pubsub.listenerCount(`thread:${thread.id}`) === 2);
        await as(coordinator).data(MOVE, { input: { threadId: thread.globalId, communityId: secret.globalId } });
        const [coordinatorSees, memberSees] = streams;
        await until(() => coordinatorSees!.activity.length === 1 && memberSees!.postsEnded);
        await new Promise((r) => setTimeout(r, 200));
        expect(coordinatorSees).toEqual({
          activity: [{ threadActivity: { kind: 'THREAD_MOVED', thread: { title: 'A thread about to move', community: { id: secret.globalId } } } }],
          posts: [],
          postsEnded: false,
        });
        expect(memberSees).toEqual({ activity: [], posts: [], postsEnded: true });
      } finally {
        await Promise.all(sockets.map((socket) => socket.dispose()));
      }
    });

    it('refuses anonymous callers, coordinators of one side only, unknown ids and the same community, changing nothing', async () => {
      const elsewhere = await communities.create({ coordinatorId: otherCoordinator.id });
      const thread = await threads.create({ communityId: community.id, authorId: author.id });
      const input = { threadId: thread.globalId, communityId: elsewhere.globalId };
      expect((await as(null).error(MOVE, { input })).code).toBe('UNAUTHENTICATED');
      expect((await as(author).error(MOVE, { input })).code).toBe('FORBIDDEN');
      expect((await as(coordinator).error(MOVE, { input })).code).toBe('FORBIDDEN');
      expect((await as(otherCoordinator).error(MOVE, { input })).code).toBe('FORBIDDEN');
      expect((await as(coordinator).error(MOVE, { input: { ...input, threadId: unknownId('Thread') } })).code).toBe('NOT_FOUND');
      expect((await as(coordinator).error(MOVE, { input: { ...input, communityId: unknownId('Community') } })).code).toBe('NOT_FOUND');
      expect((await as(coordinator).error(MOVE, { input: { ...input, communityId: 'nope' } })).code).toBe('BAD_USER_INPUT');
      expect((await as(coordinator).data(MOVE, { input: { ...input, communityId: community.globalId } })).moveThread).toEqual({
        thread: null,
        userErrors: [{ field: ['input', 'communityId'], code: 'INVALID_STATE' }],
      });
      expect((await as(moderator).data(MOVE, { input: { ...input, reason: 'x'.repeat(501) } })).moveThread.userErrors).toEqual([
        { field: ['input', 'reason'], code: 'TOO_LONG' },
      ]);
      expect(await row(thread)).toMatchObject({ community_id: community.id });
      expect(await audit(thread)).toEqual([]);
      expect((await as(moderator).data(MOVE, { input })).moveThread.userErrors).toEqual([]);
    });
  });
});
