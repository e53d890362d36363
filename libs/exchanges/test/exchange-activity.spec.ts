import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { CANCEL, api, opened, world, type World } from './support';
import { ATTENDANCE, FEEDBACK, heldWith, reschedule } from './outcome-support';

const REPORT = `query($scope: ActivityScopeInput!, $from: Date!, $to: Date!) {
  activityReport(scope: $scope, from: $from, to: $to) {
    activeMembers exchanges { held participants attended noShows attendanceRate averageFeedback feedbackCount } } }`;

const romeDay = (daysAgo: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(Date.now() - daysAgo * 86_400_000));

/** The exchanges' figures of the activity report, counted over what the reader may read. */
describe('activity report: peer exchanges', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let w: World;
  let people: TestUser[];
  let privateCoordinator: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    w = await world(t);
    people = await Promise.all(Array.from({ length: 6 }, () => t.users.create()));
    privateCoordinator = await t.users.create();
    await t.db.query(`UPDATE community SET territory_id = $2, kind = 'TERRITORIAL' WHERE id = $1`, [w.community.id, w.milano.id]);
    const [a, b, c, d, e, f] = people as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
    const attend = (exchangeId: string, coordinator: TestUser, entries: [TestUser, string][]) =>
      call.data(coordinator, ATTENDANCE, { input: { exchangeId, entries: entries.map(([user, status]) => ({ userId: user.globalId, status })) } });

    // Held in Milan: two came, one did not; rated 4 and 5.
    const visit = await heldWith(t, w, [a, b, c]);
    await attend(visit.id, w.coordinator, [
      [a, 'ATTENDED'],
      [b, 'ATTENDED'],
      [c, 'NO_SHOW'],
    ]);
    await call.data(a, FEEDBACK, { input: { exchangeId: visit.id, rating: 4 } });
    await call.data(b, FEEDBACK, { input: { exchangeId: visit.id, rating: 5 } });
    // Held in Milan by a private community: one of the same people and another came, rated 1.
    const secret = await new CommunityFactory(t.db).create({ visibility: 'PRIVATE', coordinatorId: privateCoordinator.id, memberIds: [a.id, d.id] });
    await t.db.query(`UPDATE community SET territory_id = $2, kind = 'TERRITORIAL' WHERE id = $1`, [secret.id, w.milano.id]);
    const hidden = await heldWith(t, { ...w, coordinator: privateCoordinator, community: secret }, [a, d]);
    await attend(hidden.id, privateCoordinator, [
      [a, 'ATTENDED'],
      [d, 'ATTENDED'],
    ]);
    await call.data(d, FEEDBACK, { input: { exchangeId: hidden.id, rating: 1 } });
    // Not held: cancelled, still to come, or held before the range.
    const cancelled = await opened(t, w);
    await call.data(w.coordinator, CANCEL, { input: { exchangeId: cancelled.id, reason: 'Pioggia' } });
    await reschedule(t, cancelled.id, 4, 1);
    await opened(t, w);
    const old = await heldWith(t, w, [e, f]);
    await attend(old.id, w.coordinator, [[e, 'ATTENDED']]);
    await reschedule(t, old.id, 40 * 24, 40 * 24 - 3);
  });
  afterAll(() => t.close());

  const report = async (user: TestUser, scope: Record<string, string>) =>
    (await call.data(user, REPORT, { scope, from: romeDay(10), to: romeDay(0) })).activityReport;

  it('counts exchanges held in the province, who attended, the attendance rate and the average rating, over what the reader may read', async () => {
    const province = await report(w.coordinator, { territoryId: w.milano.globalId });
    expect(province.exchanges).toEqual({ held: 1, participants: 2, attended: 2, noShows: 1, attendanceRate: 2 / 3, averageFeedback: 4.5, feedbackCount: 2 });
    expect(province.activeMembers).toBeGreaterThanOrEqual(2);
    // Staff read the private community's exchange too: a third participant, one person counted once.
    const asStaff = await report(w.admin, { territoryId: w.milano.globalId });
    expect(asStaff.exchanges).toEqual({ held: 2, participants: 3, attended: 4, noShows: 1, attendanceRate: 4 / 5, averageFeedback: 10 / 3, feedbackCount: 3 });
    // And the region holds the province.
    expect((await report(w.admin, { territoryId: w.lombardia.globalId })).exchanges.held).toBe(2);
  });

  it('counts a community’s and a project’s exchanges', async () => {
    expect((await report(w.coordinator, { communityId: w.community.globalId })).exchanges).toMatchObject({ held: 1, participants: 2 });
    expect((await report(w.admin, { projectId: w.project.globalId })).exchanges).toMatchObject({ held: 2, attended: 4 });
  });
});
