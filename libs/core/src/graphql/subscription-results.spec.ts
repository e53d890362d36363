import { GraphQLBoolean, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionResult } from 'graphql';
import { AccessDirectory } from '../access/access-directory';
import type { AccessTokenService } from '../auth/access-token.service';
import { GlobalRole, type AccessClaims, type SessionVerifier, type Viewer } from '../auth/viewer';
import { RequestContext } from '../context/request-context';
import { AsyncQueue } from '../pubsub/async-queue';
import { loadersForEvent } from './loaders';
import { ResponseBudget } from './response-budget';
import { SubscriptionResults } from './subscription-results';

interface Item {
  title: string;
  ownerId: string;
  /** Who starred the item: a personal value. */
  starredBy: string[];
  /** Shown only to members of the circle. */
  circle: string | null;
}

/** A receiver's context: the real one, over accounts that need no database. */
class Receiver extends RequestContext {
  constructor(
    userId: string | null,
    readonly events: AsyncQueue<object>,
    principals: readonly string[],
  ) {
    const claims = (token: string): AccessClaims => ({ userId: token, sessionId: `s-${token}`, expiresAt: new Date(Date.now() + 3_600_000) });
    const tokens = { verify: async (token: string) => claims(token) } as unknown as AccessTokenService;
    const sessions = { verify: async (found: AccessClaims): Promise<Viewer> => ({ ...found, role: GlobalRole.USER, principals }) } as unknown as SessionVerifier;
    super('test', '127.0.0.1', null, userId, tokens, sessions, new ResponseBudget(1_000_000));
  }
}

/**
 * A subscription whose selection counts its runs: `title` for everyone,
 * `starred` a personal value, `mine` reads the account, `circleNote` a principal.
 */
function setUp() {
  const runs = { title: 0, starred: 0, mine: 0, circleNote: 0 };
  const streams: AsyncQueue<object>[] = [];
  // Principals come with each session, as they do when read beside it, so no database is needed.
  const access = new AccessDirectory(null as never);
  const ItemType = new GraphQLObjectType({
    name: 'Item',
    fields: {
      title: { type: GraphQLString, resolve: (item: Item) => ((runs.title += 1), item.title) },
      starred: {
        type: GraphQLBoolean,
        resolve: (item: Item, _args, context: RequestContext) => {
          runs.starred += 1;
          return context.personal(`starred:${item.title}`, async (own) => item.starredBy.includes((await own.viewer())?.userId ?? ''));
        },
      },
      mine: {
        type: GraphQLBoolean,
        resolve: async (item: Item, _args, context: RequestContext) => ((runs.mine += 1), item.ownerId === (await context.viewer())?.userId),
      },
      circleNote: {
        type: GraphQLString,
        resolve: async (item: Item, _args, context: RequestContext) => {
          runs.circleNote += 1;
          return item.circle && (await access.of(context)).has(`circle:${item.circle}`) ? `for ${item.circle}` : null;
        },
      },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLBoolean } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        itemAdded: {
          type: ItemType,
          // Each receiver's stream takes the event's shared loaders, as the features' streams do.
          subscribe: (_root, _args, context: Receiver): AsyncIterableIterator<object> => ({
            next: async () => {
              const next = await context.events.next();
              if (!next.done) context.renew(loadersForEvent(next.value));
              return next;
            },
            return: () => context.events.return(),
            [Symbol.asyncIterator]() {
              return this;
            },
          }),
          resolve: (event: Item) => ({ ...event }),
        },
      },
    }),
  });
  const deliveries = { shared: 0, computed: 0 };
  const results = new SubscriptionResults((shared) => (shared ? (deliveries.shared += 1) : (deliveries.computed += 1)));
  const subscribe = async (userId: string | null, query = 'subscription { itemAdded { title starred } }', held: string[] = []) => {
    const receiver = new Receiver(userId, new AsyncQueue<object>({ capacity: 10 }), ['everyone', 'signed-in', `user:${userId}`, ...held]);
    streams.push(receiver.events);
    const stream = await results.subscribe({ schema, document: documentOf(query), contextValue: receiver });
    if (!(Symbol.asyncIterator in stream)) throw new Error(`not subscribed: ${JSON.stringify(stream)}`);
    return { receiver, stream: stream as AsyncIterableIterator<ExecutionResult> };
  };
  // Each notification is a new event object, with its own loaders.
  const publish = (item: Item) => {
    const event = { ...item };
    for (const queue of streams) queue.push(event);
  };
  return { runs, deliveries, subscribe, publish };
}

/** Documents are parsed once per text, as the socket server does. */
const documents = new Map<string, ReturnType<typeof parse>>();
function documentOf(text: string) {
  let document = documents.get(text);
  if (!document) {
    document = parse(text);
    documents.set(text, document);
  }
  return document;
}

describe('SubscriptionResults', () => {
  const item: Item = { title: 'Orti sociali', ownerId: 'ada', starredBy: ['bea'], circle: null };

  it('runs an event’s selection once for every receiver whose personal values agree, anonymous or signed in', async () => {
    const { runs, deliveries, subscribe, publish } = setUp();
    const receivers = await Promise.all([subscribe(null), subscribe(null), subscribe('ada'), subscribe('bea'), subscribe('cloe'), subscribe('dan')]);
    publish(item);

    const received = await Promise.all(receivers.map(({ stream }) => stream.next()));
    expect(received.map((result) => result.value)).toEqual([
      { data: { itemAdded: { title: 'Orti sociali', starred: false } } },
      { data: { itemAdded: { title: 'Orti sociali', starred: false } } },
      { data: { itemAdded: { title: 'Orti sociali', starred: false } } },
      { data: { itemAdded: { title: 'Orti sociali', starred: true } } },
      { data: { itemAdded: { title: 'Orti sociali', starred: false } } },
      { data: { itemAdded: { title: 'Orti sociali', starred: false } } },
    ]);
    // One run for everyone who has not starred it (anonymous readers included), one for bea who has.
    expect(runs.title).toBe(2);
    expect(deliveries).toEqual({ computed: 2, shared: 4 });
  });

  it('runs a selection that reads the account once for each account, and once for all anonymous receivers', async () => {
    const { runs, subscribe, publish } = setUp();
    const query = 'subscription { itemAdded { title mine } }';
    const receivers = await Promise.all([subscribe(null, query), subscribe(null, query), subscribe('ada', query), subscribe('bea', query)]);
    publish(item);
    const received = await Promise.all(receivers.map(({ stream }) => stream.next()));
    expect(received.map((result) => result.value?.data?.['itemAdded'])).toEqual([
      { title: 'Orti sociali', mine: false },
      { title: 'Orti sociali', mine: false },
      { title: 'Orti sociali', mine: true },
      { title: 'Orti sociali', mine: false },
    ]);
    expect(runs.mine).toBe(3);
  });

  it('shares by the principals a selection asks about, not by every principal held', async () => {
    const { runs, deliveries, subscribe, publish } = setUp();
    const query = 'subscription { itemAdded { title circleNote } }';
    const receivers = await Promise.all([
      subscribe('ada', query, ['circle:orti', 'member:x']),
      subscribe('bea', query, ['circle:orti']),
      subscribe('cloe', query, ['member:x']),
      subscribe(null, query),
    ]);
    publish({ ...item, circle: 'orti' });
    const received = await Promise.all(receivers.map(({ stream }) => stream.next()));
    expect(received.map((result) => result.value?.data?.['itemAdded'])).toEqual([
      { title: 'Orti sociali', circleNote: 'for orti' },
      { title: 'Orti sociali', circleNote: 'for orti' },
      { title: 'Orti sociali', circleNote: null },
      { title: 'Orti sociali', circleNote: null },
    ]);
    expect(runs.circleNote).toBe(2);
    expect(deliveries).toEqual({ computed: 2, shared: 2 });
  });

  it('does not share between different operations, nor across events', async () => {
    const { runs, subscribe, publish } = setUp();
    const full = await subscribe(null);
    const titleOnly = await subscribe(null, 'subscription { itemAdded { title } }');
    publish({ ...item, title: 'Emporio solidale' });
    expect((await full.stream.next()).value).toEqual({ data: { itemAdded: { title: 'Emporio solidale', starred: false } } });
    expect((await titleOnly.stream.next()).value).toEqual({ data: { itemAdded: { title: 'Emporio solidale' } } });
    publish({ ...item, title: 'Housing first' });
    expect((await full.stream.next()).value).toEqual({ data: { itemAdded: { title: 'Housing first', starred: false } } });
    expect((await titleOnly.stream.next()).value).toEqual({ data: { itemAdded: { title: 'Housing first' } } });
    expect(runs).toMatchObject({ title: 4, starred: 2 });
  });

  it('ends the source at once when a receiver stops waiting, with no event pending', async () => {
    const { subscribe } = setUp();
    const { receiver, stream } = await subscribe(null);
    const pending = stream.next();
    await stream.return?.();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(receiver.events.isClosed).toBe(true);
  });
});
