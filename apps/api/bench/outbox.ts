import type { Logger } from 'pino';
import type { Pool } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import {
  Metrics,
  Outbox,
  OutboxChange,
  OutboxConsumers,
  OutboxRunner,
  OutboxStore,
  PgPubSub,
  PUBSUB_CHANNEL,
  type CoreOptions,
} from '@bottega/core';

/** The no-op consumer whose lag the burst measures. */
const CONSUMER = 'bench-noop';
export const BURST = 10_000;
const WRITERS = 10;

export interface WriteRate {
  ops: number;
  opsPerSec: number;
}

export interface OutboxResult {
  plain: WriteRate;
  withOutbox: WriteRate;
  burst: {
    events: number;
    writeMs: number;
    /** From the first write of the burst until the consumer had handled the last. */
    drainedMs: number;
    /** From the last write committed until the consumer had handled it. */
    lagAfterBurstMs: number;
    maxLagEvents: number;
    duplicates: number;
    missed: number;
  };
}

/**
 * Write throughput of a reply's rows (post, revision, thread counter, live
 * notification) with and
 * without its outbox row, in the bench process against the bench database,
 * legs alternated; then a burst of 10,000 changes drained by a no-op consumer
 * through the real runner.
 */
export async function measureOutbox(options: {
  databaseUrl: string;
  pool: Pool;
  authorId: string;
  legSeconds: number;
  logger: Logger;
  progress: (message: string) => void;
}): Promise<OutboxResult> {
  const { pool, authorId, legSeconds, progress } = options;
  const threadIds = (await pool.query<{ id: string }>(`SELECT id FROM thread WHERE deleted_at IS NULL ORDER BY id LIMIT ${WRITERS}`)).rows.map(
    (row) => row.id,
  );
  const db = new DataSource({ type: 'postgres', url: options.databaseUrl, extra: { max: WRITERS + 4 } });
  await db.initialize();
  const coreOptions = { logger: options.logger, database: { url: options.databaseUrl, poolSize: WRITERS + 4, slowQueryMs: 1_000 } } as CoreOptions;
  const pubsub = new PgPubSub(coreOptions, db);
  const consumers = new OutboxConsumers();
  const runner = new OutboxRunner(coreOptions, db, new OutboxStore(db), consumers, pubsub, new Metrics());
  const outbox = new Outbox();
  try {
    const reply = async (manager: EntityManager, threadId: string, recorded: boolean) => {
      const [post]: [{ id: string }] = await manager.query(
        `INSERT INTO post (thread_id, author_id, body_source, body_html, body_text) VALUES ($1, $2, $3, $4, $3) RETURNING id`,
        [threadId, authorId, 'Una risposta dal benchmark', '<p>Una risposta dal benchmark</p>'],
      );
      await manager.query(`INSERT INTO post_revision (post_id, version, body_source, editor_id) VALUES ($1, 1, $2, $3)`, [post.id, 'Una risposta dal benchmark', authorId]);
      await manager.query(`UPDATE thread SET post_count = post_count + 1, last_activity_at = now() WHERE id = $1`, [threadId]);
      // As replyToThread announces the post live: a transaction that notifies already pays NOTIFY's commit lock.
      await manager.query(`SELECT pg_notify($1, $2)`, [PUBSUB_CHANNEL, JSON.stringify({ topic: `postAdded:${threadId}`, postId: post.id })]);
      if (recorded) await outbox.record(manager, { kind: 'Post', subjectId: post.id, change: OutboxChange.CREATED, payload: { threadId } });
    };
    const leg = async (recorded: boolean, seconds: number): Promise<number> => {
      const until = performance.now() + seconds * 1_000;
      let ops = 0;
      await Promise.all(
        threadIds.map(async (threadId) => {
          while (performance.now() < until) {
            await db.transaction((manager) => reply(manager, threadId, recorded));
            ops += 1;
          }
        }),
      );
      return ops;
    };

    progress(`outbox: reply writes with and without the outbox row, ${WRITERS} writers, 2 × ${legSeconds} s each way…`);
    await leg(false, 1);
    await leg(true, 1);
    let plainOps = 0;
    let outboxOps = 0;
    for (let round = 0; round < 2; round++) {
      plainOps += await leg(false, legSeconds);
      outboxOps += await leg(true, legSeconds);
    }
    const seconds = 2 * legSeconds;

    progress(`outbox: a burst of ${BURST.toLocaleString('en-US')} changes drained by a no-op consumer…`);
    const seen = new Map<number, number>();
    consumers.register({
      name: CONSUMER,
      handle: async (events) => {
        for (const event of events) seen.set(event.position, (seen.get(event.position) ?? 0) + 1);
      },
    });
    await pubsub.onApplicationBootstrap();
    runner.onApplicationBootstrap();
    // Caught up with the writes above first: the figure is the burst's alone.
    while ((await lag(pool)) > 0) await runner.wake();
    seen.clear();
    const before = Number((await pool.query<{ n: string }>(`SELECT coalesce(max(id), 0) AS n FROM outbox_event`)).rows[0]?.n);

    let maxLagEvents = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        maxLagEvents = Math.max(maxLagEvents, await lag(pool));
        await new Promise((done) => setTimeout(done, 50));
      }
    })();
    const startedAt = performance.now();
    let next = 0;
    await Promise.all(
      threadIds.map(async (threadId) => {
        while (next < BURST) {
          next += 1;
          await db.transaction((manager) => reply(manager, threadId, true));
        }
      }),
    );
    const writtenAt = performance.now();
    while ((await lag(pool)) > 0) await new Promise((done) => setTimeout(done, 5));
    const drainedAt = performance.now();
    sampling = false;
    await sampler;

    const burstIds = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM outbox_event WHERE id > $1`, [before])).rows[0]?.n);
    return {
      plain: { ops: plainOps, opsPerSec: plainOps / seconds },
      withOutbox: { ops: outboxOps, opsPerSec: outboxOps / seconds },
      burst: {
        events: burstIds,
        writeMs: writtenAt - startedAt,
        drainedMs: drainedAt - startedAt,
        lagAfterBurstMs: drainedAt - writtenAt,
        maxLagEvents,
        duplicates: [...seen.values()].filter((times) => times > 1).length,
        missed: burstIds - seen.size,
      },
    };
  } finally {
    await runner.beforeApplicationShutdown();
    await pubsub.beforeApplicationShutdown();
    await db.destroy();
  }
}

/** Changes the consumer has not handled: placed after its position, or not placed yet. */
async function lag(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox_event
      WHERE position IS NULL OR position > coalesce((SELECT position FROM outbox_consumer WHERE name = $1), 0)`,
    [CONSUMER],
  );
  return rows[0]?.n ?? 0;
}
