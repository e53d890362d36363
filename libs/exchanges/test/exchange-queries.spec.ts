import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { DirectoryFactory } from '@bottega/territories/testing';
import { CANCEL, REGISTER, api, create, inDays, opened, world, type World } from './support';

const LIST = `query($filter: PeerExchangeFilter, $orderBy: ExchangeOrder, $first: Int, $after: String) {
  peerExchanges(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id title status seatsLeft } } }`;

describe('peerExchanges', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let w: World;
  let member: TestUser;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    w = await world(t);
    member = await t.users.create();
    const secret = await new CommunityFactory(t.db).create({ visibility: 'PRIVATE', coordinatorId: w.coordinator.id, memberIds: [member.id] });
    const torino = await new DirectoryFactory(t.db).territory('IT-TO');
    ids = {
      soon: (await opened(t, w, { title: 'Scambio fra tre giorni', startsAt: inDays(3), endsAt: inDays(3, 2), registrationDeadline: inDays(2) })).id,
      later: (await opened(t, w, { title: 'Scambio fra venti giorni', format: 'WORKSHOP', startsAt: inDays(20), endsAt: inDays(20, 2), registrationDeadline: inDays(19) })).id,
      turin: (await opened(t, w, { title: 'Scambio a Torino', hostTerritoryId: torino.globalId, format: 'WEBINAR', onlineUrl: 'https://meet.example.org/x', hostIds: [member.globalId] })).id,
      draft: (await create(t, w, { title: 'Scambio in bozza' })).id,
      secret: (await opened(t, { ...w, community: secret }, { title: 'Scambio riservato' })).id,
    };
    await call.data(w.coordinator, CANCEL, { input: { exchangeId: (await opened(t, w, { title: 'Scambio annullato' })).id, reason: 'Annullato' } });
    await call.data(member, REGISTER, { input: { exchangeId: ids['later'] } });
  });
  afterAll(() => t.close());

  const titles = async (user: TestUser | null, variables: Record<string, unknown> = {}) =>
    (await call.data(user, LIST, variables)).peerExchanges.nodes.map((n: { title: string }) => n.title);

  it('lists what each reader may read, soonest first: drafts for those inside, private ones for members', async () => {
    const open = ['Scambio fra tre giorni', 'Scambio a Torino', 'Scambio annullato', 'Scambio fra venti giorni'];
    expect(await titles(null)).toEqual(open);
    expect(await titles(w.outsider)).toEqual(open);
    expect(await titles(member)).toEqual(['Scambio fra tre giorni', 'Scambio a Torino', 'Scambio riservato', 'Scambio annullato', 'Scambio fra venti giorni']);
    expect((await titles(w.coordinator)).length).toBe(6);
    expect(await titles(w.admin)).toContain('Scambio in bozza');
    const { peerExchanges } = await call.data(null, LIST, {});
    expect(peerExchanges.totalCount).toBe(4);
  });

  it('filters by status, format, territory with those within it, community, dates, host and the viewer’s registrations', async () => {
    expect(await titles(null, { filter: { status: 'CANCELLED' } })).toEqual(['Scambio annullato']);
    expect(await titles(null, { filter: { formats: ['WORKSHOP', 'WEBINAR'] } })).toEqual(['Scambio a Torino', 'Scambio fra venti giorni']);
    expect(await titles(null, { filter: { territoryId: w.lombardia.globalId } })).toEqual(['Scambio fra tre giorni', 'Scambio annullato', 'Scambio fra venti giorni']);
    expect(await titles(null, { filter: { territoryId: w.milano.globalId, from: inDays(10) } })).toEqual(['Scambio annullato', 'Scambio fra venti giorni']);
    expect(await titles(null, { filter: { to: inDays(5) } })).toEqual(['Scambio fra tre giorni']);
    expect(await titles(null, { filter: { communityId: w.community.globalId, status: 'OPEN' } })).toEqual(['Scambio fra tre giorni', 'Scambio a Torino', 'Scambio fra venti giorni']);
    expect(await titles(null, { filter: { hostedBy: member.globalId } })).toEqual(['Scambio a Torino']);
    expect(await titles(member, { filter: { registeredBy: member.globalId } })).toEqual(['Scambio fra venti giorni']);
    expect(await titles(w.admin, { filter: { registeredBy: member.globalId } })).toEqual(['Scambio fra venti giorni']);
    expect(await call.code(w.outsider, LIST, { filter: { registeredBy: member.globalId } })).toBe('FORBIDDEN');
    expect(await call.code(null, LIST, { filter: { from: 'yesterday' } })).toBe('BAD_USER_INPUT');
  });

  it('pages newest first with signed cursors', async () => {
    const first = (await call.data(null, LIST, { orderBy: 'NEWEST', first: 2 })).peerExchanges;
    expect(first.nodes.map((n: { title: string }) => n.title)).toEqual(['Scambio annullato', 'Scambio a Torino']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await call.data(null, LIST, { orderBy: 'NEWEST', first: 2, after: first.pageInfo.endCursor })).peerExchanges;
    expect(next.nodes.map((n: { title: string }) => n.title)).toEqual(['Scambio fra venti giorni', 'Scambio fra tre giorni']);
    expect(await call.code(null, LIST, { orderBy: 'STARTS_AT', after: first.pageInfo.endCursor })).toBe('BAD_USER_INPUT');
  });

  it('reads a page of exchanges with their fields in a constant number of statements', async () => {
    const PAGE = `{ peerExchanges(first: 20) { nodes { id seatsLeft hosts { id } hostTerritory { code } hostCommunity { id }
      viewerRegistration { status } viewerCanRegister viewerCanManage venue agenda { title } } } }`;
    const statements = async () => Number((await t.client.as(member.accessToken).request(PAGE)).headers.get('x-sql-statements'));
    const before = await statements();
    // The page, its hosts, territories, communities and the viewer's registrations: one statement each.
    expect(before).toBeLessThanOrEqual(6);
    for (let n = 0; n < 3; n += 1) await opened(t, w, { title: `Un altro scambio ${n}` });
    expect(await statements()).toBe(before);
  });
});
