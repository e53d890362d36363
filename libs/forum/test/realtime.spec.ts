import type { Client } from 'graphql-ws';
import { Metrics, PgPubSub } from '@bottega/core';
import { CommunityFactory, ThreadFactory } from '../src/testing';
import { startTestApp, type TestApp } from '@bottega/identity/testing';
import { providerNamed, until } from '@bottega/testing';

const POST_ADDED = `subscription($threadId: ID!) { postAdded(threadId: $threadId) { id bodyHtml author { handle } } }`;
const ACTIVITY = `subscription($communityId: ID!) { threadActivity(communityId: $communityId) { kind thread { title } post { bodySource } } }`;
const REPLY = `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { id } userErrors { code } } }`;

interface Stream {
  events: any[];
  errors: unknown[];
  completed: Promise<void>;
  stop: () => void;
}

function listen(client: Client, query: string, variables: Record<string, unknown>): Stream {
  const stream = { events: [] as any[], errors: [] as unknown[] } as Stream;
  stream.completed = new Promise<void>((done) => {
    stream.stop = client.subscribe(
      { query, variables },
      {
        next: (value) => stream.events.push(value.data ?? value),
        error: (error) => {
          stream.errors.push(error);
          done();
        },
        complete: done,
      },
    );
  });
  return stream;
}

/** Two API processes on one database, as behind a load balancer. */
describe('realtime across processes', () => {
  let a: TestApp;
  let b: TestApp;
  let communities: CommunityFactory;
  let threads: ThreadFactory;
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({}, a.databaseUrl);
    communities = new CommunityFactory(a.db);
    threads = new ThreadFactory(a.db);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('delivers a reply posted on one process to subscribers on the other', async () => {
    const [asker, helper] = await Promise.all([a.users.create(), a.users.create()]);
    const community = await communities.create({ coordinatorId: asker.id });
    const thread = await threads.create({ communityId: community.id, authorId: asker.id, kind: 'QUESTION' });
    const socket = b.client.as(asker.accessToken).socket();
    try {
      const posts = listen(socket, POST_ADDED, { threadId: thread.globalId });
      const activity = listen(socket, ACTIVITY, { communityId: community.globalId });
      await until(() => b.app.get(PgPubSub).listenerCount(`thread:${thread.id}`) === 1 && b.app.get(PgPubSub).listenerCount(`community:${community.id}`) === 1, 'subscriptions to register');
      const { replyToThread } = await a.client.as(helper.accessToken).data(REPLY, { input: { threadId: thread.globalId, body: 'Try a **time bank**.' } });
      await until(() => posts.events.length === 1 && activity.events.length === 1, 'the reply to arrive');
      expect(posts.events[0].postAdded).toEqual({ id: replyToThread.post.id, bodyHtml: '<p>Try a <strong>time bank</strong>.</p>\n', author: { handle: helper.handle } });
      expect(activity.events[0].threadActivity).toEqual({ kind: 'POST_ADDED', thread: { title: 'A thread made for a test' }, post: { bodySource: 'Try a **time bank**.' } });
    } finally {
      await socket.dispose();
    }
  });

  it('refuses subscriptions to what the viewer may not read, and stops delivering when access is lost', async () => {
    const [coordinator, member, outsider] = await Promise.all([a.users.create(), a.users.create(), a.users.create()]);
    const secret = await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator.id, memberIds: [member.id] });
    const thread = await threads.create({ communityId: secret.id, authorId: coordinator.id });

    const outsiderSocket = b.client.as(outsider.accessToken).socket();
    const anonymous = b.client.socket({});
    const memberSocket = b.client.as(member.accessToken).socket();
    try {
      for (const socket of [outsiderSocket, anonymous]) {
        const refused = listen(socket, POST_ADDED, { threadId: thread.globalId });
        await refused.completed;
        expect(refused.events).toEqual([{ errors: [expect.objectContaining({ extensions: { code: 'NOT_FOUND' } })] }]);
      }

      const stream = listen(memberSocket, POST_ADDED, { threadId: thread.globalId });
      await until(() => b.app.get(PgPubSub).listenerCount(`thread:${thread.id}`) === 1, 'the subscription to register');
      await a.client.as(coordinator.accessToken).data(REPLY, { input: { threadId: thread.globalId, body: 'first' } });
      await until(() => stream.events.length === 1, 'the first reply');

      await a.db.query('DELETE FROM community_membership WHERE community_id = $1 AND user_id = $2', [secret.id, member.id]);
      await a.client.as(coordinator.accessToken).data(REPLY, { input: { threadId: thread.globalId, body: 'after removal' } });
      await stream.completed;
      expect(stream.events).toHaveLength(1);
    } finally {
      await Promise.all([outsiderSocket.dispose(), anonymous.dispose(), memberSocket.dispose()]);
    }
  });

  it('resolves each delivered post with fresh data, not what the subscription saw when it started', async () => {
    const user = await a.users.create();
    const community = await communities.create({ coordinatorId: user.id });
    const thread = await threads.create({ communityId: community.id, authorId: user.id });
    const socket = b.client.as(user.accessToken).socket();
    try {
      const stream = listen(socket, `subscription($threadId: ID!) { postAdded(threadId: $threadId) { thread { postCount } reactions { kind count } } }`, {
        threadId: thread.globalId,
      });
      await until(() => b.app.get(PgPubSub).listenerCount(`thread:${thread.id}`) === 1, 'the subscription to register');
      for (const body of ['one', 'two', 'three']) {
        await a.client.as(user.accessToken).data(REPLY, { input: { threadId: thread.globalId, body } });
      }
      await until(() => stream.events.length === 3, 'three replies');
      expect(stream.events.map((e) => e.postAdded.thread.postCount)).toEqual([2, 3, 4]);
    } finally {
      await socket.dispose();
    }
  });

  it('stops delivering when the session is revoked', async () => {
    const user = await a.users.create();
    const community = await communities.create({ coordinatorId: user.id, visibility: 'MEMBERS_ONLY' });
    const thread = await threads.create({ communityId: community.id, authorId: user.id });
    const socket = b.client.as(user.accessToken).socket();
    try {
      const stream = listen(socket, POST_ADDED, { threadId: thread.globalId });
      await until(() => b.app.get(PgPubSub).listenerCount(`thread:${thread.id}`) === 1, 'the subscription to register');
      await a.db.query(`UPDATE auth_session SET revoked_at = now(), revoked_reason = 'LOGOUT' WHERE id = $1`, [user.sessionId]);
      const other = await a.users.create();
      await a.client.as(other.accessToken).data(REPLY, { input: { threadId: thread.globalId, body: 'after logout' } });
      await stream.completed;
      expect(stream.events).toHaveLength(0);
    } finally {
      await socket.dispose();
    }
  });

  it("loads the reactions a reply shows its signed-in subscribers in one statement, however many turns the fan-out takes", async () => {
    // 40 accounts, each with two subscriptions on its socket: 80 receivers, handed the reply in several turns.
    const [author, ...readers] = await Promise.all(Array.from({ length: 41 }, () => a.users.create()));
    const community = await communities.create({ coordinatorId: author!.id });
    const thread = await threads.create({ communityId: community.id, authorId: author!.id });
    const repository = providerNamed<{ reactionCounts: (...args: unknown[]) => Promise<unknown> }>(b.app, 'PostRepository');
    const sockets = readers.map((reader) => b.client.as(reader.accessToken).socket());
    const pubsub = b.app.get(PgPubSub);
    const query = `subscription($threadId: ID!) { postAdded(threadId: $threadId) { id reactions { kind count viewerHasReacted } } }`;
    const statements = jest.spyOn(repository, 'reactionCounts');
    try {
      const streams = sockets.flatMap((socket) => [listen(socket, query, { threadId: thread.globalId }), listen(socket, query, { threadId: thread.globalId })]);
      await until(() => pubsub.listenerCount(`thread:${thread.id}`) === streams.length, 'the subscriptions to register');
      const { replyToThread } = await a.client.as(author!.accessToken).data(REPLY, { input: { threadId: thread.globalId, body: 'Seen by many' } });
      await until(() => streams.every((stream) => stream.events.length === 1), 'every subscriber to receive the reply');
      expect(streams.flatMap((stream) => stream.errors)).toEqual([]);
      const kinds = ['LIKE', 'HELPFUL', 'INSIGHTFUL', 'THANKS', 'CELEBRATE'];
      const none = { postAdded: { id: replyToThread.post.id, reactions: kinds.map((kind) => ({ kind, count: 0, viewerHasReacted: false })) } };
      expect(new Set(streams.map((stream) => JSON.stringify(stream.events[0])))).toEqual(new Set([JSON.stringify(none)]));
      expect(statements).toHaveBeenCalledTimes(1);
    } finally {
      statements.mockRestore();
      await Promise.all(sockets.map((socket) => socket.dispose()));
    }
  });

  it('computes a reply once for readers who read the same of themselves, and apart for one whose reactions differ', async () => {
    const [author, liker, ...others] = await Promise.all(Array.from({ length: 5 }, () => a.users.create()));
    const community = await communities.create({ coordinatorId: author!.id });
    const thread = await threads.create({ communityId: community.id, authorId: author!.id });
    await a.client
      .as(liker!.accessToken)
      .data(`mutation($input: ReactInput!) { react(input: $input) { userErrors { code } } }`, { input: { postId: thread.openingPostGlobalId, kind: 'LIKE' } });
    const query = `subscription($threadId: ID!) { postAdded(threadId: $threadId) { bodyHtml replyTo { reactions { kind count viewerHasReacted } } } }`;
    const sockets = [liker!, ...others].map((reader) => b.client.as(reader.accessToken).socket());
    const anonymous = b.client.socket();
    const results = b.app.get(Metrics).subscriptionResults;
    const delivered = async () => Object.fromEntries((await results.get()).values.map(({ labels, value }) => [String(labels['result']), value]));
    try {
      const before = await delivered();
      const streams = [...sockets, anonymous].map((socket) => listen(socket, query, { threadId: thread.globalId }));
      await until(() => b.app.get(PgPubSub).listenerCount(`thread:${thread.id}`) === streams.length, 'the subscriptions to register');
      await a.client.as(author!.accessToken).data(REPLY, { input: { threadId: thread.globalId, replyToId: thread.openingPostGlobalId, body: 'Grazie!' } });
      await until(() => streams.every((stream) => stream.events.length === 1), 'every subscriber to receive the reply');

      const liked = (events: any[]) => events[0].postAdded.replyTo.reactions.find((r: { kind: string }) => r.kind === 'LIKE');
      expect(streams.map((stream) => liked(stream.events))).toEqual([
        { kind: 'LIKE', count: 1, viewerHasReacted: true },
        ...Array.from({ length: 4 }, () => ({ kind: 'LIKE', count: 1, viewerHasReacted: false })),
      ]);
      // The liker's result is their own; the three other readers and the anonymous one share another.
      const after = await delivered();
      expect((after['computed'] ?? 0) - (before['computed'] ?? 0)).toBe(2);
      expect((after['shared'] ?? 0) - (before['shared'] ?? 0)).toBe(3);
    } finally {
      await Promise.all([...sockets, anonymous].map((socket) => socket.dispose()));
    }
  });

  it('lets go of a subscription the client stops, with no event to wait for, while the socket stays open', async () => {
    const user = await a.users.create();
    const community = await communities.create({ coordinatorId: user.id });
    const thread = await threads.create({ communityId: community.id, authorId: user.id });
    const socket = b.client.as(user.accessToken).socket();
    const pubsub = b.app.get(PgPubSub);
    try {
      const stream = listen(socket, POST_ADDED, { threadId: thread.globalId });
      await until(() => pubsub.listenerCount(`thread:${thread.id}`) === 1, 'the subscription to register');
      stream.stop();
      await until(() => pubsub.listenerCount(`thread:${thread.id}`) === 0, 'the subscription to be let go');
    } finally {
      await socket.dispose();
    }
  });
});
