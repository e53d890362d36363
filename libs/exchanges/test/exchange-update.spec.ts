import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { CANCEL, NODE, REGISTER, UPDATE, api, create, errorsOf, inDays, opened, state, unknownId, world, type World } from './support';

describe('updatePeerExchange', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    w = await world(t);
  });
  afterAll(() => t.close());

  const update = async (user: TestUser, input: Record<string, unknown>) => (await call.data(user, UPDATE, { input })).updatePeerExchange;
  const kinds = async (user: TestUser) =>
    (await call.data(user, `{ notifications(first: 20) { nodes { kind } } }`)).notifications.nodes.map((n: { kind: string }) => n.kind);

  it('edits the details at the version read, and tells those registered of a new schedule or place', async () => {
    const exchange = await opened(t, w, { capacity: 1 });
    const [seated, waiting] = await Promise.all([t.users.create(), t.users.create()]);
    await call.data(seated, REGISTER, { input: { exchangeId: exchange.id } });
    await call.data(waiting, REGISTER, { input: { exchangeId: exchange.id } });

    // Words only: nobody is told.
    const renamed = await update(w.coordinator, { exchangeId: exchange.id, version: exchange.version, title: 'Visita ai custodi sociali', description: 'Nuovo *programma*' });
    expect(renamed.userErrors).toEqual([]);
    expect(renamed.peerExchange).toMatchObject({ title: 'Visita ai custodi sociali', version: exchange.version + 1, description: { markdown: 'Nuovo *programma*', html: '<p>Nuovo <em>programma</em></p>\n' } });
    expect(await kinds(seated)).toEqual(['EXCHANGE_REGISTERED']);

    const startsAt = inDays(21);
    const moved = await update(w.lead, {
      exchangeId: exchange.id,
      version: renamed.peerExchange.version,
      startsAt,
      endsAt: inDays(21, 3),
      registrationDeadline: inDays(20),
      venue: 'Piazza Prealpi 4, Milano',
      agenda: [{ startsAt, title: 'Incontro con i custodi' }],
      hostIds: [w.member.globalId],
    });
    expect(moved.userErrors).toEqual([]);
    expect(moved.peerExchange).toMatchObject({ startsAt: new Date(startsAt).toISOString(), venue: 'Piazza Prealpi 4, Milano', agenda: [{ title: 'Incontro con i custodi' }], hosts: [{ id: w.member.globalId }] });
    expect(await kinds(seated)).toEqual(['EXCHANGE_CHANGED', 'EXCHANGE_REGISTERED']);
    expect(await kinds(waiting)).toEqual(['EXCHANGE_CHANGED', 'EXCHANGE_WAITLISTED']);
    expect((await call.data(seated, NODE, { id: exchange.id })).node.venue).toBe('Piazza Prealpi 4, Milano');
  });

  it('refuses a stale version as a CONFLICT, and edits of an exchange that is over, changing nothing', async () => {
    const exchange = await opened(t, w);
    await update(w.coordinator, { exchangeId: exchange.id, version: exchange.version, title: 'Prima modifica del titolo' });
    const before = await state(t);
    expect(errorsOf((await update(w.coordinator, { exchangeId: exchange.id, version: exchange.version, title: 'Seconda modifica del titolo' })).userErrors)).toEqual([
      ['input.version', 'CONFLICT'],
    ]);
    expect(await state(t)).toEqual(before);
    const cancelled = await call.data(w.coordinator, CANCEL, { input: { exchangeId: exchange.id, reason: 'Sciopero dei treni' } });
    const version = cancelled.cancelPeerExchange.peerExchange.version;
    const after = await state(t);
    expect(errorsOf((await update(w.coordinator, { exchangeId: exchange.id, version, title: 'Dopo la cancellazione' })).userErrors)).toEqual([
      ['input.exchangeId', 'INVALID_STATE'],
    ]);
    expect(await state(t)).toEqual(after);
  });

  it('refuses anonymous, forbidden, unknown and bad input, changing nothing', async () => {
    // A host reads the draft but does not run it.
    const exchange = await create(t, w, { hostIds: [w.member.globalId] });
    const at = { exchangeId: exchange.id, version: exchange.version };
    const secret = await new CommunityFactory(t.db).create({ visibility: 'PRIVATE', coordinatorId: w.admin.id });
    const [privatePractice] = await t.db.query(
      `INSERT INTO practice (slug, kind, title, status, community_id, created_by, published_at) VALUES ('riservata', 'PRACTICE', 'Riservata', 'PUBLISHED', $1, $2, now()) RETURNING id`,
      [secret.id, w.admin.id],
    );
    const before = await state(t);
    expect(await call.code(null, UPDATE, { input: { ...at, title: 'Un titolo nuovo' } })).toBe('UNAUTHENTICATED');
    expect(await call.code(w.member, UPDATE, { input: { ...at, title: 'Un titolo nuovo' } })).toBe('FORBIDDEN');
    expect(await call.code(w.coordinator, UPDATE, { input: { ...at, exchangeId: unknownId('PeerExchange'), title: 'Un titolo nuovo' } })).toBe('NOT_FOUND');
    expect(await call.code(w.coordinator, UPDATE, { input: { ...at, practiceIds: [Buffer.from(`Practice:${privatePractice.id}`).toString('base64url')] } })).toBe('NOT_FOUND');
    expect(await call.code(w.coordinator, UPDATE, { input: { ...at, endsAt: 'soon' } })).toBe('BAD_USER_INPUT');
    const refused = async (input: Record<string, unknown>) => errorsOf((await update(w.coordinator, { ...at, ...input })).userErrors);
    expect(await refused({})).toEqual([['input', 'REQUIRED']]);
    // Against the schedule it has: ending before it starts, a deadline after the start.
    expect(await refused({ endsAt: inDays(13) })).toEqual([['input.endsAt', 'OUT_OF_RANGE']]);
    expect(await refused({ registrationDeadline: inDays(15) })).toEqual([['input.registrationDeadline', 'OUT_OF_RANGE']]);
    expect(await refused({ onlineUrl: 'javascript:alert(1)' })).toEqual([['input.onlineUrl', 'INVALID']]);
    expect(await refused({ title: 'x'.repeat(201) })).toEqual([['input.title', 'TOO_LONG']]);
    expect(await state(t)).toEqual(before);
  });

  it('lists only the practices to study the viewer reads, and keeps the link for those inside', async () => {
    const secret = await new CommunityFactory(t.db).create({ visibility: 'PRIVATE', coordinatorId: w.coordinator.id });
    const [open, hidden] = await t.db.query(
      `INSERT INTO practice (slug, kind, title, status, community_id, created_by, published_at)
       VALUES ('aperta', 'PRACTICE', 'Aperta', 'PUBLISHED', NULL, $1, now()), ('nascosta', 'PRACTICE', 'Nascosta', 'PUBLISHED', $2, $1, now()) RETURNING id`,
      [w.coordinator.id, secret.id],
    );
    const ids = [open.id, hidden.id].map((id: string) => Buffer.from(`Practice:${id}`).toString('base64url'));
    const exchange = await opened(t, w, { practiceIds: ids });
    expect((await call.data(w.coordinator, NODE, { id: exchange.id })).node.practicesToStudy).toEqual(ids.map((id) => ({ id })));
    expect((await call.data(w.outsider, NODE, { id: exchange.id })).node.practicesToStudy).toEqual([{ id: ids[0] }]);
    expect((await call.data(null, NODE, { id: exchange.id })).node.practicesToStudy).toEqual([{ id: ids[0] }]);
  });
});
