import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, type Notification } from 'pg';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { CORE_OPTIONS, type CoreOptions } from '../core.options';
import { AsyncQueue } from './async-queue';

/** The one PostgreSQL channel every API process LISTENs on; topics travel inside the payload. */
export const PUBSUB_CHANNEL = 'bottega_events';
/** PostgreSQL refuses NOTIFY payloads from 8,000 bytes; the margin keeps us clear of it. */
export const MAX_EVENT_BYTES = 7_900;
export const SUBSCRIBER_BUFFER = 1_000;

const TOPIC = /^[a-z][a-zA-Z0-9.:-]{0,120}$/;
/**
 * Subscribers handed one event at a time. Each batch runs its subscribers'
 * work (load, authorize, execute, send) before the next is handed the event,
 * with a turn of the event loop between, so a fan-out to thousands of sockets
 * never holds other requests for longer than one batch.
 */
const FANOUT_BATCH = 32;
/** A subscriber slower than this does not hold up the next batch. */
const FANOUT_BATCH_WAIT_MS = 50;
const BACKOFF_FIRST_MS = 100;
const BACKOFF_MAX_MS = 5_000;
/** A server that does not answer must not stall the reconnection loop (the OS would wait minutes). */
const CONNECT_TIMEOUT_MS = 5_000;
/** How long shutdown waits for the server to acknowledge the goodbye before cutting the socket. */
const CLOSE_TIMEOUT_MS = 500;

/** Ids and small scalars only: subscribers load, and authorize, what they deliver. */
export type BusEvent = { topic: string } & Record<string, string | number | boolean | null>;

/**
 * Pub/sub across API processes over PostgreSQL LISTEN/NOTIFY.
 *
 * Delivery is at most once: while the LISTEN connection is down (it reconnects
 * on its own) events are lost, so subscribers must tolerate gaps — clients
 * reload state when their socket reconnects. Identical events published twice
 * in one transaction arrive once (PostgreSQL folds duplicate notifications).
 */
@Injectable()
export class PgPubSub implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger: Logger;
  private readonly listeners = new Map<string, Set<AsyncQueue<BusEvent>>>();
  private readonly watchers = new Map<string, Set<(event: BusEvent | null) => void>>();
  private client: Client | undefined;
  /** The client of a connection attempt in flight, cut at shutdown rather than awaited. */
  private pending: Client | undefined;
  private connecting: Promise<void> | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private stopping = false;
  /** Events are fanned out one after the other, so each subscriber receives them in order. */
  private fanningOut: Promise<void> = Promise.resolve();

  constructor(
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.logger = options.logger.child({ component: 'pubsub' });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.connecting = this.connect();
    await this.connecting;
  }

  /**
   * Notifies every process. With `manager` the event goes out only if that
   * transaction commits (NOTIFY is transactional); without, at once.
   */
  async publish(event: BusEvent, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db).query('SELECT pg_notify($1, $2)', [PUBSUB_CHANNEL, encode(event)]);
  }

  /** Several events in one statement (e.g. one per notified person), with the same transaction rules. */
  async publishMany(events: BusEvent[], manager?: EntityManager): Promise<void> {
    if (events.length === 0) return;
    await (manager ?? this.db).query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
      PUBSUB_CHANNEL,
      events.map(encode),
    ]);
  }

  /**
   * Events of `topic` received from now on, in order, until `return()` or
   * shutdown. `onArrival` hears of each event as soon as it arrives, before
   * the subscriber's turn in the fan-out, to start what it will need.
   */
  subscribe(topic: string, options: { onArrival?: (event: BusEvent) => void } = {}): AsyncIterableIterator<BusEvent, undefined> {
    assertTopic(topic);
    const queue: AsyncQueue<BusEvent> = new AsyncQueue<BusEvent>({
      ...options,
      capacity: SUBSCRIBER_BUFFER,
      onOverflow: () => this.logger.warn({ topic, capacity: SUBSCRIBER_BUFFER }, 'slow subscriber: dropping its oldest events'),
      onClose: () => this.removeListener(topic, queue),
    });
    if (this.stopping) {
      queue.close();
      return queue;
    }
    const set = this.listeners.get(topic) ?? new Set();
    set.add(queue);
    this.listeners.set(topic, set);
    return queue;
  }

  /**
   * Hears each event of `topic` the moment it arrives, before any
   * subscriber's turn, and `null` whenever events may have been missed (the
   * connection dropped). For what must follow events at once, such as
   * forgetting what an event makes stale; returns how to stop.
   */
  watch(topic: string, watcher: (event: BusEvent | null) => void): () => void {
    assertTopic(topic);
    const set = this.watchers.get(topic) ?? new Set();
    set.add(watcher);
    this.watchers.set(topic, set);
    return () => set.delete(watcher);
  }

  /** Whether events are being received now: the LISTEN connection is up. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  /** Open subscriptions to `topic`, or to every topic. */
  listenerCount(topic?: string): number {
    if (topic !== undefined) return this.listeners.get(topic)?.size ?? 0;
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.reconnectTimer);
    for (const set of [...this.listeners.values()]) for (const queue of [...set]) queue.close();
    this.pending?.connection.stream.destroy();
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    if (client) await close(client);
  }

  private async connect(): Promise<void> {
    // Its own client, not the pool's: a LISTEN session must stay open and would hold a pooled connection forever.
    const client = new Client({
      connectionString: this.options.database.url,
      application_name: 'bottega-pubsub',
      keepAlive: true,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    client.on('notification', (message) => this.dispatch(message));
    // pg emits 'error' and then 'end' for one failure; both must be handled or 'error' crashes the process.
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    this.pending = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${PUBSUB_CHANNEL}`);
    } catch (err) {
      await close(client);
      throw err;
    } finally {
      this.pending = undefined;
    }
    if (this.stopping) {
      await close(client);
      return;
    }
    this.client = client;
  }

  private lost(client: Client, err?: Error): void {
    // Only the live client matters: one still connecting reports its failure through connect().
    if (client !== this.client || this.stopping) return;
    this.client = undefined;
    this.logger.warn({ err }, 'pub/sub connection lost; reconnecting (events published meanwhile are lost)');
    for (const set of this.watchers.values()) for (const watcher of set) watcher(null);
    void close(client);
    this.reconnect(0);
  }

  private reconnect(attempt: number): void {
    const delay = (n: number) => Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** n);
    this.reconnectTimer = setTimeout(() => {
      this.connecting = this.connect().then(
        () => {
          if (!this.stopping) this.logger.info({ attempt }, 'pub/sub reconnected');
        },
        (err: unknown) => {
          if (this.stopping) return;
          this.logger.warn({ err, attempt, retryInMs: delay(attempt + 1) }, 'pub/sub reconnection failed');
          this.reconnect(attempt + 1);
        },
      );
    }, delay(attempt));
  }

  private dispatch(message: Notification): void {
    if (message.channel !== PUBSUB_CHANNEL) return;
    const event = parseEvent(message.payload);
    if (!event) {
      // Anyone with database access can NOTIFY this channel; a bad payload must not reach subscribers.
      this.logger.warn({ payload: message.payload?.slice(0, 200) }, 'ignoring a malformed notification');
      return;
    }
    for (const watcher of this.watchers.get(event.topic) ?? []) watcher(event);
    const queues = [...(this.listeners.get(event.topic) ?? [])];
    if (queues.length === 0) return;
    this.fanningOut = this.fanningOut.then(() => fanOut(event, queues));
  }

  private removeListener(topic: string, queue: AsyncQueue<BusEvent>): void {
    const set = this.listeners.get(topic);
    if (!set) return;
    set.delete(queue);
    if (set.size === 0) this.listeners.delete(topic);
  }
}

async function fanOut(event: BusEvent, queues: AsyncQueue<BusEvent>[]): Promise<void> {
  for (const queue of queues) queue.arrive(event);
  for (let start = 0; start < queues.length; start += FANOUT_BATCH) {
    const batch = queues.slice(start, start + FANOUT_BATCH);
    for (const queue of batch) queue.push(event);
    if (start + FANOUT_BATCH >= queues.length) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(batch.map((queue) => queue.idle())),
      new Promise((resolve) => (timer = setTimeout(resolve, FANOUT_BATCH_WAIT_MS))),
    ]);
    clearTimeout(timer);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Says goodbye to the server, without waiting on one that no longer answers. */
async function close(client: Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const closed = await Promise.race([
    client.end().then(
      () => true,
      () => true,
    ),
    new Promise<false>((done) => (timer = setTimeout(() => done(false), CLOSE_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);
  if (!closed) client.connection.stream.destroy();
}

function assertTopic(topic: string): void {
  if (!TOPIC.test(topic)) throw new Error(`Invalid pub/sub topic ${JSON.stringify(topic).slice(0, 140)}`);
}

function parseEvent(payload: string | undefined): BusEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(payload ?? '');
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  if (typeof record['topic'] !== 'string' || !TOPIC.test(record['topic'])) return null;
  const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  return Object.values(record).every(scalar) ? (record as BusEvent) : null;
}

function encode(event: BusEvent): string {
  assertTopic(event.topic);
  const payload = JSON.stringify(event);
  const bytes = Buffer.byteLength(payload, 'utf8');
  if (bytes > MAX_EVENT_BYTES) {
    throw new Error(`Event for ${event.topic} is ${bytes} bytes; the limit is ${MAX_EVENT_BYTES}: send ids, not content`);
  }
  return payload;
}
