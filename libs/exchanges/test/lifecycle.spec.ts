import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { CANCEL, CAPACITY, CLOSE, COMPLETE, OPEN, REGISTER, UNREGISTER, api, create, errorsOf, exchangeDbId, opened, state, unknownId, world, type World } from './support';

describe('exchange lifecycle and capacity', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    w = await world(t);
  });
  afterAll(() => t.close());

  const run = async (user: TestUser | null, mutation: string, input: Record<string, unknown>) => {
    const data = await call.data(user, mutation, { input });
    return Object.values(data)[0] as { peerExchange: any; userErrors: { field: string[]; code: string; message: string }[] };
  };
  const ended = (id: string) => t.db.query(`UPDATE peer_exchange SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour', registration_deadline = now() - interval '1 day' WHERE id = $1`, [exchangeDbId(id)]);

  it('moves DRAFT → OPEN → CLOSED → COMPLETED, each step once, with an outbox record', async () => {
    const exchange = await create(t, w);
    expect((await run(w.coordinator, OPEN, { exchangeId: exchange.id })).peerExchange).toMatchObject({ status: 'OPEN', version: 2 });
    expect(errorsOf((await run(w.coordinator, OPEN, { exchangeId: exchange.id })).userErrors)).toEqual([['input.exchangeId', 'INVALID_STATE']]);
    expect((await run(w.lead, CLOSE, { exchangeId: exchange.id })).peerExchange).toMatchObject({ status: 'CLOSED' });
    expect(errorsOf((await run(w.coordinator, CLOSE, { exchangeId: exchange.id })).userErrors)).toEqual([['input.exchangeId', 'INVALID_STATE']]);
    // Not before it has ended.
    expect((await run(w.coordinator, COMPLETE, { exchangeId: exchange.id })).userErrors).toEqual([
      { field: ['input', 'exchangeId'], code: 'INVALID_STATE', message: 'An exchange is completed once it has ended.' },
    ]);
    await ended(exchange.id);
    expect((await run(w.admin, COMPLETE, { exchangeId: exchange.id })).peerExchange).toMatchObject({ status: 'COMPLETED' });
    expect(errorsOf((await run(w.coordinator, CANCEL, { exchangeId: exchange.id, reason: 'Troppo tardi' })).userErrors)).toEqual([['input.exchangeId', 'INVALID_STATE']]);
    const changes = await t.db.query(`SELECT change FROM outbox_event WHERE kind = 'PeerExchange' AND subject_id = $1 ORDER BY version`, [exchangeDbId(exchange.id)]);
    expect(changes.map((c: { change: string }) => c.change)).toEqual(['CREATED', 'EDITED', 'EDITED', 'EDITED']);
  });

  it('completes an open exchange once it has ended, never a draft, and opens none past its deadline', async () => {
    const open = await opened(t, w);
    await ended(open.id);
    expect((await run(w.coordinator, COMPLETE, { exchangeId: open.id })).peerExchange.status).toBe('COMPLETED');
    const draft = await create(t, w);
    await ended(draft.id);
    expect(errorsOf((await run(w.coordinator, COMPLETE, { exchangeId: draft.id })).userErrors)).toEqual([['input.exchangeId', 'INVALID_STATE']]);
    expect((await run(w.coordinator, OPEN, { exchangeId: draft.id })).userErrors[0]!.message).toBe('Its registration deadline has passed: move it first.');
  });

  it('refuses anonymous, forbidden, unknown and bad input for every managing mutation, changing nothing', async () => {
    const exchange = await opened(t, w);
    const participant = await t.users.create();
    await call.data(participant, REGISTER, { input: { exchangeId: exchange.id } });
    const before = await state(t);
    const cases: [string, Record<string, unknown>][] = [
      [OPEN, {}],
      [CLOSE, {}],
      [COMPLETE, {}],
      [CANCEL, { reason: 'Per prova' }],
      [CAPACITY, { capacity: 20 }],
    ];
    for (const [mutation, extra] of cases) {
      expect(await call.code(null, mutation, { input: { exchangeId: exchange.id, ...extra } })).toBe('UNAUTHENTICATED');
      for (const user of [w.member, participant, w.outsider]) {
        expect(await call.code(user, mutation, { input: { exchangeId: exchange.id, ...extra } })).toBe('FORBIDDEN');
      }
      expect(await call.code(w.coordinator, mutation, { input: { exchangeId: unknownId('PeerExchange'), ...extra } })).toBe('NOT_FOUND');
    }
    expect(errorsOf((await run(w.coordinator, CAPACITY, { exchangeId: exchange.id, capacity: -1 })).userErrors)).toEqual([['input.capacity', 'OUT_OF_RANGE']]);
    expect(errorsOf((await run(w.coordinator, CANCEL, { exchangeId: exchange.id, reason: ' ' })).userErrors)).toEqual([['input.reason', 'TOO_SHORT']]);
    expect(await state(t)).toEqual(before);
  });

  it('raising the capacity promotes the waitlisted in order at once; lowering it evicts nobody and only stops promotion', async () => {
    const exchange = await opened(t, w, { capacity: 2 });
    const people: TestUser[] = [];
    for (let n = 0; n < 6; n += 1) {
      const person = await t.users.create();
      await call.data(person, REGISTER, { input: { exchangeId: exchange.id } });
      people.push(person);
    }
    const raised = await run(w.coordinator, CAPACITY, { exchangeId: exchange.id, capacity: 4 });
    expect(raised.peerExchange).toMatchObject({ capacity: 4, registeredCount: 4, waitlistedCount: 2, seatsLeft: 0 });
    const statusOf = async (person: TestUser) =>
      (await t.db.query(`SELECT status FROM peer_exchange_registration WHERE user_id = $1 AND exchange_id = $2`, [person.id, exchangeDbId(exchange.id)]))[0].status;
    expect(await Promise.all(people.map(statusOf))).toEqual(['REGISTERED', 'REGISTERED', 'REGISTERED', 'REGISTERED', 'WAITLISTED', 'WAITLISTED']);
    expect(
      await t.db.query(`SELECT recipient_id FROM notification WHERE kind = 'EXCHANGE_PROMOTED' AND subject_id = $1 ORDER BY recipient_id`, [exchangeDbId(exchange.id)]),
    ).toEqual([people[2]!.id, people[3]!.id].sort().map((id) => ({ recipient_id: id })));

    const lowered = await run(w.coordinator, CAPACITY, { exchangeId: exchange.id, capacity: 1 });
    expect(lowered.peerExchange).toMatchObject({ capacity: 1, registeredCount: 4, waitlistedCount: 2, seatsLeft: 0 });
    // Seats freed above the capacity promote nobody…
    await call.data(people[0]!, UNREGISTER, { input: { exchangeId: exchange.id } });
    await call.data(people[1]!, UNREGISTER, { input: { exchangeId: exchange.id } });
    await call.data(people[2]!, UNREGISTER, { input: { exchangeId: exchange.id } });
    expect(await Promise.all(people.slice(3).map(statusOf))).toEqual(['REGISTERED', 'WAITLISTED', 'WAITLISTED']);
    // …until seats are free below it.
    await call.data(people[3]!, UNREGISTER, { input: { exchangeId: exchange.id } });
    expect(await Promise.all(people.slice(4).map(statusOf))).toEqual(['REGISTERED', 'WAITLISTED']);
  });

  it('a capacity raised while people register still gives exactly the seats there are', async () => {
    const exchange = await opened(t, w, { capacity: 1 });
    const people: TestUser[] = await Promise.all(Array.from({ length: 10 }, () => t.users.create()));
    await Promise.all([
      ...people.map((person) => call.data(person, REGISTER, { input: { exchangeId: exchange.id } })),
      run(w.coordinator, CAPACITY, { exchangeId: exchange.id, capacity: 5 }),
    ]);
    const [check] = await t.db.query(
      `SELECT registered_count, waitlisted_count, (SELECT count(*)::int FROM peer_exchange_registration r WHERE r.exchange_id = e.id AND r.status = 'REGISTERED') AS seats
         FROM peer_exchange e WHERE id = $1`,
      [exchangeDbId(exchange.id)],
    );
    expect(check).toEqual({ registered_count: 5, waitlisted_count: 5, seats: 5 });
  });
});
