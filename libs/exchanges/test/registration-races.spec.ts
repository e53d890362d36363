import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { REGISTER, UNREGISTER, api, exchangeDbId, opened, world, type World } from './support';

interface Row {
  user_id: string;
  status: string;
  arrival: number;
  position: number | null;
}

/** Capacity is exact, and the waitlist in lock order, under concurrent registrations and cancellations. */
describe('registrations under concurrency', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    w = await world(t);
  });
  afterAll(() => t.close());

  /** Each registration with its arrival and its waitlist position as the API computes it. */
  async function rows(exchangeId: string): Promise<Row[]> {
    const { node } = await call.data(
      w.coordinator,
      `query($id: ID!) { node(id: $id) { ... on PeerExchange { registrations(first: 100) { nodes { status position user { id } } } } } }`,
      { id: exchangeId },
    );
    const arrivals: { user_id: string; arrival: string }[] = await t.db.query(
      `SELECT user_id, arrival FROM peer_exchange_registration WHERE exchange_id = $1`,
      [exchangeDbId(exchangeId)],
    );
    const arrivalOf = new Map(arrivals.map((row) => [row.user_id, Number(row.arrival)]));
    return node.registrations.nodes.map((n: { status: string; position: number | null; user: { id: string } }) => {
      const userId = Buffer.from(n.user.id, 'base64url').toString('utf8').split(':')[1]!;
      return { user_id: userId, status: n.status, arrival: arrivalOf.get(userId)!, position: n.position };
    });
  }

  const waitlistInOrder = (all: Row[]) => all.filter((row) => row.status === 'WAITLISTED').sort((a, b) => a.position! - b.position!);

  it('50 simultaneous registrations for 10 seats: exactly 10 registered, 40 waitlisted 1..40 in the order the lock was granted', async () => {
    const exchange = await opened(t, w, { capacity: 10 });
    const people: TestUser[] = await Promise.all(Array.from({ length: 50 }, () => t.users.create()));
    const results = await Promise.all(
      people.map((person, n) => call.data(person, REGISTER, { input: { exchangeId: exchange.id, note: `persona ${n}` } })),
    );
    expect(results.every((r) => r.registerForExchange.userErrors.length === 0)).toBe(true);

    const all = await rows(exchange.id);
    expect(all).toHaveLength(50);
    const registered = all.filter((row) => row.status === 'REGISTERED');
    const waitlisted = waitlistInOrder(all);
    expect(registered).toHaveLength(10);
    expect(waitlisted).toHaveLength(40);
    // Arrivals are the order the exchange's lock was granted: 1..50, no gaps, no repeats.
    expect(all.map((row) => row.arrival).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    // The seats went to the first ten through the lock; the waitlist follows the rest in order, 1..40.
    expect(registered.map((row) => row.arrival).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(waitlisted.map((row) => row.position)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(waitlisted.map((row) => row.arrival)).toEqual(Array.from({ length: 40 }, (_, i) => i + 11));
    const [counts] = await t.db.query(`SELECT registered_count, waitlisted_count FROM peer_exchange WHERE id = $1`, [exchangeDbId(exchange.id)]);
    expect(counts).toEqual({ registered_count: 10, waitlisted_count: 40 });
    // What each registrant was answered agrees with the list.
    const answered = new Map(results.map((r, n) => [people[n]!.id, r.registerForExchange.registration.status]));
    for (const row of all) expect(answered.get(row.user_id)).toBe(row.status);

    // Cancellations one after another promote the waitlist in its order.
    const byUser = new Map(people.map((person) => [person.id, person]));
    for (const [index, seat] of registered.slice(0, 3).entries()) {
      await call.data(byUser.get(seat.user_id)!, UNREGISTER, { input: { exchangeId: exchange.id } });
      const now = await rows(exchange.id);
      expect(now.find((row) => row.user_id === waitlisted[index]!.user_id)!.status).toBe('REGISTERED');
      expect(now.filter((row) => row.status === 'REGISTERED')).toHaveLength(10);
    }

    // Seven simultaneous cancellations promote seven distinct people: the next seven in line.
    const leaving = registered.slice(3, 10);
    await Promise.all(leaving.map((seat) => call.data(byUser.get(seat.user_id)!, UNREGISTER, { input: { exchangeId: exchange.id } })));
    const after = await rows(exchange.id);
    const seated = new Set(after.filter((row) => row.status === 'REGISTERED').map((row) => row.user_id));
    expect(seated).toEqual(new Set(waitlisted.slice(0, 10).map((row) => row.user_id)));
    expect(waitlistInOrder(after).map((row) => [row.user_id, row.position])).toEqual(waitlisted.slice(10).map((row, i) => [row.user_id, i + 1]));
    const promotions: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM notification WHERE kind = 'EXCHANGE_PROMOTED' AND subject_id = $1`,
      [exchangeDbId(exchange.id)],
    );
    expect(promotions).toEqual([{ n: 10 }]);
  });

  it('simultaneous registrations and cancellations keep the counts equal to the rows', async () => {
    const exchange = await opened(t, w, { capacity: 3 });
    const people: TestUser[] = await Promise.all(Array.from({ length: 12 }, () => t.users.create()));
    await Promise.all(people.slice(0, 6).map((person) => call.data(person, REGISTER, { input: { exchangeId: exchange.id } })));
    await Promise.all([
      ...people.slice(0, 4).map((person) => call.data(person, UNREGISTER, { input: { exchangeId: exchange.id } })),
      ...people.slice(6).map((person) => call.data(person, REGISTER, { input: { exchangeId: exchange.id } })),
    ]);
    const [check] = await t.db.query(
      `SELECT e.registered_count, e.waitlisted_count,
              (SELECT count(*)::int FROM peer_exchange_registration r WHERE r.exchange_id = e.id AND r.status = 'REGISTERED') AS registered,
              (SELECT count(*)::int FROM peer_exchange_registration r WHERE r.exchange_id = e.id AND r.status = 'WAITLISTED') AS waitlisted
         FROM peer_exchange e WHERE e.id = $1`,
      [exchangeDbId(exchange.id)],
    );
    expect(check).toEqual({ registered_count: 3, waitlisted_count: 5, registered: 3, waitlisted: 5 });
    const all = await rows(exchange.id);
    expect(waitlistInOrder(all).map((row) => row.position)).toEqual([1, 2, 3, 4, 5]);
    // Whoever holds a seat arrived before everyone waiting, or was promoted ahead of them in arrival order.
    const firstWaiting = Math.min(...waitlistInOrder(all).map((row) => row.arrival));
    expect(all.filter((row) => row.status === 'REGISTERED').every((row) => row.arrival < firstWaiting)).toBe(true);
  });
});
