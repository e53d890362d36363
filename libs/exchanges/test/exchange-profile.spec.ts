import { toGlobalId } from '@bottega/core';
import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { CANCEL, REGISTER, api, create, exchangeDbId, opened, world, type World } from './support';
import { openReview, reviewers } from './peer-review-support';

const SET_VISIBILITY = `mutation($input: SetProfileVisibilityInput!) { setProfileVisibility(input: $input) { userErrors { code } } }`;
const EXCHANGES = `query($id: ID!, $role: ExchangeProfileRole, $first: Int, $after: String) { node(id: $id) { ... on CompetenceProfile {
  exchanges(role: $role, first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id title } } } } }`;
const PAGE = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on CompetenceProfile { id exchanges(first: 3) { totalCount nodes { id title hosts { id } } } } } }`;

describe('exchanges on profiles', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    w = await world(t);
  });
  afterAll(() => t.close());

  const profileOf = async (user: TestUser, visibility: 'PUBLIC' | 'MEMBERS_ONLY' | 'HIDDEN' = 'PUBLIC') => {
    await call.data(user, SET_VISIBILITY, { input: { visibility } });
    return toGlobalId('CompetenceProfile', user.id);
  };
  const ids = (connection: { nodes: { id: string }[] }) => connection.nodes.map((node) => node.id);
  const past = (id: string) =>
    t.db.query(`UPDATE peer_exchange SET starts_at = starts_at - interval '60 days', ends_at = ends_at - interval '60 days', registration_deadline = registration_deadline - interval '60 days' WHERE id = $1`, [
      exchangeDbId(id),
    ]);

  it('lists what a person hosted and attended (or holds a seat at, upcoming, or reviewed), latest first, by role', async () => {
    const host = await t.users.create();
    const person = await t.users.create();
    const hosted = await opened(t, w, { hostIds: [host.globalId], title: 'Ospitata da chi ospita' });
    const attended = await opened(t, w, { title: 'Frequentata tempo fa' });
    const upcoming = await opened(t, w, { title: 'In arrivo con un posto' });
    const waitlisted = await opened(t, w, { title: 'In lista d’attesa soltanto', capacity: 0 });
    const gone = await opened(t, w, { title: 'Annullata prima di svolgersi' });
    for (const exchange of [attended, upcoming, waitlisted, gone]) await call.data(person, REGISTER, { input: { exchangeId: exchange.id } });
    await past(attended.id);
    await t.db.query(`UPDATE peer_exchange_registration SET status = 'ATTENDED' WHERE exchange_id = $1 AND user_id = $2`, [exchangeDbId(attended.id), person.id]);
    await call.data(w.coordinator, CANCEL, { input: { exchangeId: gone.id, reason: 'Annullata' } });
    const review = await openReview(t, w);
    await t.db.query(`INSERT INTO peer_review_invitation (exchange_id, user_id, status, responded_at) VALUES ($1, $2, 'ACCEPTED', now())`, [exchangeDbId(review.id), person.id]);

    const profile = await profileOf(person);
    const hostProfile = await profileOf(host);
    const attendedList = (await call.data(w.outsider, EXCHANGES, { id: profile, role: 'ATTENDED' })).node.exchanges;
    expect(ids(attendedList).sort()).toEqual([upcoming.id, review.id, attended.id].sort());
    expect(ids(attendedList).at(-1)).toBe(attended.id);
    expect(attendedList.totalCount).toBe(3);
    expect(ids((await call.data(w.outsider, EXCHANGES, { id: profile, role: 'HOSTED' })).node.exchanges)).toEqual([]);
    expect(ids((await call.data(null, EXCHANGES, { id: hostProfile, role: 'HOSTED' })).node.exchanges)).toEqual([hosted.id]);
    expect((await call.data(null, EXCHANGES, { id: hostProfile })).node.exchanges.totalCount).toBe(1);

    // Pages follow each other without overlap.
    const first = (await call.data(w.outsider, EXCHANGES, { id: profile, role: 'ANY', first: 2 })).node.exchanges;
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = (await call.data(w.outsider, EXCHANGES, { id: profile, role: 'ANY', first: 2, after: first.pageInfo.endCursor })).node.exchanges;
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect([...ids(first), ...ids(second)]).toEqual(ids(attendedList));
    expect(await call.code(w.outsider, EXCHANGES, { id: profile, after: 'not-a-cursor' })).toBe('BAD_USER_INPUT');
    expect(await call.code(w.outsider, EXCHANGES, { id: profile, first: 101 })).toBe('BAD_USER_INPUT');
  });

  it('shows only the exchanges the viewer reads, and nothing of a profile the viewer may not see', async () => {
    const person = await t.users.create();
    const secret = await new CommunityFactory(t.db).create({ visibility: 'PRIVATE', coordinatorId: w.coordinator.id, memberIds: [person.id, w.member.id] });
    const inside = await opened(t, w, { hostCommunityId: secret.globalId, title: 'Nella comunità privata' });
    const outside = await opened(t, w, { title: 'Aperta a tutti quanti' });
    const draft = await create(t, w, { hostIds: [person.globalId], title: 'Bozza ancora da aprire' });
    for (const exchange of [inside, outside]) await call.data(person, REGISTER, { input: { exchangeId: exchange.id } });
    const profile = await profileOf(person);
    expect(ids((await call.data(w.outsider, EXCHANGES, { id: profile })).node.exchanges)).toEqual([outside.id]);
    expect(ids((await call.data(w.member, EXCHANGES, { id: profile })).node.exchanges).sort()).toEqual([inside.id, outside.id].sort());
    expect(ids((await call.data(person, EXCHANGES, { id: profile })).node.exchanges).sort()).toEqual([inside.id, outside.id, draft.id].sort());
    expect((await call.data(null, EXCHANGES, { id: profile })).node.exchanges.totalCount).toBe(1);

    await profileOf(person, 'HIDDEN');
    expect((await call.data(w.outsider, EXCHANGES, { id: profile })).node).toBeNull();
    expect((await call.data(w.admin, EXCHANGES, { id: profile })).node.exchanges.totalCount).toBe(3);
    await profileOf(person, 'MEMBERS_ONLY');
    expect((await call.data(null, EXCHANGES, { id: profile })).node).toBeNull();
  });

  it('reads a page of profiles with their exchanges in the same number of statements, however many profiles', async () => {
    const people: TestUser[] = [];
    for (let n = 0; n < 6; n += 1) {
      const person = await t.users.create();
      const exchange = await opened(t, w, { title: `Scambio numero ${n} del gruppo`, hostIds: [person.globalId] });
      await call.data(w.member, REGISTER, { input: { exchangeId: exchange.id } });
      const other = await opened(t, w, { title: `Altro scambio ${n} del gruppo` });
      await call.data(person, REGISTER, { input: { exchangeId: other.id } });
      people.push(person);
    }
    const profiles = await Promise.all(people.map((person) => profileOf(person)));
    const viewer = await t.users.create();
    const statements = async (count: number) => {
      const response = await call.request(viewer, PAGE, { ids: profiles.slice(0, count) });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data.nodes).toHaveLength(count);
      for (const node of response.body.data.nodes) expect(node.exchanges.totalCount).toBe(2);
      return Number(response.headers.get('x-sql-statements'));
    };
    await statements(1);
    expect(await statements(6)).toBe(await statements(2));
  });

  it('lists the peer reviews a person reviewed', async () => {
    const review = await openReview(t, w);
    const [accepted, declined] = await reviewers(t, w, review.id, ['ACCEPT', 'DECLINE']);
    expect(ids((await call.data(null, EXCHANGES, { id: await profileOf(accepted!.user), role: 'ATTENDED' })).node.exchanges)).toEqual([review.id]);
    expect(ids((await call.data(null, EXCHANGES, { id: await profileOf(declined!.user), role: 'ATTENDED' })).node.exchanges)).toEqual([]);
  });
});
