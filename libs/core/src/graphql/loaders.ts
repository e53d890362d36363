import DataLoader from 'dataloader';

/**
 * A singleton description of a batch load; each request gets its own
 * DataLoader from it through {@link Loaders}, so caches never cross requests.
 */
export class LoaderFactory<K, V> {
  /** `loaders` is the set the batch runs in, for one that primes more keys than it was asked for (see `Loaders.expectedReaders`). */
  constructor(readonly batch: (keys: readonly K[], loaders: Loaders) => Promise<ArrayLike<V | Error>>) {}
}

/** The per-request set of DataLoaders, created on first use. */
export class Loaders {
  private readonly loaders = new Map<LoaderFactory<unknown, unknown>, DataLoader<unknown, unknown>>();
  private readonly memos = new Map<string, Promise<unknown>>();
  private readonly readers = new Set<string>();
  /** Whether the request writes (a mutation): then nothing is memoized, since a decision taken before a write is stale after it. */
  private writes = false;

  /** Whether the request writes: what was read before a write may be stale after it. */
  get writing(): boolean {
    return this.writes;
  }

  /** Called for mutations, before they run. */
  willWrite(): void {
    this.writes = true;
    this.memos.clear();
  }

  /**
   * Computes `key` once for this request (or event): e.g. an access decision
   * that every post of a page asks for. Keys must name everything the value
   * depends on, the viewer included, since an event's loaders are shared by
   * its subscribers. Requests that write compute it every time.
   */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.writes) return compute();
    let value = this.memos.get(key) as Promise<T> | undefined;
    if (!value) {
      value = compute();
      this.memos.set(key, value);
    }
    return value;
  }

  /**
   * Accounts expected to read through these loaders: each signed-in
   * subscriber of an event, announced as the event arrives (see
   * `RequestContext.prepare`), before its turn. A loader of rows that differ
   * per account loads every expected reader's with its first batch and primes
   * them, so an event handed to its subscribers in turns still costs one
   * statement. A hint for loading only: no access is decided from it.
   */
  get expectedReaders(): ReadonlySet<string> {
    return this.readers;
  }

  expectReader(userId: string): void {
    this.readers.add(userId);
  }

  get<K, V>(factory: LoaderFactory<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(factory as LoaderFactory<unknown, unknown>);
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => factory.batch(keys, this)) as DataLoader<unknown, unknown>;
      this.loaders.set(factory as LoaderFactory<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /** Loads `key` past this request's cache, to read back a row the request has just written. */
  async reload<K, V>(factory: LoaderFactory<K, V | null>, key: K): Promise<V> {
    const value = await this.get(factory).clear(key).load(key);
    if (value === null) throw new Error(`Row ${String(key)} vanished right after it was written`);
    return value;
  }
}

/** Orders rows to match `keys` (null where missing), as DataLoader expects. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const index = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => index.get(key) ?? null);
}

/** Groups rows under `keys` (empty list where none), for one-to-many loads. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

const eventLoaders = new WeakMap<object, Loaders>();

/**
 * One set of DataLoaders per published event, shared by all its subscribers
 * in this process: a reply watched by thousands loads the post once.
 */
export function loadersForEvent(event: object): Loaders {
  let loaders = eventLoaders.get(event);
  if (!loaders) {
    loaders = new Loaders();
    eventLoaders.set(event, loaders);
  }
  return loaders;
}
