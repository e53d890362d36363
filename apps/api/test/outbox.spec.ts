import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { EntityManager } from 'typeorm';
import {
  Outbox,
  OutboxChange,
  OutboxConsumers,
  OutboxRunner,
  OutboxStore,
  parseGlobalId,
  type OutboxConsumer,
  type OutboxEvent,
} from '@bottega/core';
import { CommunityFactory, type TestCommunity } from '@bottega/forum/testing';
import type { TestUser } from '@bottega/identity/testing';
import { createTestDatabase, dropTestDatabase } from '@bottega/testing';
import { startTestApp, type TestApp } from './support/test-app';

const ROOT = resolve(__dirname, '../../..');

const START = `mutation($input: StartThreadInput!) { startThread(input: $input) { thread { id posts { nodes { id } } } userErrors { code } } }`;
const REPLY = `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { id } userErrors { code } } }`;
const EDIT_POST = `mutation($input: EditPostInput!) { editPost(input: $input) { post { id } userErrors { code } } }`;
const DELETE_POST = `mutation($input: DeletePostInput!) { deletePost(input: $input) { post { id } userErrors { code } } }`;
const EDIT_THREAD = `mutation($input: EditThreadInput!) { editThread(input: $input) { thread { id } userErrors { code } } }`;
const LOCK = `mutation($input: ThreadFlagInput!) { lockThread(input: $input) { thread { id } userErrors { code } } }`;
const MOVE = `mutation($input: MoveThreadInput!) { moveThread(input: $input) { thread { id } userErrors { code } } }`;
const DELETE_THREAD = `mutation($input: DeleteThreadInput!) { deleteThread(input: $input) { deletedThreadId userErrors { code } } }`;
const MODERATE = `mutation($input: ModerateInput!) { moderate(input: $input) { userErrors { code } } }`;
const REDACT = `mutation($input: RedactRevisionInput!) { redactRevision(input: $input) { post { id } userErrors { code } } }`;
const UPDATE_COMMUNITY = `mutation($input: UpdateCommunityInput!) { updateCommunity(input: $input) { community { id } userErrors { code } } }`;

const rawId = (globalId: string) => parseGlobalId(globalId)!.id;

interface Row {
  kind: string;
  subjectId: string;
  change: string;
  version: number;
}

/** A consumer that keeps what it was handed, applies each subject's versions once and in order, and fails on demand. */
class ProbeConsumer implements OutboxConsumer {
  readonly deliveries: OutboxEvent[] = [];
  readonly applied = new Map<string, number[]>();
  failNext = 0;
  inFlight = 0;
  maxInFlight = 0;
  constructor(
    readonly name: string,
    private readonly delayMs = 0,
    private readonly shared?: ProbeConsumer,
  ) {}

  async handle(events: OutboxEvent[], _manager: EntityManager): Promise<void> {
    const target = this.shared ?? this;
    target.inFlight += 1;
    target.maxInFlight = Math.max(target.maxInFlight, target.inFlight);
    try {
      if (this.delayMs) await new Promise((done) => setTimeout(done, this.delayMs));
      for (const [index, event] of events.entries()) {
        // Half the batch reaches the outside world before the failure: the redelivery must not apply it again.
        if (target.failNext > 0 && index === Math.floor(events.length / 2)) {
          target.failNext -= 1;
          throw new Error('probe failure');
        }
        target.deliveries.push(event);
        const versions = target.applied.get(event.subjectId) ?? [];
        if (event.version > (versions.at(-1) ?? 0)) versions.push(event.version);
        target.applied.set(event.subjectId, versions);
      }
    } finally {
      target.inFlight -= 1;
    }
  }

  appliedCount(): number {
    return [...this.applied.values()].reduce((sum, versions) => sum + versions.length, 0);
  }
}

describe('the transactional outbox', () => {
  let t: TestApp;
  let outbox: Outbox;
  let consumers: OutboxConsumers;
  let runner: OutboxRunner;
  let coordinator: TestUser;
  let author: TestUser;
  let replier: TestUser;
  let community: TestCommunity;
  let other: TestCommunity;

  beforeAll(async () => {
    t = await startTestApp();
    outbox = t.app.get(Outbox);
    consumers = t.app.get(OutboxConsumers);
    // The log's own behaviour, with probe consumers only: the features' consumers (question routing) step aside.
    for (const consumer of consumers.all()) consumers.unregister(consumer.name);
    runner = t.app.get(OutboxRunner);
    Object.assign(runner.settings, { batchSize: 10, backoffFirstMs: 50, backoffMaxMs: 200, pollIntervalMs: 200 });
    [coordinator, author, replier] = await Promise.all([t.users.create(), t.users.create(), t.users.create()]);
    const communities = new CommunityFactory(t.db);
    community = await communities.create({ coordinatorId: coordinator.id, memberIds: [author.id, replier.id] });
    other = await communities.create({ coordinatorId: coordinator.id });
  }, 60_000);
  afterAll(() => t?.close());

  const as = (user: TestUser) => t.client.as(user.accessToken);
  const lastId = async (): Promise<number> => Number((await t.db.query(`SELECT coalesce(max(id), 0) AS id FROM outbox_event`))[0].id);
  const rowsAfter = async (mark: number): Promise<Row[]> =>
    (
      await t.db.query(
        `SELECT kind, subject_id AS "subjectId", change, version::int AS version FROM outbox_event WHERE id > $1 ORDER BY id`,
        [mark],
      )
    ).map((row: Row) => ({ ...row }));
  /** Runs `write` and returns the outbox rows it left. */
  const recorded = async (write: () => Promise<unknown>): Promise<Row[]> => {
    const mark = await lastId();
    await write();
    return rowsAfter(mark);
  };
  const record = (subjectId: string, change = OutboxChange.EDITED, kind = 'Probe') =>
    t.db.transaction((manager) => outbox.record(manager, { kind, subjectId, change }));
  const newSubjects = (count: number): string[] => Array.from({ length: count }, () => crypto.randomUUID());
  const endOfLog = async () => Number((await t.db.query(`SELECT coalesce(max(position), 0) AS p FROM outbox_event`))[0].p);
  const positionOf = async (name: string) => Number((await t.db.query(`SELECT position FROM outbox_consumer WHERE name = $1`, [name]))[0]?.position ?? -1);
  const caughtUp = async (name: string, timeoutMs = 15_000) =>
    until(async () => {
      await runner.wake();
      return (await positionOf(name)) === (await endOfLog());
    }, timeoutMs);
  const withConsumer = async <T>(consumer: OutboxConsumer, work: () => Promise<T>): Promise<T> => {
    consumers.register(consumer);
    try {
      return await work();
    } finally {
      consumers.unregister(consumer.name);
    }
  };

  it('records one change per forum write, in its transaction, with versions rising per subject', async () => {
    let threadId = '';
    let openingId = '';
    const started = await recorded(async () => {
      const data = await as(author).data(START, { input: { communityId: community.globalId, title: 'Orti condivisi a Lodi', body: 'Chi ha esperienza?' } });
      threadId = data.startThread.thread.id;
      openingId = data.startThread.thread.posts.nodes[0].id;
    });
    expect(started).toEqual([
      { kind: 'Thread', subjectId: rawId(threadId), change: 'CREATED', version: 1 },
      { kind: 'Post', subjectId: rawId(openingId), change: 'CREATED', version: 1 },
    ]);

    let replyId = '';
    expect(
      await recorded(async () => {
        replyId = (await as(replier).data(REPLY, { input: { threadId, body: 'Noi a Cremona, sì.' } })).replyToThread.post.id;
      }),
    ).toEqual([{ kind: 'Post', subjectId: rawId(replyId), change: 'CREATED', version: 1 }]);
    const post = (change: string, version: number, id = replyId) => [{ kind: 'Post', subjectId: rawId(id), change, version }];
    const thread = (change: string, version: number) => [{ kind: 'Thread', subjectId: rawId(threadId), change, version }];

    expect(await recorded(() => as(replier).data(EDIT_POST, { input: { postId: replyId, version: 1, body: 'Noi a Cremona, da due anni.' } }))).toEqual(
      post('EDITED', 2),
    );
    // Refused: a stale version changes nothing, so records nothing.
    const stale = await recorded(async () => {
      expect((await as(replier).data(EDIT_POST, { input: { postId: replyId, version: 1, body: 'Stale' } })).editPost.userErrors).toEqual([
        { code: 'CONFLICT' },
      ]);
    });
    expect(stale).toEqual([]);
    expect(await recorded(() => as(coordinator).data(REDACT, { input: { postId: replyId, version: 1, reason: 'Dati personali' } }))).toEqual(
      post('EDITED', 3),
    );
    expect(await recorded(() => as(author).data(EDIT_THREAD, { input: { threadId, version: 1, title: 'Orti condivisi in Lombardia' } }))).toEqual(
      thread('EDITED', 2),
    );
    for (const [action, change, version] of [
      ['HIDE', 'HIDDEN', 4],
      ['RESTORE', 'RESTORED', 5],
    ] as const) {
      expect(await recorded(() => as(coordinator).data(MODERATE, { input: { subjectId: replyId, action, reason: 'Verifica' } }))).toEqual(
        post(change, version),
      );
    }
    expect(await recorded(() => as(coordinator).data(LOCK, { input: { threadId, on: true } }))).toEqual(thread('EDITED', 3));
    // Refused: the thread is locked to its members.
    expect(
      await recorded(async () => expect((await as(replier).request(REPLY, { input: { threadId, body: 'Ancora?' } })).body.errors).toBeDefined()),
    ).toEqual([]);
    expect(await recorded(() => as(coordinator).data(LOCK, { input: { threadId, on: false } }))).toEqual(thread('EDITED', 4));

    const second = (await as(author).data(REPLY, { input: { threadId, body: 'Grazie!' } })).replyToThread.post.id;
    expect(await recorded(() => as(author).data(DELETE_POST, { input: { postId: second } }))).toEqual(post('DELETED', 2, second));
    expect(await recorded(() => as(coordinator).data(MODERATE, { input: { subjectId: replyId, action: 'DELETE', reason: 'Fuori tema' } }))).toEqual(
      post('DELETED', 6),
    );
    expect(await recorded(() => as(coordinator).data(MOVE, { input: { threadId, communityId: other.globalId } }))).toEqual(thread('MOVED', 5));
    expect(await recorded(() => as(coordinator).data(DELETE_THREAD, { input: { threadId, reason: 'Doppione' } }))).toEqual(thread('DELETED', 6));
  });

  it('records a community’s edits and visibility changes with their audit entry, and nothing when nothing changes', async () => {
    const subject = { kind: 'Community', subjectId: community.id };
    expect(await recorded(() => as(coordinator).data(UPDATE_COMMUNITY, { input: { id: community.globalId, visibility: 'MEMBERS_ONLY' } }))).toEqual([
      { ...subject, change: 'VISIBILITY_CHANGED', version: 1 },
    ]);
    expect(await recorded(() => as(coordinator).data(UPDATE_COMMUNITY, { input: { id: community.globalId, name: 'Orti e comunità' } }))).toEqual([
      { ...subject, change: 'EDITED', version: 2 },
    ]);
    expect(await recorded(() => as(coordinator).data(UPDATE_COMMUNITY, { input: { id: community.globalId, name: 'Orti e comunità' } }))).toEqual([]);
    const audit = await t.db.query(`SELECT action, metadata FROM audit_log WHERE subject_id = $1 ORDER BY created_at, id`, [community.id]);
    expect(audit).toEqual([
      { action: 'CHANGE_VISIBILITY', metadata: { changed: ['visibility'], from: 'PUBLIC', to: 'MEMBERS_ONLY' } },
      { action: 'EDIT', metadata: { changed: ['name'] } },
    ]);
    // Refused: only coordinators edit a community.
    expect(await recorded(() => as(author).request(UPDATE_COMMUNITY, { input: { id: community.globalId, visibility: 'PRIVATE' } }))).toEqual([]);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const [subject] = newSubjects(1);
    const rows = await recorded(() =>
      t.db
        .transaction(async (manager) => {
          await outbox.record(manager, { kind: 'Probe', subjectId: subject!, change: OutboxChange.CREATED });
          throw new Error('abort');
        })
        .catch(() => undefined),
    );
    expect(rows).toEqual([]);
    await record(subject!, OutboxChange.CREATED);
    expect((await t.db.query(`SELECT version::int FROM outbox_event WHERE subject_id = $1`, [subject]))[0]).toEqual({ version: 1 });
  });

  it('gives concurrent changes to one subject distinct versions, delivered in version order', async () => {
    const [subject] = newSubjects(1);
    await Promise.all(Array.from({ length: 20 }, () => record(subject!)));
    const probe = new ProbeConsumer('probe-order');
    await withConsumer(probe, () => caughtUp(probe.name));
    expect(probe.deliveries.filter((e) => e.subjectId === subject).map((e) => e.version)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('delivers again a batch that failed halfway, after a back-off, and nothing is lost, applied twice or out of order', async () => {
    const subjects = newSubjects(5);
    for (let round = 0; round < 6; round++) for (const subject of subjects) await record(subject);
    const probe = new ProbeConsumer('probe-retry');
    probe.failNext = 2;
    await withConsumer(probe, async () => {
      await runner.wake();
      const failed = (await t.db.query(`SELECT attempts, last_error AS "lastError" FROM outbox_consumer WHERE name = $1`, [probe.name]))[0];
      expect(failed).toEqual({ attempts: 1, lastError: 'probe failure' });
      await caughtUp(probe.name);
    });
    for (const subject of subjects) expect(probe.applied.get(subject)).toEqual([1, 2, 3, 4, 5, 6]);
    // Half of each failed batch was handed over before the failure, and handed over again.
    const firstTimes = new Set(probe.deliveries.map((e) => e.position));
    expect(probe.deliveries.length).toBeGreaterThan(firstTimes.size);
    expect(firstTimes.size).toBe(await endOfLog());
    const state = (await t.db.query(`SELECT attempts, last_error AS "lastError", retry_at AS "retryAt" FROM outbox_consumer WHERE name = $1`, [probe.name]))[0];
    expect(state).toEqual({ attempts: 0, lastError: null, retryAt: null });
    const metrics = await (await fetch(`${t.baseUrl}/metrics`)).text();
    expect(metrics).toContain(`bottega_outbox_lag_events{consumer="probe-retry"} 0`);
    expect(metrics).toContain(`bottega_outbox_lag_seconds{consumer="probe-retry"} 0`);
  });

  it('does not skip a change whose transaction drew its id first but committed last', async () => {
    const [early, late] = newSubjects(2);
    const probe = new ProbeConsumer('probe-reorder');
    await withConsumer(probe, async () => {
      await caughtUp(probe.name);
      const slow = t.db.createQueryRunner();
      await slow.connect();
      try {
        await slow.startTransaction();
        await outbox.record(slow.manager, { kind: 'Probe', subjectId: early!, change: OutboxChange.CREATED });
        await record(late!, OutboxChange.CREATED);
        await caughtUp(probe.name);
        expect(probe.deliveries.map((e) => e.subjectId)).toContain(late);
        expect(probe.deliveries.map((e) => e.subjectId)).not.toContain(early);
        await slow.commitTransaction();
      } finally {
        await slow.release();
      }
      await caughtUp(probe.name);
    });
    const ids = await t.db.query(`SELECT subject_id AS "subjectId", id::int, position::int FROM outbox_event WHERE subject_id = ANY($1) ORDER BY id`, [
      [early, late],
    ]);
    // Drawn first, placed last in the log: where it committed.
    expect(ids.map((row: { subjectId: string }) => row.subjectId)).toEqual([early, late]);
    expect(ids[0].position).toBeGreaterThan(ids[1].position);
    expect(probe.deliveries.map((e) => e.subjectId).slice(-2)).toEqual([late, early]);
  });

  it('deletes old changes once every consumer has handled them, keeping the last placed one', async () => {
    const probe = new ProbeConsumer('probe-prune');
    const [handled, pending] = newSubjects(2);
    await withConsumer(probe, async () => {
      await record(handled!);
      await caughtUp(probe.name);
    });
    // A consumer removed from the code still holds its row, and with it every change after its position.
    await t.db.query(`DELETE FROM outbox_consumer WHERE name <> $1`, [probe.name]);
    await record(pending!);
    await t.db.query(`UPDATE outbox_event SET created_at = now() - interval '8 days'`);
    await record(handled!);
    const lastPlaced = (await t.db.query(`SELECT id::int FROM outbox_event WHERE position = (SELECT max(position) FROM outbox_event)`))[0].id;

    expect(await runner.prune()).toBeGreaterThan(0);
    const left = await t.db.query(`SELECT id::int, subject_id AS "subjectId", version::int FROM outbox_event ORDER BY id`);
    expect(left).toEqual([
      { id: lastPlaced, subjectId: handled, version: 1 },
      { id: expect.any(Number), subjectId: pending, version: 1 },
      { id: expect.any(Number), subjectId: handled, version: 2 },
    ]);
  });

  it('is drained by one process at a time when several run the same consumer', async () => {
    const b = await startTestApp({}, t.databaseUrl);
    try {
      const counted = new ProbeConsumer('probe-shared');
      const onA = new ProbeConsumer('probe-shared', 15, counted);
      const onB = new ProbeConsumer('probe-shared', 15, counted);
      const runnerB = b.app.get(OutboxRunner);
      const claimsOnB = jest.spyOn(b.app.get(OutboxStore), 'claim');
      Object.assign(runnerB.settings, { batchSize: 10, pollIntervalMs: 200 });
      b.app.get(OutboxConsumers).register(onB);
      try {
        await withConsumer(onA, async () => {
          for (const subject of newSubjects(100)) await record(subject, OutboxChange.CREATED);
          // Both processes drain at once, again and again, until the consumer is caught up.
          await until(async () => {
            await Promise.all([runner.wake(), runnerB.wake()]);
            return (await positionOf(counted.name)) === (await endOfLog());
          }, 15_000);
        });
      } finally {
        b.app.get(OutboxConsumers).unregister(onB.name);
      }
      const positions = counted.deliveries.map((e) => e.position);
      expect(new Set(positions).size).toBe(positions.length);
      expect(positions.length).toBe((await t.db.query(`SELECT count(position)::int AS n FROM outbox_event`))[0].n);
      expect(counted.maxInFlight).toBe(1);
      expect(claimsOnB.mock.calls.length).toBeGreaterThan(0);
    } finally {
      await b.close();
    }
  }, 60_000);
});

describe('the outbox across a killed API process', () => {
  let t: TestApp;
  let databaseUrl: string;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    t = await startTestApp({}, databaseUrl);
    await t.db.query(`CREATE TABLE outbox_probe_applied (subject_id uuid, version bigint, PRIMARY KEY (subject_id, version))`);
    await t.db.query(`CREATE TABLE outbox_probe_delivery (position bigint, pid int)`);
  }, 60_000);
  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
    await t?.close();
    await dropTestDatabase(databaseUrl);
  });

  /** The API application with a probe consumer whose work lands in the database outside its batch's transaction. */
  const startWorker = async (): Promise<ChildProcess> => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test', LOG_LEVEL: 'silent' };
    delete env['JEST_WORKER_ID'];
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/test/support/outbox-worker.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    workers.push(child);
    let output = '';
    await new Promise<void>((ready, failed) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('outbox worker ready')) ready();
      });
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => failed(new Error(`outbox worker exited (${code}):\n${output.slice(-2000)}`)));
    });
    return child;
  };
  const count = async (table: string) => Number((await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  it('loses nothing to kill -9 mid-batch: what was written before is delivered after a restart, once per version', async () => {
    const outbox = t.app.get(Outbox);
    const subjects = Array.from({ length: 40 }, () => crypto.randomUUID());
    for (let version = 1; version <= 5; version++) {
      await t.db.transaction(async (manager) => {
        for (const subjectId of subjects) await outbox.record(manager, { kind: 'Probe', subjectId, change: OutboxChange.EDITED });
      });
    }
    const first = await startWorker();
    await until(async () => (await count('outbox_probe_delivery')) >= 60, 30_000);
    first.kill('SIGKILL');
    await new Promise((done) => first.once('exit', done));
    const appliedBeforeRestart = await count('outbox_probe_applied');
    expect(appliedBeforeRestart).toBeLessThan(200);

    const second = await startWorker();
    await until(async () => (await count('outbox_probe_applied')) === 200, 30_000);
    second.kill('SIGTERM');
    const missing = await t.db.query(
      `SELECT e.subject_id, e.version FROM outbox_event e
        WHERE NOT EXISTS (SELECT 1 FROM outbox_probe_applied a WHERE a.subject_id = e.subject_id AND a.version = e.version)`,
    );
    expect(missing).toEqual([]);
    const pids = await t.db.query(`SELECT DISTINCT pid FROM outbox_probe_delivery`);
    expect(pids).toHaveLength(2);
  }, 90_000);
});

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error(`condition not met after ${timeoutMs} ms`);
}
