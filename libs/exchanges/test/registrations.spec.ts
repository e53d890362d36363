import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { CANCEL, CLOSE, NODE, REGISTER, UNREGISTER, api, create, errorsOf, exchangeDbId, opened, state, unknownId, world, type World } from './support';

const REGISTRATIONS = `query($id: ID!) { node(id: $id) { ... on PeerExchange {
  registrations(first: 50) { totalCount nodes { status position note user { id } } } } } }`;
const NOTIFICATIONS = `{ notifications(first: 20) { nodes { kind reason subject { id } } } }`;

describe('registrations', () => {
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

  const register = async (user: TestUser | null, id: string, note?: string) =>
    (await call.data(user, REGISTER, { input: { exchangeId: id, ...(note === undefined ? {} : { note }) } })).registerForExchange;
  const unregister = async (user: TestUser, id: string) => (await call.data(user, UNREGISTER, { input: { exchangeId: id } })).cancelRegistration;
  const notices = async (user: TestUser) => (await call.data(user, NOTIFICATIONS)).notifications.nodes;

  it('gives seats while they last, then the waitlist in arrival order, each told which', async () => {
    const exchange = await opened(t, w, { capacity: 2 });
    const [a, b, c, d] = people as [TestUser, TestUser, TestUser, TestUser];
    expect(await register(a, exchange.id, '  Come coinvolgere i condomini ')).toMatchObject({
      registration: { status: 'REGISTERED', position: null, note: 'Come coinvolgere i condomini' },
      peerExchange: { registeredCount: 1, waitlistedCount: 0, seatsLeft: 1 },
      userErrors: [],
    });
    expect((await register(b, exchange.id)).registration).toMatchObject({ status: 'REGISTERED' });
    expect((await register(c, exchange.id)).registration).toMatchObject({ status: 'WAITLISTED', position: 1 });
    expect(await register(d, exchange.id)).toMatchObject({
      registration: { status: 'WAITLISTED', position: 2, note: null },
      peerExchange: { registeredCount: 2, waitlistedCount: 2, seatsLeft: 0 },
    });
    expect(await notices(a)).toEqual([{ kind: 'EXCHANGE_REGISTERED', reason: null, subject: { id: exchange.id } }]);
    expect(await notices(d)).toEqual([{ kind: 'EXCHANGE_WAITLISTED', reason: null, subject: { id: exchange.id } }]);

    // The place is told to those holding a seat, not to the waitlisted.
    expect((await call.data(a, NODE, { id: exchange.id })).node).toMatchObject({ venue: 'Via Pascarella 21, Milano', viewerRegistration: { status: 'REGISTERED' }, viewerCanRegister: false });
    expect((await call.data(d, NODE, { id: exchange.id })).node).toMatchObject({ venue: null, viewerRegistration: { status: 'WAITLISTED', position: 2 } });
    expect((await call.data(null, NODE, { id: exchange.id })).node).toMatchObject({ venue: null, viewerRegistration: null, viewerCanRegister: false });
    expect((await call.data(people[4]!, NODE, { id: exchange.id })).node).toMatchObject({ venue: null, viewerCanRegister: true });

    // A seat freed goes to the first waitlisted, who is told; the second moves up.
    expect(await unregister(a, exchange.id)).toMatchObject({ registration: { status: 'CANCELLED' }, peerExchange: { registeredCount: 2, waitlistedCount: 1 } });
    expect((await call.data(c, NODE, { id: exchange.id })).node.viewerRegistration).toEqual({ status: 'REGISTERED', position: null, note: null });
    expect((await call.data(d, NODE, { id: exchange.id })).node.viewerRegistration).toMatchObject({ status: 'WAITLISTED', position: 1 });
    expect((await notices(c)).map((n: { kind: string }) => n.kind)).toEqual(['EXCHANGE_PROMOTED', 'EXCHANGE_WAITLISTED']);

    // Back after cancelling, at the end of the line.
    expect((await register(a, exchange.id)).registration).toMatchObject({ status: 'WAITLISTED', position: 2 });
    // A waitlisted person leaving frees no seat and promotes nobody.
    expect(await unregister(d, exchange.id)).toMatchObject({ peerExchange: { registeredCount: 2, waitlistedCount: 1 } });
    expect((await call.data(a, NODE, { id: exchange.id })).node.viewerRegistration).toMatchObject({ status: 'WAITLISTED', position: 1 });
  });

  it('shows every registration to those who run the exchange, and to a participant only their own', async () => {
    const exchange = await opened(t, w, { capacity: 1 });
    const [a, b] = people as [TestUser, TestUser];
    await register(a, exchange.id, 'Il finanziamento');
    await register(b, exchange.id);
    const all = (await call.data(w.coordinator, REGISTRATIONS, { id: exchange.id })).node.registrations;
    expect(all).toEqual({
      totalCount: 2,
      nodes: [
        { status: 'REGISTERED', position: null, note: 'Il finanziamento', user: { id: a.globalId } },
        { status: 'WAITLISTED', position: 1, note: null, user: { id: b.globalId } },
      ],
    });
    expect((await call.data(b, REGISTRATIONS, { id: exchange.id })).node.registrations.nodes).toEqual([
      { status: 'WAITLISTED', position: 1, note: null, user: { id: b.globalId } },
    ]);
    expect((await call.data(null, REGISTRATIONS, { id: exchange.id })).node.registrations.totalCount).toBe(0);
  });

  it('refuses registering twice, to a draft, a closed or a cancelled exchange and after the deadline, changing nothing', async () => {
    const [a, b] = people as [TestUser, TestUser];
    const draft = await create(t, w);
    const open = await opened(t, w);
    await register(a, open.id);
    const closed = await opened(t, w);
    await call.data(w.coordinator, CLOSE, { input: { exchangeId: closed.id } });
    const cancelled = await opened(t, w);
    await call.data(w.coordinator, CANCEL, { input: { exchangeId: cancelled.id, reason: 'Maltempo' } });
    const late = await opened(t, w);
    await t.db.query(`UPDATE peer_exchange SET registration_deadline = now() - interval '1 minute' WHERE id = $1`, [exchangeDbId(late.id)]);

    const before = await state(t);
    for (const [user, exchange, message] of [
      [a, open, 'You are already registered to this exchange.'],
      // A draft is read only by those inside it: to anyone else it is not there.
      [w.coordinator, draft, 'Registrations to this exchange are not open yet.'],
      [b, closed, 'Registrations to this exchange are closed.'],
      [b, cancelled, 'This exchange was cancelled.'],
      [b, late, 'The registration deadline has passed.'],
    ] as const) {
      const refused = await register(user, exchange.id);
      expect(refused.registration).toBeNull();
      expect(refused.userErrors).toEqual([{ field: ['input', 'exchangeId'], code: 'INVALID_STATE', message }]);
    }
    expect(await call.code(b, REGISTER, { input: { exchangeId: draft.id } })).toBe('NOT_FOUND');
    expect(errorsOf((await register(b, open.id, 'x'.repeat(1001))).userErrors)).toEqual([['input.note', 'TOO_LONG']]);
    expect((await unregister(b, open.id)).userErrors).toEqual([{ field: ['input', 'exchangeId'], code: 'INVALID_STATE', message: 'You are not registered to this exchange.' }]);
    expect(await state(t)).toEqual(before);
  });

  it('refuses anonymous registrants, unknown exchanges and exchanges the person may not read, changing nothing', async () => {
    const outsider = people[2]!;
    const secret = await new CommunityFactory(t.db).create({ visibility: 'PRIVATE', coordinatorId: w.coordinator.id });
    const hidden = await opened(t, { ...w, community: secret });
    const open = await opened(t, w);
    const before = await state(t);
    expect(await call.code(null, REGISTER, { input: { exchangeId: open.id } })).toBe('UNAUTHENTICATED');
    expect(await call.code(null, UNREGISTER, { input: { exchangeId: open.id } })).toBe('UNAUTHENTICATED');
    expect(await call.code(outsider, REGISTER, { input: { exchangeId: unknownId('PeerExchange') } })).toBe('NOT_FOUND');
    expect(await call.code(outsider, UNREGISTER, { input: { exchangeId: unknownId('PeerExchange') } })).toBe('NOT_FOUND');
    expect(await call.code(outsider, REGISTER, { input: { exchangeId: hidden.id } })).toBe('NOT_FOUND');
    expect(await call.code(outsider, REGISTER, { input: { exchangeId: 'not-an-id' } })).toBe('BAD_USER_INPUT');
    expect(await state(t)).toEqual(before);
  });

  it('tells everyone registered or waitlisted when the exchange is cancelled, with the reason', async () => {
    const exchange = await opened(t, w, { capacity: 1 });
    const [a, b, c] = [t.users.create(), t.users.create(), t.users.create()];
    const [first, second, third] = await Promise.all([a, b, c]);
    await register(first, exchange.id);
    await register(second, exchange.id);
    await register(third, exchange.id);
    await unregister(third, exchange.id);
    const { cancelPeerExchange } = await call.data(w.coordinator, CANCEL, { input: { exchangeId: exchange.id, reason: 'La sede è inagibile' } });
    expect(cancelPeerExchange.peerExchange).toMatchObject({ status: 'CANCELLED', cancelReason: 'La sede è inagibile' });
    expect((await notices(first))[0]).toEqual({ kind: 'EXCHANGE_CANCELLED', reason: 'La sede è inagibile', subject: { id: exchange.id } });
    expect((await notices(second))[0]).toMatchObject({ kind: 'EXCHANGE_CANCELLED' });
    expect((await notices(third)).map((n: { kind: string }) => n.kind)).toEqual(['EXCHANGE_WAITLISTED']);
    // Registrations no longer change.
    expect(errorsOf((await unregister(first, exchange.id)).userErrors)).toEqual([['input.exchangeId', 'INVALID_STATE']]);
  });

  it('keeps moving the waitlist once registrations are closed, and shows a registration by id to its person and the managers only', async () => {
    const exchange = await opened(t, w, { capacity: 1 });
    const [seated, waiting, other] = await Promise.all([t.users.create(), t.users.create(), t.users.create()]);
    const { registration } = await register(seated, exchange.id);
    await register(waiting, exchange.id);
    await call.data(w.coordinator, CLOSE, { input: { exchangeId: exchange.id } });
    expect(await unregister(seated, exchange.id)).toMatchObject({ peerExchange: { registeredCount: 1, waitlistedCount: 0 }, userErrors: [] });
    expect((await call.data(waiting, NODE, { id: exchange.id })).node.viewerRegistration.status).toBe('REGISTERED');

    const BY_ID = `query($id: ID!) { node(id: $id) { ... on ExchangeRegistration { status user { id } peerExchange { id } } } }`;
    expect((await call.data(seated, BY_ID, { id: registration.id })).node).toEqual({ status: 'CANCELLED', user: { id: seated.globalId }, peerExchange: { id: exchange.id } });
    expect((await call.data(w.coordinator, BY_ID, { id: registration.id })).node).toMatchObject({ status: 'CANCELLED' });
    expect((await call.data(other, BY_ID, { id: registration.id })).node).toBeNull();
    expect((await call.data(null, BY_ID, { id: registration.id })).node).toBeNull();
  });
});
