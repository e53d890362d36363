import { PgPubSub } from '@bottega/core';
import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { CAPACITY, CLOSE, REGISTER, UNREGISTER, UPDATE, api, create, exchangeDbId, inDays, listen, opened, until, world, type World } from './support';

const UPDATED = `subscription($id: ID!) { peerExchangeUpdated(id: $id) { change peerExchange { status seatsLeft waitlistedCount agenda { title } } } }`;
const ADDED = `subscription { notificationAdded { kind subject { id } } }`;

describe('peerExchangeUpdated', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    w = await world(t);
  });
  afterAll(() => t.close());

  const listening = (exchangeId: string, count: number) =>
    until(() => t.app.get(PgPubSub).listenerCount(`peer-exchange:${exchangeDbId(exchangeId)}`) === count, 'subscriptions to register');

  it('shows seats left going to zero, the waitlist, a promotion, the agenda and the status, live', async () => {
    const exchange = await opened(t, w, { capacity: 2 });
    const people: TestUser[] = await Promise.all([t.users.create(), t.users.create(), t.users.create()]);
    const anonymous = t.client.socket({});
    const promotedSocket = t.client.as(people[2]!.accessToken).socket();
    try {
      const stream = listen(anonymous, UPDATED, { id: exchange.id });
      const notices = listen(promotedSocket, ADDED, {});
      await listening(exchange.id, 1);
      // Each event is loaded when it is delivered: waiting for it before the next registration shows each step.
      for (const [n, person] of people.entries()) {
        await call.data(person, REGISTER, { input: { exchangeId: exchange.id } });
        await until(() => stream.events.length === n + 1, `registration ${n + 1}`);
      }
      expect(stream.events.map((e) => [e.peerExchangeUpdated.change, e.peerExchangeUpdated.peerExchange.seatsLeft, e.peerExchangeUpdated.peerExchange.waitlistedCount])).toEqual([
        ['SEATS', 1, 0],
        ['SEATS', 0, 0],
        ['SEATS', 0, 1],
      ]);
      await call.data(people[0]!, UNREGISTER, { input: { exchangeId: exchange.id } });
      await until(() => stream.events.length === 4, 'the cancellation');
      expect(stream.events[3].peerExchangeUpdated.peerExchange).toMatchObject({ seatsLeft: 0, waitlistedCount: 0 });
      // The promoted person hears it live.
      await until(() => notices.events.some((e) => e.notificationAdded.kind === 'EXCHANGE_PROMOTED'), 'the promotion notice');
      expect(notices.events.map((e) => e.notificationAdded)).toEqual([
        { kind: 'EXCHANGE_WAITLISTED', subject: { id: exchange.id } },
        { kind: 'EXCHANGE_PROMOTED', subject: { id: exchange.id } },
      ]);

      await call.data(w.coordinator, CAPACITY, { input: { exchangeId: exchange.id, capacity: 5 } });
      await until(() => stream.events.length === 5, 'the capacity');
      await call.data(w.coordinator, UPDATE, { input: { exchangeId: exchange.id, version: exchange.version + 1, agenda: [{ startsAt: inDays(14, 1), title: 'Pranzo' }] } });
      await until(() => stream.events.length === 6, 'the agenda');
      await call.data(w.coordinator, CLOSE, { input: { exchangeId: exchange.id } });
      await until(() => stream.events.length === 7, 'the status');
      expect(stream.events.slice(4).map((e) => e.peerExchangeUpdated)).toEqual([
        { change: 'SEATS', peerExchange: { status: 'OPEN', seatsLeft: 3, waitlistedCount: 0, agenda: [] } },
        { change: 'DETAILS', peerExchange: { status: 'OPEN', seatsLeft: 3, waitlistedCount: 0, agenda: [{ title: 'Pranzo' }] } },
        { change: 'STATUS', peerExchange: { status: 'CLOSED', seatsLeft: 3, waitlistedCount: 0, agenda: [{ title: 'Pranzo' }] } },
      ]);
    } finally {
      await anonymous.dispose();
      await promotedSocket.dispose();
    }
  });

  it('refuses a subscription to an exchange the viewer may not read, and ends one when access is lost', async () => {
    const [member, outsider] = await Promise.all([t.users.create(), t.users.create()]);
    const secret = await new CommunityFactory(t.db).create({ visibility: 'PRIVATE', coordinatorId: w.coordinator.id, memberIds: [member.id] });
    const exchange = await opened(t, { ...w, community: secret });
    const draft = await create(t, w);
    const outsiderSocket = t.client.as(outsider.accessToken).socket();
    const memberSocket = t.client.as(member.accessToken).socket();
    try {
      for (const id of [exchange.id, draft.id]) {
        const refused = listen(outsiderSocket, UPDATED, { id });
        await refused.completed;
        expect(refused.events).toEqual([{ errors: [expect.objectContaining({ extensions: { code: 'NOT_FOUND' } })] }]);
      }
      const watching = listen(memberSocket, UPDATED, { id: exchange.id });
      await listening(exchange.id, 1);
      await call.data(member, REGISTER, { input: { exchangeId: exchange.id } });
      await until(() => watching.events.length === 1, 'the registration');
      await t.db.query(`DELETE FROM community_membership WHERE community_id = $1 AND user_id = $2`, [secret.id, member.id]);
      await call.data(w.coordinator, CLOSE, { input: { exchangeId: exchange.id } });
      await watching.completed;
      expect(watching.events).toHaveLength(1);
    } finally {
      await outsiderSocket.dispose();
      await memberSocket.dispose();
    }
  });
});
