import { toGlobalId } from '@bottega/core';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { CANCEL, COMPLETE, REGISTER, api, create, errorsOf, exchangeDbId, opened, unknownId, world, type World } from './support';
import { ATTENDANCE, aftermath, heldWith, reschedule } from './outcome-support';

describe('recordAttendance', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let w: World;
  let people: TestUser[];

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    w = await world(t);
    people = await Promise.all(Array.from({ length: 5 }, () => t.users.create()));
  });
  afterAll(() => t.close());

  const record = async (user: TestUser | null, exchangeId: string, entries: Record<string, unknown>[]) =>
    (await call.data(user, ATTENDANCE, { input: { exchangeId, entries } })).recordAttendance;
  const registrationIds = async (exchangeId: string) =>
    Object.fromEntries(
      ((await t.db.query(`SELECT id, user_id FROM peer_exchange_registration WHERE exchange_id = $1`, [exchangeDbId(exchangeId)])) as { id: string; user_id: string }[]).map(
        (r) => [r.user_id, toGlobalId('ExchangeRegistration', r.id)],
      ),
    );

  it('marks those holding a seat, by registration or by person, and lets marks change until the exchange is completed', async () => {
    const [a, b, c] = people as [TestUser, TestUser, TestUser];
    const exchange = await heldWith(t, w, [a, b, c]);
    const ids = await registrationIds(exchange.id);
    const marked = await record(w.coordinator, exchange.id, [
      { registrationId: ids[a.id], status: 'ATTENDED' },
      { userId: b.globalId, status: 'NO_SHOW' },
    ]);
    expect(marked.userErrors).toEqual([]);
    expect(marked.registrations).toEqual([
      { id: ids[a.id], status: 'ATTENDED', user: { id: a.globalId } },
      { id: ids[b.id], status: 'NO_SHOW', user: { id: b.globalId } },
    ]);
    // The seats stay held: whoever came or not held one.
    expect(marked.peerExchange.registeredCount).toBe(3);

    // Corrected: b came after all, c did not.
    expect((await record(w.coordinator, exchange.id, [{ userId: b.globalId, status: 'ATTENDED' }, { userId: c.globalId, status: 'NO_SHOW' }])).userErrors).toEqual([]);
    expect((await call.data(w.coordinator, COMPLETE, { input: { exchangeId: exchange.id } })).completePeerExchange.userErrors).toEqual([]);

    // Completed: marks recorded stay as they are, and may be repeated as they are.
    const before = await aftermath(t);
    const frozen = await record(w.coordinator, exchange.id, [{ userId: c.globalId, status: 'ATTENDED' }]);
    expect(frozen.userErrors).toEqual([
      { field: ['input', 'entries', '0', 'userId'], code: 'INVALID_STATE', message: 'The exchange is completed: attendance already recorded no longer changes.' },
    ]);
    expect(await aftermath(t)).toEqual(before);
    expect((await record(w.coordinator, exchange.id, [{ userId: c.globalId, status: 'NO_SHOW' }])).userErrors).toEqual([]);
    const statuses = await t.db.query(`SELECT user_id, status FROM peer_exchange_registration WHERE exchange_id = $1 ORDER BY arrival`, [exchangeDbId(exchange.id)]);
    expect(statuses).toEqual([
      { user_id: a.id, status: 'ATTENDED' },
      { user_id: b.id, status: 'ATTENDED' },
      { user_id: c.id, status: 'NO_SHOW' },
    ]);
  });

  it('refuses anonymous callers, those who do not run the exchange, unknown ids and bad entries, changing nothing', async () => {
    const [a, b] = people as [TestUser, TestUser];
    const exchange = await heldWith(t, w, [a]);
    const before = await aftermath(t);
    const entries = [{ userId: a.globalId, status: 'ATTENDED' }];
    expect(await call.code(null, ATTENDANCE, { input: { exchangeId: exchange.id, entries } })).toBe('UNAUTHENTICATED');
    expect(await call.code(a, ATTENDANCE, { input: { exchangeId: exchange.id, entries } })).toBe('FORBIDDEN');
    expect(await call.code(w.coordinator, ATTENDANCE, { input: { exchangeId: unknownId('PeerExchange'), entries } })).toBe('NOT_FOUND');
    expect(await call.code(w.coordinator, ATTENDANCE, { input: { exchangeId: exchange.id, entries: [{ registrationId: unknownId('ExchangeRegistration'), status: 'ATTENDED' }] } })).toBe(
      'NOT_FOUND',
    );
    expect(await call.code(w.coordinator, ATTENDANCE, { input: { exchangeId: exchange.id, entries: [{ userId: a.globalId, registrationId: unknownId('ExchangeRegistration'), status: 'ATTENDED' }] } })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await call.code(w.coordinator, ATTENDANCE, { input: { exchangeId: exchange.id, entries: [{ status: 'ATTENDED' }] } })).toBe('BAD_USER_INPUT');
    expect(await call.code(w.coordinator, ATTENDANCE, { input: { exchangeId: exchange.id, entries: [{ userId: a.globalId, status: 'LATE' }] } })).toBe('BAD_USER_INPUT');
    expect(errorsOf((await record(w.coordinator, exchange.id, [])).userErrors)).toEqual([['input.entries', 'TOO_SHORT']]);
    // Someone not registered; the same person twice.
    expect((await record(w.coordinator, exchange.id, [{ userId: b.globalId, status: 'ATTENDED' }])).userErrors).toEqual([
      { field: ['input', 'entries', '0', 'userId'], code: 'INVALID_STATE', message: 'This person is not registered to this exchange.' },
    ]);
    expect(errorsOf((await record(w.coordinator, exchange.id, [...entries, { userId: a.globalId, status: 'NO_SHOW' }])).userErrors)).toEqual([
      ['input.entries.1.userId', 'INVALID'],
    ]);
    expect(await aftermath(t)).toEqual(before);
  });

  it('marks only seats, of exchanges that started and were not cancelled', async () => {
    const [a, b, c] = people as [TestUser, TestUser, TestUser];
    // Waitlisted and cancelled people held no seat.
    const full = await opened(t, w, { capacity: 1 });
    await call.data(a, REGISTER, { input: { exchangeId: full.id } });
    await call.data(b, REGISTER, { input: { exchangeId: full.id } });
    await call.data(c, REGISTER, { input: { exchangeId: full.id } });
    await call.data(c, `mutation($input: CancelRegistrationInput!) { cancelRegistration(input: $input) { userErrors { code } } }`, { input: { exchangeId: full.id } });
    const upcoming = await opened(t, w);
    await call.data(a, REGISTER, { input: { exchangeId: upcoming.id } });
    const cancelled = await opened(t, w);
    await call.data(a, REGISTER, { input: { exchangeId: cancelled.id } });
    await call.data(w.coordinator, CANCEL, { input: { exchangeId: cancelled.id, reason: 'Sciopero dei treni' } });
    await reschedule(t, cancelled.id, 4, 1);
    const draft = await create(t, w);
    await reschedule(t, draft.id, 4, 1);
    await reschedule(t, full.id, 1, -2);

    const before = await aftermath(t);
    expect((await record(w.coordinator, full.id, [{ userId: b.globalId, status: 'ATTENDED' }])).userErrors).toEqual([
      { field: ['input', 'entries', '0', 'userId'], code: 'INVALID_STATE', message: 'This person was on the waitlist and held no seat.' },
    ]);
    expect((await record(w.coordinator, full.id, [{ userId: c.globalId, status: 'ATTENDED' }])).userErrors[0].message).toBe('This person cancelled their registration.');
    expect((await record(w.coordinator, upcoming.id, [{ userId: a.globalId, status: 'ATTENDED' }])).userErrors).toEqual([
      { field: ['input', 'exchangeId'], code: 'INVALID_STATE', message: 'Attendance is recorded once the exchange has started.' },
    ]);
    expect((await record(w.coordinator, cancelled.id, [{ userId: a.globalId, status: 'ATTENDED' }])).userErrors[0].message).toBe('This exchange was cancelled.');
    expect((await record(w.coordinator, draft.id, [{ userId: a.globalId, status: 'ATTENDED' }])).userErrors[0].code).toBe('INVALID_STATE');
    expect(await aftermath(t)).toEqual(before);
    // Under way: the seat holder is marked.
    expect((await record(w.coordinator, full.id, [{ userId: a.globalId, status: 'ATTENDED' }])).registrations).toEqual([
      expect.objectContaining({ status: 'ATTENDED', user: { id: a.globalId } }),
    ]);
  });

  it('lets attendance and cancellations of the same exchange cross without losing a seat', async () => {
    const crowd = await Promise.all(Array.from({ length: 8 }, () => t.users.create()));
    const exchange = await opened(t, w, { capacity: 4 });
    for (const person of crowd) await call.data(person, REGISTER, { input: { exchangeId: exchange.id } });
    // Started an hour ago, ends in two: still OPEN, so the registered may still cancel while attendance is taken.
    await reschedule(t, exchange.id, 1, -2);
    const [first, second, third, fourth] = crowd as [TestUser, TestUser, TestUser, TestUser];
    const results = await Promise.all([
      record(w.coordinator, exchange.id, [{ userId: first.globalId, status: 'ATTENDED' }, { userId: second.globalId, status: 'ATTENDED' }]),
      call.data(third, `mutation($input: CancelRegistrationInput!) { cancelRegistration(input: $input) { userErrors { code } } }`, { input: { exchangeId: exchange.id } }),
      record(w.coordinator, exchange.id, [{ userId: fourth.globalId, status: 'NO_SHOW' }]),
    ]);
    expect(results[0].userErrors).toEqual([]);
    expect(results[2].userErrors).toEqual([]);
    const [row] = await t.db.query(
      `SELECT e.registered_count, e.waitlisted_count,
              (SELECT count(*)::int FROM peer_exchange_registration r WHERE r.exchange_id = e.id AND r.status IN ('REGISTERED', 'ATTENDED', 'NO_SHOW')) AS seats,
              (SELECT count(*)::int FROM peer_exchange_registration r WHERE r.exchange_id = e.id AND r.status = 'WAITLISTED') AS waiting
         FROM peer_exchange e WHERE e.id = $1`,
      [exchangeDbId(exchange.id)],
    );
    expect(row).toEqual({ registered_count: 4, waitlisted_count: 3, seats: 4, waiting: 3 });
  });
});
