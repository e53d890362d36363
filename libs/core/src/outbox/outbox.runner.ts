import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { CORE_OPTIONS, type CoreOptions } from '../core.options';
import { Metrics } from '../observability/metrics';
import { PgPubSub, type BusEvent } from '../pubsub/pg-pubsub';
import { OUTBOX_TOPIC } from './outbox';
import { OutboxConsumers, type OutboxConsumer } from './outbox-consumer';
import { OutboxStore, type OutboxLag } from './outbox.store';

/** How the runner paces itself; tests shorten the waits. */
export interface OutboxRunnerSettings {
  batchSize: number;
  /** A safety net: runners are woken by a notification from each writing transaction. */
  pollIntervalMs: number;
  backoffFirstMs: number;
  backoffMaxMs: number;
  /** Changes every consumer has handled are kept this long, then deleted. */
  retentionDays: number;
  /** A consumer no process has run for this long is retired: its row goes, and pruning no longer waits for it. */
  consumerExpiryDays: number;
}

export const OUTBOX_DEFAULTS: OutboxRunnerSettings = {
  batchSize: 200,
  pollIntervalMs: 1_000,
  backoffFirstMs: 200,
  backoffMaxMs: 60_000,
  retentionDays: 7,
  consumerExpiryDays: 30,
};
const PRUNE_EVERY_MS = 60 * 60_000;
/** How often a process marks the consumers it runs as alive. */
const SEEN_EVERY_MS = 10 * 60_000;
const PRUNE_BATCH = 10_000;

/**
 * Drains every registered consumer, in each API process. A consumer's row is
 * claimed `FOR UPDATE SKIP LOCKED` in the transaction that reads a batch,
 * hands it over and advances the position: two processes never handle one
 * batch at once, and a process that dies mid-batch leaves the position where
 * it was, so the batch comes again.
 */
@Injectable()
export class OutboxRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly settings: OutboxRunnerSettings;
  private readonly logger: Logger;
  /** When this process last marked each consumer it runs as alive. */
  private readonly seen = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private nudges: AsyncIterableIterator<BusEvent, undefined> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopping = false;
  private prunedAt = 0;

  constructor(
    @Inject(CORE_OPTIONS) options: CoreOptions,
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: OutboxStore,
    private readonly consumers: OutboxConsumers,
    private readonly pubsub: PgPubSub,
    private readonly metrics: Metrics,
  ) {
    this.logger = options.logger.child({ component: 'outbox' });
    this.settings = { ...OUTBOX_DEFAULTS, ...options.outbox };
  }

  onApplicationBootstrap(): void {
    this.nudges = this.pubsub.subscribe(OUTBOX_TOPIC);
    void this.listen(this.nudges);
    this.schedulePoll();
    this.wake();
  }

  /** Drains now (or right after the pass in progress). Resolves when caught up or stopped. */
  wake(): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = undefined));
    return this.running;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    await this.nudges?.return?.();
    // A pass stuck on a database that stops answering ends when shutdown cuts its connection
    // (`DatabaseShutdown`); its batch was not acknowledged, so it is handed out again.
    await this.running;
  }

  private async listen(nudges: AsyncIterableIterator<BusEvent, undefined>): Promise<void> {
    for await (const _ of nudges) void this.wake();
  }

  private schedulePoll(): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      void this.wake().finally(() => this.schedulePoll());
    }, this.settings.pollIntervalMs);
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.pass();
      } catch (err) {
        // The database is away (a restart, a failover): the next poll tries again.
        if (!this.stopping) this.logger.warn({ err }, 'outbox pass failed');
      }
    } while (this.again && !this.stopping);
  }

  private async pass(): Promise<void> {
    // The consumers this process runs are marked alive before anything is retired or pruned.
    for (const consumer of this.consumers.all()) {
      if (Date.now() - (this.seen.get(consumer.name) ?? 0) > SEEN_EVERY_MS) {
        await this.store.ensureConsumer(consumer.name);
        this.seen.set(consumer.name, Date.now());
      }
    }
    if (Date.now() - this.prunedAt > PRUNE_EVERY_MS) {
      this.prunedAt = Date.now();
      await this.prune();
    }
    // Rows wait unplaced until some process runs a consumer; placing them later changes nothing.
    if (this.consumers.all().length === 0) return;
    while ((await this.store.sequence(this.settings.batchSize * 5)) > 0 && !this.stopping);
    for (const consumer of this.consumers.all()) {
      if (this.stopping) return;
      while (!this.stopping && (await this.drainBatch(consumer)));
      const lag = await this.store.lag(consumer.name);
      this.metrics.outboxLagEvents.set({ consumer: consumer.name }, lag.events);
      this.metrics.outboxLagSeconds.set({ consumer: consumer.name }, lag.oldestSeconds);
    }
  }

  /**
   * Retires consumers no process has run for `consumerExpiryDays`, then
   * deletes, a batch at a time, what no remaining consumer needs. Several
   * processes may do it at once harmlessly.
   */
  async prune(): Promise<number> {
    for (const name of await this.store.retireConsumers(this.settings.consumerExpiryDays)) {
      this.logger.warn(
        { consumer: name, days: this.settings.consumerExpiryDays },
        'outbox consumer retired: no process has run it for days; if it comes back it starts from the oldest change kept',
      );
    }
    let deleted = 0;
    let batch: number;
    do {
      batch = await this.store.prune(this.settings.retentionDays, PRUNE_BATCH);
      deleted += batch;
    } while (batch === PRUNE_BATCH && !this.stopping);
    return deleted;
  }

  /** How far consumer `name` is behind the log. */
  lag(name: string): Promise<OutboxLag> {
    return this.store.lag(name);
  }

  /**
   * Runs `work` while no batch of consumer `name` runs, in any process
   * (waiting for one in flight): for a consumer rebuilding what it keeps from
   * the database. It then goes on from its position, applying again what
   * changed meanwhile, which its idempotence makes harmless.
   */
  async hold<T>(name: string, work: () => Promise<T>): Promise<T> {
    await this.store.ensureConsumer(name);
    return this.db.transaction(async (manager) => {
      await this.store.lock(manager, name);
      return work();
    });
  }

  /** One batch; false when there is nothing more to do for now (caught up, claimed elsewhere, backing off, failed). */
  private async drainBatch(consumer: OutboxConsumer): Promise<boolean> {
    try {
      return await this.db.transaction(async (manager) => {
        const position = await this.store.claim(manager, consumer.name);
        if (position === null) return false;
        const events = await this.store.eventsAfter(manager, position, this.settings.batchSize);
        const last = events.at(-1);
        if (!last) return false;
        await consumer.handle(events, manager);
        await this.store.advance(manager, consumer.name, last.position);
        return true;
      });
    } catch (err) {
      if (this.stopping) return false;
      const message = err instanceof Error ? err.message : String(err);
      const { attempts, retryInMs } = await this.store.failed(consumer.name, message, this.settings.backoffFirstMs, this.settings.backoffMaxMs);
      this.logger.warn({ err, consumer: consumer.name, attempts, retryInMs }, 'outbox consumer failed; its batch will come again');
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => void this.wake(), retryInMs + 10);
      return false;
    }
  }
}
