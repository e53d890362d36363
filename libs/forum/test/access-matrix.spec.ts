import type { EntityManager } from 'typeorm';
import { PgPubSub } from '@bottega/core';
import { CommunityFactory, ThreadFactory } from '../src/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { providerNamed, until } from '@bottega/testing';

/**
 * Each kind's audience is declared once (community.audience.ts,
 * thread.audience.ts) and asked several ways: as a JavaScript check (behind
 * `node` and subscriptions), as a SQL condition (behind lists and counts) and
 * as the readers among some accounts (who is notified). For every kind of
 * content and every kind of viewer, all must give the answer this table states.
 */
type Visibility = 'PUBLIC' | 'MEMBERS_ONLY' | 'PRIVATE';
type Who = 'anonymous' | 'outsider' | 'member' | 'invited' | 'author' | 'coordinator' | 'moderator' | 'admin' | 'suspended';
/** How far a viewer sees into a community: not at all, its visible content, or hidden content too. */
type Reach = 'nothing' | 'visible' | 'hidden too';
type Kind = keyof typeof SHOWN;
/** A community or thread is shown or absent; a post is absent, a placeholder (no body) or full. */
type Answer = 'absent' | 'shown' | 'placeholder' | 'full';

const VISIBILITIES: Visibility[] = ['PUBLIC', 'MEMBERS_ONLY', 'PRIVATE'];

// The member, the author and the suspended account belong to all three communities, which the
// coordinator coordinates; the invited person is invited to the private one only; the outsider, the
// moderator and the admin belong to none. All hidden content is the author's.
const REACH: Record<Who, Record<Visibility, Reach>> = {
  anonymous:   { PUBLIC: 'visible',    MEMBERS_ONLY: 'nothing',    PRIVATE: 'nothing' },
  outsider:    { PUBLIC: 'visible',    MEMBERS_ONLY: 'visible',    PRIVATE: 'nothing' },
  member:      { PUBLIC: 'visible',    MEMBERS_ONLY: 'visible',    PRIVATE: 'visible' },
  invited:     { PUBLIC: 'visible',    MEMBERS_ONLY: 'visible',    PRIVATE: 'visible' },
  author:      { PUBLIC: 'hidden too', MEMBERS_ONLY: 'hidden too', PRIVATE: 'hidden too' },
  coordinator: { PUBLIC: 'hidden too', MEMBERS_ONLY: 'hidden too', PRIVATE: 'hidden too' },
  moderator:   { PUBLIC: 'hidden too', MEMBERS_ONLY: 'hidden too', PRIVATE: 'hidden too' },
  admin:       { PUBLIC: 'hidden too', MEMBERS_ONLY: 'hidden too', PRIVATE: 'hidden too' },
  // A suspended account's token is refused outright (UNAUTHENTICATED), and it is never notified.
  suspended:   { PUBLIC: 'nothing',    MEMBERS_ONLY: 'nothing',    PRIVATE: 'nothing' },
};

/** What each reach gets of each kind of content. */
const SHOWN = {
  community:           { nothing: 'absent', visible: 'shown',       'hidden too': 'shown' },
  thread:              { nothing: 'absent', visible: 'shown',       'hidden too': 'shown' },
  hiddenThread:        { nothing: 'absent', visible: 'absent',      'hidden too': 'shown' },
  deletedThread:       { nothing: 'absent', visible: 'absent',      'hidden too': 'absent' },
  post:                { nothing: 'absent', visible: 'full',        'hidden too': 'full' },
  hiddenPost:          { nothing: 'absent', visible: 'placeholder', 'hidden too': 'full' },
  deletedPost:         { nothing: 'absent', visible: 'placeholder', 'hidden too': 'placeholder' },
  postInHiddenThread:  { nothing: 'absent', visible: 'absent',      'hidden too': 'full' },
  postInDeletedThread: { nothing: 'absent', visible: 'absent',      'hidden too': 'absent' },
} satisfies Record<string, Record<Reach, Answer>>;
const KINDS = Object.keys(SHOWN) as Kind[];
const THREADS: Kind[] = ['thread', 'hiddenThread', 'deletedThread'];
const POSTS_OF: Partial<Record<Kind, Kind[]>> = {
  thread: ['post', 'hiddenPost', 'deletedPost'],
  hiddenThread: ['postInHiddenThread'],
  deletedThread: ['postInDeletedThread'],
};
const POST_KINDS = Object.values(POSTS_OF).flat();

const POST_ADDED = `subscription($threadId: ID!) { postAdded(threadId: $threadId) { id } }`;
const ACTIVITY = `subscription($communityId: ID!) { threadActivity(communityId: $communityId) { kind thread { id } } }`;
const REPLY = `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { id } userErrors { code } } }`;

/** One item by its global id, as `node` decides (`CommunityAccess.canRead`, `ThreadAccess`, `canSeeContent`). */
const BY_ID = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Post { bodySource } } }`;
/** Everything the viewer can list, as the SQL conditions decide, with each listed thread's posts. */
const LISTS = `query($public: ID!, $membersOnly: ID!, $private: ID!) {
  communities(first: 100) { totalCount nodes { id } }
  everywhere: threads(first: 100) { totalCount nodes { id } }
  public: threads(filter: { community: $public }, first: 10) { ...listed }
  membersOnly: threads(filter: { community: $membersOnly }, first: 10) { ...listed }
  private: threads(filter: { community: $private }, first: 10) { ...listed }
}
fragment listed on ThreadConnection { totalCount nodes { id posts(first: 10) { nodes { id bodySource } } } }`;

interface ContentReadersLike {
  among(manager: EntityManager, content: { communityId: string; threadId?: string; postId?: string }, userIds: string[]): Promise<string[]>;
}
interface Listed {
  totalCount: number;
  nodes: { id: string; posts?: { nodes: { id: string; bodySource: string | null }[] } }[];
}

describe('one read rule, however it is asked', () => {
  let t: TestApp;
  const users = {} as Record<Exclude<Who, 'anonymous'>, TestUser>;
  /** Global ids of each kind of content in each community. */
  const items = {} as Record<Visibility, Record<Kind, string>>;
  const communityIds = {} as Record<Visibility, string>;

  beforeAll(async () => {
    t = await startTestApp();
    const [outsider, member, invited, author, coordinator, moderator, admin, suspended] = await Promise.all([
      ...Array.from({ length: 5 }, () => t.users.create()),
      t.users.moderator().create(),
      t.users.admin().create(),
      t.users.suspended().create(),
    ]);
    Object.assign(users, { outsider, member, invited, author, coordinator, moderator, admin, suspended });
    const communities = new CommunityFactory(t.db);
    const threads = new ThreadFactory(t.db);
    for (const visibility of VISIBILITIES) {
      const community = await communities.create({
        visibility,
        coordinatorId: coordinator!.id,
        memberIds: [member!.id, author!.id, suspended!.id],
        invitedIds: visibility === 'PRIVATE' ? [invited!.id] : [],
      });
      const thread = await threads.create({
        communityId: community.id,
        authorId: member!.id,
        replies: [{ authorId: author!.id, body: 'Hidden by moderation' }, { authorId: member!.id, body: 'Deleted by its author' }],
      });
      const hiddenThread = await threads.create({ communityId: community.id, authorId: author!.id });
      const deletedThread = await threads.create({ communityId: community.id, authorId: member!.id });
      const [, hiddenPost, deletedPost] = await postsOf(thread.id);
      await t.db.query(`UPDATE post SET hidden_at = now() WHERE id = $1`, [hiddenPost]);
      await t.db.query(`UPDATE post SET deleted_at = now(), deleted_by = author_id WHERE id = $1`, [deletedPost]);
      await t.db.query(`UPDATE thread SET hidden_at = now() WHERE id = $1`, [hiddenThread.id]);
      await t.db.query(`UPDATE thread SET deleted_at = now(), deleted_by = author_id WHERE id = $1`, [deletedThread.id]);
      communityIds[visibility] = community.id;
      items[visibility] = {
        community: community.globalId,
        thread: thread.globalId,
        hiddenThread: hiddenThread.globalId,
        deletedThread: deletedThread.globalId,
        post: thread.openingPostGlobalId,
        hiddenPost: globalPostId(hiddenPost!),
        deletedPost: globalPostId(deletedPost!),
        postInHiddenThread: hiddenThread.openingPostGlobalId,
        postInDeletedThread: deletedThread.openingPostGlobalId,
      };
    }
  });
  afterAll(() => t.close());

  const postsOf = async (threadId: string): Promise<string[]> =>
    (await t.db.query(`SELECT id FROM post WHERE thread_id = $1 ORDER BY created_at, id`, [threadId])).map((row: { id: string }) => row.id);
  const globalPostId = (id: string) => Buffer.from(`Post:${id}`).toString('base64url');
  const dbId = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1]!;
  const viewers = Object.keys(REACH) as Who[];
  const line = (who: Who, visibility: Visibility, kind: Kind, answer: Answer) => `${who} in ${visibility}: ${kind} ${answer}`;
  /** A post as the viewer got it: not at all, without its body, or whole. */
  const post = (found: { bodySource?: string | null } | undefined): Answer =>
    !found ? 'absent' : (found.bodySource ?? null) === null ? 'placeholder' : 'full';

  /** The viewer's data, or null when their token is refused, which only the suspended account's may be. */
  async function ask(who: Who, query: string, variables: Record<string, unknown>): Promise<any> {
    const { body } = await t.client.as(who === 'anonymous' ? null : users[who].accessToken).request<any>(query, variables);
    if (who === 'suspended') {
      expect(body.errors?.map((error) => error.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
      return null;
    }
    if (body.errors?.length || !body.data) throw new Error(`${who}: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  /** What `node` gives the viewer of every item: the JavaScript policy functions. */
  async function byId(who: Who): Promise<string[]> {
    const ids = VISIBILITIES.flatMap((visibility) => KINDS.map((kind) => items[visibility][kind]));
    const data = await ask(who, BY_ID, { ids });
    const found = new Map<string, { id: string; bodySource?: string | null }>();
    for (const node of data?.nodes ?? []) if (node) found.set(node.id, node);
    return VISIBILITIES.flatMap((visibility) =>
      KINDS.map((kind) => {
        const node = found.get(items[visibility][kind]);
        return line(who, visibility, kind, POST_KINDS.includes(kind) ? post(node) : node ? 'shown' : 'absent');
      }),
    );
  }

  /** What the viewer finds in lists and counts (the SQL conditions), posts through the threads listed. */
  async function listed(who: Who): Promise<string[]> {
    const data = await ask(who, LISTS, {
      public: items.PUBLIC.community,
      membersOnly: items.MEMBERS_ONLY.community,
      private: items.PRIVATE.community,
    });
    const communities = new Set<string>((data?.communities.nodes ?? []).map((node: { id: string }) => node.id));
    const lists: Record<Visibility, Listed> = {
      PUBLIC: data?.public ?? { totalCount: 0, nodes: [] },
      MEMBERS_ONLY: data?.membersOnly ?? { totalCount: 0, nodes: [] },
      PRIVATE: data?.private ?? { totalCount: 0, nodes: [] },
    };
    if (data) {
      // Counts agree with the lists they count, and the unfiltered list is the union of the filtered ones.
      expect(data.communities.totalCount).toBe(communities.size);
      for (const list of Object.values(lists)) expect(list.totalCount).toBe(list.nodes.length);
      expect(new Set(data.everywhere.nodes.map((node: { id: string }) => node.id))).toEqual(
        new Set(Object.values(lists).flatMap((list) => list.nodes.map((node) => node.id))),
      );
      expect(data.everywhere.totalCount).toBe(data.everywhere.nodes.length);
    }
    return VISIBILITIES.flatMap((visibility) => {
      const threads = new Map(lists[visibility].nodes.map((node) => [node.id, node]));
      const answers: [Kind, Answer][] = [['community', communities.has(items[visibility].community) ? 'shown' : 'absent']];
      for (const kind of THREADS) {
        const thread = threads.get(items[visibility][kind]);
        answers.push([kind, thread ? 'shown' : 'absent']);
        for (const postKind of POSTS_OF[kind] ?? []) {
          answers.push([postKind, post(thread?.posts?.nodes.find((node) => node.id === items[visibility][postKind]))]);
        }
      }
      const byKind = new Map(answers);
      return KINDS.map((kind) => line(who, visibility, kind, byKind.get(kind)!));
    });
  }

  it('node, lists and counts give every viewer exactly what the table says, for every kind of content', async () => {
    const expected = viewers.flatMap((who) =>
      VISIBILITIES.flatMap((visibility) => KINDS.map((kind) => line(who, visibility, kind, SHOWN[kind][REACH[who][visibility]]))),
    );
    const answers = await Promise.all(viewers.map(async (who) => ({ node: await byId(who), lists: await listed(who) })));
    const byNode = answers.flatMap((a) => a.node);
    // First that the JavaScript and the SQL agree (a difference is a side door, or a hole), then that both are right.
    expect(answers.flatMap((a) => a.lists)).toEqual(byNode);
    expect(byNode).toEqual(expected);
  });

  it('notifies exactly the people who may read each kind of content, no more', async () => {
    const readers = providerNamed<ContentReadersLike>(t.app, 'ContentReaders');
    const people = viewers.filter((who): who is Exclude<Who, 'anonymous'> => who !== 'anonymous');
    /** What a notification about the item is about: its community, thread and post. */
    const subject = (visibility: Visibility, kind: Kind) => {
      const communityId = communityIds[visibility];
      if (kind === 'community') return { communityId };
      const threadKind = THREADS.find((thread) => thread === kind || POSTS_OF[thread]?.includes(kind))!;
      const threadId = dbId(items[visibility][threadKind]);
      return POST_KINDS.includes(kind) ? { communityId, threadId, postId: dbId(items[visibility][kind]) } : { communityId, threadId };
    };
    const notified = new Set<string>();
    for (const visibility of VISIBILITIES) {
      for (const kind of KINDS) {
        const ids = await readers.among(t.db.manager, subject(visibility, kind), people.map((who) => users[who].id));
        for (const who of people) if (ids.includes(users[who].id)) notified.add(`${who} in ${visibility}: ${kind}`);
      }
    }
    const seenByNode = new Set((await Promise.all(people.map(byId))).flat());
    const table = (reads: (who: Exclude<Who, 'anonymous'>, visibility: Visibility, kind: Kind) => boolean) =>
      people.flatMap((who) =>
        VISIBILITIES.flatMap((visibility) =>
          KINDS.map((kind) => `${who} in ${visibility}: ${kind} ${reads(who, visibility, kind) ? 'reads' : 'does not read'}`),
        ),
      );
    const reads = (answer: Answer) => answer === 'shown' || answer === 'full';

    const byNode = table((who, visibility, kind) =>
      (['shown', 'full'] as Answer[]).some((answer) => seenByNode.has(line(who, visibility, kind, answer))),
    );
    expect(table((who, visibility, kind) => notified.has(`${who} in ${visibility}: ${kind}`))).toEqual(byNode);
    // Positive controls too: the member is notified of the private thread, the author of their hidden post.
    expect(byNode).toEqual(table((who, visibility, kind) => reads(SHOWN[kind][REACH[who][visibility]])));
    expect(notified).toContain('member in PRIVATE: thread');
    expect(notified).toContain('author in MEMBERS_ONLY: hiddenPost');
  });

  it('lets exactly the readers subscribe, and delivers them what the table says', async () => {
    const subscribers = viewers.filter((who): who is Exclude<Who, 'anonymous' | 'suspended'> | 'anonymous' => who !== 'suspended');
    const sockets = new Map(subscribers.map((who) => [who, t.client.as(who === 'anonymous' ? null : users[who].accessToken).socket()]));
    type Channel = 'community' | 'thread' | 'hiddenThread';
    const CHANNELS: Channel[] = ['community', 'thread', 'hiddenThread'];
    const streams = new Map<string, { events: unknown[]; refused: boolean; stop: () => void }>();
    try {
      for (const who of subscribers) {
        for (const visibility of VISIBILITIES) {
          for (const channel of CHANNELS) {
            const stream = { events: [] as unknown[], refused: false, stop: () => undefined as void };
            const [query, variables] =
              channel === 'community'
                ? [ACTIVITY, { communityId: items[visibility].community }]
                : [POST_ADDED, { threadId: items[visibility][channel] }];
            stream.stop = sockets.get(who)!.subscribe(
              { query, variables },
              {
                next: (value) => {
                  if (value.errors) stream.refused = value.errors.some((e) => e.extensions?.['code'] === 'NOT_FOUND');
                  else stream.events.push(value.data);
                },
                error: () => (stream.refused = true),
                complete: () => undefined,
              },
            );
            streams.set(`${who} in ${visibility}: ${channel}`, stream);
          }
        }
      }
      // Every subscription is either refused or registered before anything is posted.
      const pubsub = t.app.get(PgPubSub);
      const accepted = (visibility: Visibility, channel: Channel) =>
        subscribers.filter((who) => SHOWN[channel === 'community' ? 'community' : channel][REACH[who][visibility]] !== 'absent').length;
      await until(
        () =>
          VISIBILITIES.every((visibility) =>
            CHANNELS.every((channel) => {
              const topic = channel === 'community' ? `community:${communityIds[visibility]}` : `thread:${dbId(items[visibility][channel])}`;
              return pubsub.listenerCount(topic) === accepted(visibility, channel);
            }),
          ),
        'the subscriptions to register',
      );
      for (const visibility of VISIBILITIES) {
        for (const channel of ['thread', 'hiddenThread'] as const) {
          const { body } = await t.client.as(users.coordinator.accessToken).request<any>(REPLY, {
            input: { threadId: items[visibility][channel], body: `A reply to the ${channel} in ${visibility}` },
          });
          expect(body.data.replyToThread.userErrors).toEqual([]);
        }
      }
      // A reply to each thread: postAdded once on its thread, threadActivity once per thread shown to the viewer.
      const expected = subscribers.flatMap((who) =>
        VISIBILITIES.flatMap((visibility) =>
          CHANNELS.map((channel) => {
            const reach = REACH[who][visibility];
            if (channel === 'community') {
              if (SHOWN.community[reach] === 'absent') return `${who} in ${visibility}: ${channel} refused`;
              const threadsShown = (['thread', 'hiddenThread'] as const).filter((kind) => SHOWN[kind][reach] !== 'absent').length;
              return `${who} in ${visibility}: ${channel} ${threadsShown} events`;
            }
            return SHOWN[channel][reach] === 'absent' ? `${who} in ${visibility}: ${channel} refused` : `${who} in ${visibility}: ${channel} 1 events`;
          }),
        ),
      );
      const observed = () =>
        [...streams].map(([key, stream]) => (stream.refused ? `${key} refused` : `${key} ${stream.events.length} events`));
      await until(() => JSON.stringify(observed()) === JSON.stringify(expected), 'every delivery', 10_000).catch(() => undefined);
      expect(observed()).toEqual(expected);
      // Positive controls: the member hears of the private thread, the author of their hidden one.
      expect(observed()).toContain('member in PRIVATE: thread 1 events');
      expect(observed()).toContain('author in PUBLIC: hiddenThread 1 events');
    } finally {
      for (const stream of streams.values()) stream.stop();
      await Promise.all([...sockets.values()].map((socket) => socket.dispose()));
    }
  });
});
