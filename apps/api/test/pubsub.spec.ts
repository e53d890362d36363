import { PgPubSub, type BusEvent } from '@bottega/core';
import { startTestApp, type TestApp } from './support/test-app';

/** Two API processes (here: two app instances) on one database, as behind a load balancer. */
describe('PostgreSQL pub/sub across API instances', () => {
  let a: TestApp;
  let b: TestApp | undefined;
  let pubA: PgPubSub;
  let pubB: PgPubSub;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({}, a.databaseUrl);
    pubA = a.app.get(PgPubSub);
    pubB = b.app.get(PgPubSub);
  }, 60_000);

  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('delivers an event published by one instance to subscribers on every instance', async () => {
    const onB = pubB.subscribe('postAdded:t1');
    const onA = pubA.subscribe('postAdded:t1');
    try {
      await pubA.publish({ topic: 'postAdded:t1', postId: 'p1', threadId: 't1' });
      const expected = { topic: 'postAdded:t1', postId: 'p1', threadId: 't1' };
      expect((await within(onB.next(), 5_000)).value).toEqual(expected);
      expect((await within(onA.next(), 5_000)).value).toEqual(expected);
    } finally {
      await onA.return?.();
      await onB.return?.();
    }
  });

  it('delivers in publication order', async () => {
    const sub = pubB.subscribe('threadActivity:c1');
    try {
      for (let n = 1; n <= 20; n++) await pubA.publish({ topic: 'threadActivity:c1', n });
      const seen: unknown[] = [];
      for (let n = 1; n <= 20; n++) seen.push((await within(sub.next(), 5_000)).value?.['n']);
      expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    } finally {
      await sub.return?.();
    }
  });

  it('sends an event published in a transaction only when it commits', async () => {
    const sub = pubB.subscribe('postAdded:tx');
    try {
      const first = sub.next();
      await a.db.transaction(async (manager) => {
        await pubA.publish({ topic: 'postAdded:tx', postId: 'committed' }, manager);
        expect(await settlesWithin(first, 300)).toBe(false);
      });
      expect((await within(first, 5_000)).value).toEqual({ topic: 'postAdded:tx', postId: 'committed' });
    } finally {
      await sub.return?.();
    }
  });

  it('never sends an event published in a transaction that rolls back', async () => {
    const sub = pubB.subscribe('postAdded:rollback');
    try {
      await expect(
        a.db.transaction(async (manager) => {
          await pubA.publish({ topic: 'postAdded:rollback', postId: 'rolled-back' }, manager);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      await pubA.publish({ topic: 'postAdded:rollback', postId: 'marker' });
      // Notifications arrive in commit order, so the rolled-back one would have come before the marker.
      expect((await within(sub.next(), 5_000)).value).toEqual({ topic: 'postAdded:rollback', postId: 'marker' });
      expect(await settlesWithin(sub.next(), 300)).toBe(false);
    } finally {
      await sub.return?.();
    }
  });

  it('gives subscribers only their own topic, and ignores malformed notifications', async () => {
    const other = pubB.subscribe('notificationAdded:u2');
    try {
      await pubA.publish({ topic: 'notificationAdded:u1', notificationId: 'n1' });
      await a.db.query('SELECT pg_notify($1, $2)', ['bottega_events', 'not json']);
      await a.db.query('SELECT pg_notify($1, $2)', ['bottega_events', '{"notificationId":"no topic"}']);
      await a.db.query('SELECT pg_notify($1, $2)', ['bottega_events', '{"topic":"notificationAdded:u2","x":{"nested":1}}']);
      await pubA.publish({ topic: 'notificationAdded:u2', notificationId: 'marker' });
      expect((await within(other.next(), 5_000)).value).toEqual({ topic: 'notificationAdded:u2', notificationId: 'marker' });
    } finally {
      await other.return?.();
    }
  });

  it('forgets a subscriber once it returns, and ends its pending read', async () => {
    // The process's own listeners (e.g. ended sessions) stay.
    const baseline = pubA.listenerCount();
    const sub = pubA.subscribe('postAdded:gone');
    const second = pubA.subscribe('postAdded:gone');
    expect(pubA.listenerCount('postAdded:gone')).toBe(2);
    const pending = sub.next();
    await sub.return?.();
    await second.return?.();
    expect(await within(pending, 1_000)).toEqual({ value: undefined, done: true });
    expect(pubA.listenerCount('postAdded:gone')).toBe(0);
    expect(pubA.listenerCount()).toBe(baseline);
  });

  it('works as a graphql-js subscription source (for await, break calls return)', async () => {
    const sub = pubB.subscribe('postAdded:loop');
    const received: BusEvent[] = [];
    const loop = (async () => {
      for await (const event of sub) {
        received.push(event);
        if (received.length === 2) break;
      }
    })();
    try {
      await pubA.publish({ topic: 'postAdded:loop', postId: '1' });
      await pubA.publish({ topic: 'postAdded:loop', postId: '2' });
      await within(loop, 5_000);
      expect(received.map((event) => event['postId'])).toEqual(['1', '2']);
      expect(pubB.listenerCount('postAdded:loop')).toBe(0);
    } finally {
      await sub.return?.();
    }
  });

  it('refuses oversized payloads and malformed topics', async () => {
    // Bytes, not characters, count: 3,990 "è" are 7,980 bytes.
    await expect(pubA.publish({ topic: 'postAdded:big', body: 'è'.repeat(3_990) })).rejects.toThrow(/limit is 7900/);
    await expect(pubA.publish({ topic: 'postAdded:big', body: 'x'.repeat(10_000) })).rejects.toThrow(/limit/);
    await expect(pubA.publish({ topic: 'Bad topic' })).rejects.toThrow(/topic/);
    await expect(pubA.publish({ topic: '' })).rejects.toThrow(/topic/);
    expect(() => pubA.subscribe('x'.repeat(200))).toThrow(/topic/);
  });

  it('reconnects after the LISTEN connection is killed and delivers new events', async () => {
    const onA = pubA.subscribe('probe:reconnect');
    const onB = pubB.subscribe('probe:reconnect');
    try {
      const killed: unknown[] = await a.db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database()`,
      );
      expect(killed.length).toBeGreaterThanOrEqual(2);

      // Events sent while a listener is down are lost by design, so probe until both hear one.
      const heard = { a: false, b: false };
      const deadline = Date.now() + 15_000;
      let readA = onA.next();
      let readB = onB.next();
      for (let n = 0; !(heard.a && heard.b); n++) {
        if (Date.now() > deadline) throw new Error(`no event after reconnecting: ${JSON.stringify(heard)}`);
        await pubA.publish({ topic: 'probe:reconnect', n });
        if (!heard.a && (await settlesWithin(readA, 200))) heard.a = true;
        if (!heard.b && (await settlesWithin(readB, 200))) heard.b = true;
      }
      // Both resolved; drain them so the next reads start fresh.
      await Promise.all([readA, readB]);
      await pubA.publish({ topic: 'probe:reconnect', n: 'after' });
      readA = next(onA, 'after');
      readB = next(onB, 'after');
      await within(Promise.all([readA, readB]), 5_000);
    } finally {
      await onA.return?.();
      await onB.return?.();
    }
  }, 30_000);

  it('ends open subscriptions when the app shuts down', async () => {
    const sub = pubB.subscribe('postAdded:shutdown');
    const pending = sub.next();
    await b?.close();
    b = undefined;
    expect(await within(pending, 5_000)).toEqual({ value: undefined, done: true });
    expect(pubB.listenerCount()).toBe(0);
    expect(await within(pubB.subscribe('postAdded:late').next(), 1_000)).toEqual({ value: undefined, done: true });
  });
});

/** Reads until the event whose `n` is `n` (earlier probes may still be queued). */
async function next(sub: AsyncIterableIterator<BusEvent>, n: string): Promise<IteratorResult<BusEvent>> {
  for (;;) {
    const result = await sub.next();
    if (result.done || result.value['n'] === n) return result;
  }
}

async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not settled within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return within(promise, ms).then(
    () => true,
    () => false,
  );
}
