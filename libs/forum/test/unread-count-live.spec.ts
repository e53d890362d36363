import type { Client } from 'graphql-ws';
import { CommunityFactory, ThreadFactory } from '../src/testing';
import { startTestApp, type TestApp } from '@bottega/identity/testing';
import { until } from '@bottega/testing';

const REPLY = `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { id } userErrors { code } } }`;
const MARK = `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { unreadCount userErrors { field code } } }`;
const COUNT = `subscription { unreadNotificationCount }`;

interface Watched {
  counts: number[];
  errors: unknown[];
  done: boolean;
  stop: () => void;
}

function watch(socket: Client): Watched {
  const watched: Watched = { counts: [], errors: [], done: false, stop: () => undefined };
  watched.stop = socket.subscribe<{ unreadNotificationCount: number }>(
    { query: COUNT },
    {
      next: (value) => {
        if (value.errors) watched.errors.push(...value.errors);
        if (value.data) watched.counts.push(value.data.unreadNotificationCount);
      },
      error: (error) => watched.errors.push(...(Array.isArray(error) ? error : [error])),
      complete: () => (watched.done = true),
    },
  );
  return watched;
}

describe('the live unread count', () => {
  let t: TestApp;
  let communities: CommunityFactory;
  let threads: ThreadFactory;
  const sockets: Client[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    communities = new CommunityFactory(t.db);
    threads = new ThreadFactory(t.db);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.dispose()));
    await t.close();
  });

  const socketOf = (token: string | null) => {
    const socket = t.client.as(token).socket();
    sockets.push(socket);
    return socket;
  };
  const threadFor = async () => {
    const author = await t.users.create();
    const community = await communities.create({ coordinatorId: author.id });
    return { author, thread: await threads.create({ communityId: community.id, authorId: author.id }) };
  };
  const mention = (author: { accessToken: string }, threadId: string, handle: string) =>
    t.client.as(author.accessToken).data(REPLY, { input: { threadId, body: `Che ne pensi, @${handle}?` } });

  it('starts with the count as it is, then follows new notifications and reads from any client', async () => {
    const reader = await t.users.create();
    const { author, thread } = await threadFor();
    await mention(author, thread.globalId, reader.handle);

    const live = watch(socketOf(reader.accessToken));
    await until(() => live.counts.length === 1, 'the first count');
    expect(live.counts).toEqual([1]);

    await mention(author, thread.globalId, reader.handle);
    await until(() => live.counts.length === 2, 'the count after a mention');
    // Marked read over HTTP, as another tab would.
    await t.client.as(reader.accessToken).data(MARK, { input: { all: true } });
    await until(() => live.counts.length === 3, 'the count after reading');
    expect(live.counts).toEqual([1, 2, 0]);

    // Marking nothing new changes nothing, so nothing is sent.
    await t.client.as(reader.accessToken).data(MARK, { input: { all: true } });
    await mention(author, thread.globalId, reader.handle);
    await until(() => live.counts.length === 4, 'the count after the next mention');
    expect(live.counts).toEqual([1, 2, 0, 1]);
    expect(live.errors).toEqual([]);
    live.stop();
  });

  it('counts a notification created while the subscription starts, whichever comes first', async () => {
    const { author, thread } = await threadFor();
    const readers = await Promise.all(Array.from({ length: 12 }, () => t.users.create()));
    // Each reader subscribes a little later after its mention was sent: before it commits, meanwhile, after.
    const watched = await Promise.all(
      readers.map(async (reader, i) => {
        const sent = mention(author, thread.globalId, reader.handle);
        await new Promise((resolve) => setTimeout(resolve, i * 8));
        const live = watch(socketOf(reader.accessToken));
        await sent;
        return live;
      }),
    );
    await until(() => watched.every((live) => live.counts.at(-1) === 1), 'every count to reach 1');
    for (const live of watched) live.stop();
  });

  it('refuses an anonymous subscriber with UNAUTHENTICATED', async () => {
    const live = watch(socketOf(null));
    await until(() => live.errors.length > 0, 'the refusal');
    expect(live.counts).toEqual([]);
    expect((live.errors[0] as { extensions?: { code?: string } }).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ends when the session is revoked', async () => {
    const reader = await t.users.create();
    const { author, thread } = await threadFor();
    const live = watch(socketOf(reader.accessToken));
    await until(() => live.counts.length === 1, 'the first count');
    await t.db.query(`UPDATE auth_session SET revoked_at = now() WHERE user_id = $1`, [reader.id]);
    await mention(author, thread.globalId, reader.handle);
    await until(() => live.done, 'the stream to end');
    expect(live.counts).toEqual([0]);
  });
});
