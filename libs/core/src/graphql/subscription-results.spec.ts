import { GraphQLBoolean, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionResult } from 'graphql';
import type { AccessDirectory } from '../access/access-directory';
import { Principals } from '../access/principals';
import type { RequestContext } from '../context/request-context';
import { AsyncQueue } from '../pubsub/async-queue';
import { Loaders, loadersForEvent } from './loaders';
import { SubscriptionResults } from './subscription-results';

interface Receiver {
  userId: string | null;
  loaders: Loaders;
  events: AsyncQueue<object>;
}

/** A subscription whose selection counts its runs: `title` for everyone, `mine` per receiver. */
function setUp() {
  const runs = { title: 0, mine: 0 };
  const streams = new Map<string, AsyncQueue<object>>();
  const Item = new GraphQLObjectType({
    name: 'Item',
    fields: {
      title: { type: GraphQLString, resolve: (item: { title: string; ownerId: string }) => ((runs.title += 1), item.title) },
      mine: {
        type: GraphQLBoolean,
        resolve: (item: { title: string; ownerId: string }, _args, context: Receiver) => ((runs.mine += 1), item.ownerId === context.userId),
      },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLBoolean } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        itemAdded: {
          type: Item,
          // Each receiver's stream takes the event's shared loaders, as the features' streams do.
          subscribe: (_root, _args, context: Receiver): AsyncIterableIterator<object> => ({
            next: async () => {
              const next = await context.events.next();
              if (!next.done) context.loaders = loadersForEvent(next.value);
              return next;
            },
            return: () => context.events.return(),
            [Symbol.asyncIterator]() {
              return this;
            },
          }),
          resolve: (event: { title: string; ownerId: string }) => ({ ...event }),
        },
      },
    }),
  });
  const directory = {
    of: async (context: RequestContext) => {
      const { userId } = context as unknown as Receiver;
      return userId ? new Principals(userId, ['everyone', 'signed-in', `user:${userId}`]) : Principals.ANONYMOUS;
    },
  } as unknown as AccessDirectory;
  const results = new SubscriptionResults(directory);
  const subscribe = async (userId: string | null, query = 'subscription { itemAdded { title mine } }') => {
    const receiver: Receiver = { userId, loaders: new Loaders(), events: new AsyncQueue<object>({ capacity: 10 }) };
    streams.set(`${userId}:${streams.size}`, receiver.events);
    const stream = await results.subscribe({ schema, document: documentOf(query), contextValue: receiver });
    if (!(Symbol.asyncIterator in stream)) throw new Error(`not subscribed: ${JSON.stringify(stream)}`);
    return { receiver, stream: stream as AsyncIterableIterator<ExecutionResult> };
  };
  const publish = (event: object) => {
    for (const queue of streams.values()) queue.push(event);
  };
  return { runs, subscribe, publish };
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
  it('runs an event’s selection once for all anonymous receivers, and once for each signed-in account', async () => {
    const { runs, subscribe, publish } = setUp();
    const anonymous = await Promise.all([subscribe(null), subscribe(null), subscribe(null)]);
    const ada = await subscribe('ada');
    const bea = await subscribe('bea');
    publish({ title: 'Orti sociali', ownerId: 'ada' });

    const received = await Promise.all([...anonymous, ada, bea].map(({ stream }) => stream.next()));
    expect(received.map((result) => result.value)).toEqual([
      { data: { itemAdded: { title: 'Orti sociali', mine: false } } },
      { data: { itemAdded: { title: 'Orti sociali', mine: false } } },
      { data: { itemAdded: { title: 'Orti sociali', mine: false } } },
      { data: { itemAdded: { title: 'Orti sociali', mine: true } } },
      { data: { itemAdded: { title: 'Orti sociali', mine: false } } },
    ]);
    // One run for the three anonymous receivers, one for each account.
    expect(runs).toEqual({ title: 3, mine: 3 });
  });

  it('does not share between different operations, nor across events', async () => {
    const { runs, subscribe, publish } = setUp();
    const full = await subscribe(null);
    const titleOnly = await subscribe(null, 'subscription { itemAdded { title } }');
    publish({ title: 'Emporio solidale', ownerId: 'ada' });
    expect((await full.stream.next()).value).toEqual({ data: { itemAdded: { title: 'Emporio solidale', mine: false } } });
    expect((await titleOnly.stream.next()).value).toEqual({ data: { itemAdded: { title: 'Emporio solidale' } } });
    publish({ title: 'Housing first', ownerId: 'ada' });
    expect((await full.stream.next()).value).toEqual({ data: { itemAdded: { title: 'Housing first', mine: false } } });
    expect((await titleOnly.stream.next()).value).toEqual({ data: { itemAdded: { title: 'Housing first' } } });
    expect(runs).toEqual({ title: 4, mine: 2 });
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
