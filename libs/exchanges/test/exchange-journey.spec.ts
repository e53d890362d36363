import { PgPubSub } from '@bottega/core';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { CREATE, OPEN, REGISTER, UNREGISTER, api, exchangeDbId, listen, until, visit, world, type World } from './support';

const SEATS = `subscription($id: ID!) { peerExchangeUpdated(id: $id) { change peerExchange { seatsLeft waitlistedCount } } }`;
const NOTICES = `subscription { notificationAdded { kind subject { id } } }`;

/** A coordinator plans and opens a study visit with three seats; five people register while a subscriber watches; one cancels. */
describe('journey: a study visit fills up and its waitlist moves', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    w = await world(t);
  });
  afterAll(() => t.close());

  it('fills three seats, waitlists two, and promotes the first waitlisted when a seat frees up, live', async () => {
    const { createPeerExchange } = await call.data(w.coordinator, CREATE, { input: visit(w, { capacity: 3, title: 'Visita di studio ai custodi sociali' }) });
    const exchange = createPeerExchange.peerExchange;
    expect(exchange.status).toBe('DRAFT');
    expect((await call.data(w.coordinator, OPEN, { input: { exchangeId: exchange.id } })).openRegistrations.peerExchange.status).toBe('OPEN');

    const people: TestUser[] = await Promise.all(Array.from({ length: 5 }, () => t.users.create()));
    const watcher = t.client.as(w.member.accessToken).socket();
    const sockets = people.map((person) => t.client.as(person.accessToken).socket());
    try {
      const seats = listen(watcher, SEATS, { id: exchange.id });
      const notices = sockets.map((socket) => listen(socket, NOTICES, {}));
      await until(() => t.app.get(PgPubSub).listenerCount(`peer-exchange:${exchangeDbId(exchange.id)}`) === 1, 'the watcher');
      await until(() => people.every((person) => t.app.get(PgPubSub).listenerCount(`notifications:${person.id}`) === 1), 'the notices');

      const answers = await Promise.all(people.map((person) => call.data(person, REGISTER, { input: { exchangeId: exchange.id, note: 'Come si avvia' } })));
      const statuses = answers.map((answer) => answer.registerForExchange.registration.status);
      expect(statuses.filter((status) => status === 'REGISTERED')).toHaveLength(3);
      expect(statuses.filter((status) => status === 'WAITLISTED')).toHaveLength(2);
      await until(() => seats.events.length === 5, 'five seat changes');
      // Each event is loaded when delivered, so it shows the seats as they are then: never more than before, down to none.
      const left = seats.events.map((e) => e.peerExchangeUpdated.peerExchange.seatsLeft as number);
      expect(left).toEqual([...left].sort((a, b) => b - a));
      expect(left.at(-1)).toBe(0);
      expect(seats.events.at(-1).peerExchangeUpdated.peerExchange.waitlistedCount).toBe(2);

      const firstWaiting = answers.findIndex((answer) => answer.registerForExchange.registration.position === 1);
      const leaving = statuses.indexOf('REGISTERED');
      await call.data(people[leaving]!, UNREGISTER, { input: { exchangeId: exchange.id } });
      await until(() => seats.events.length === 6, 'the cancellation');
      expect(seats.events[5].peerExchangeUpdated.peerExchange).toEqual({ seatsLeft: 0, waitlistedCount: 1 });
      await until(() => notices[firstWaiting]!.events.some((e) => e.notificationAdded.kind === 'EXCHANGE_PROMOTED'), 'the promotion notice');
      expect(notices[firstWaiting]!.events.map((e) => e.notificationAdded.kind)).toEqual(['EXCHANGE_WAITLISTED', 'EXCHANGE_PROMOTED']);
      const [promoted] = await t.db.query(
        `SELECT status FROM peer_exchange_registration WHERE exchange_id = $1 AND user_id = $2`,
        [exchangeDbId(exchange.id), people[firstWaiting]!.id],
      );
      expect(promoted).toEqual({ status: 'REGISTERED' });
    } finally {
      await Promise.all([watcher.dispose(), ...sockets.map((socket) => socket.dispose())]);
    }
  });
});
