import { CommunityFactory } from '@bottega/forum/testing';
import type { TestUser } from '@bottega/identity/testing';
import { startTestApp, type TestApp } from './support/test-app';

const SUSPEND = `mutation($input: SuspendUserInput!) { suspendUser(input: $input) { user { id suspension { since until } } userErrors { field code } } }`;
const UNSUSPEND = `mutation($input: UnsuspendUserInput!) { unsuspendUser(input: $input) { user { id suspension { since } } userErrors { field code } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { session { accessToken refreshToken } userErrors { code } } }`;
const REFRESH = `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { session { accessToken } } }`;
const VIEWER = `{ viewer { id } }`;
const USER = `query($id: ID!) { node(id: $id) { ... on User { suspension { until } viewerCanSuspend } } }`;

const unknownUser = Buffer.from('User:00000000-0000-4000-8000-000000000000').toString('base64url');

describe('suspensions', () => {
  let t: TestApp;
  let [admin, otherAdmin, moderator, coordinator]: TestUser[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    [admin, otherAdmin, moderator, coordinator] = await Promise.all([
      t.users.admin().create(),
      t.users.admin().create(),
      t.users.moderator().create(),
      t.users.create(),
    ]);
    await new CommunityFactory(t.db).create({ coordinatorId: coordinator.id });
  });
  afterAll(() => t.close());

  const as = (user: TestUser | null) => t.client.as(user?.accessToken ?? null);
  const login = (user: TestUser) => t.client.request<any>(LOGIN, { input: { email: user.email, password: user.password } });
  const state = async (userId: string) =>
    (
      await t.db.query(
        `SELECT u.suspended_at IS NOT NULL AS suspended, u.suspended_until AS until,
                (SELECT count(*)::int FROM auth_session s WHERE s.user_id = u.id AND s.revoked_at IS NULL) AS "liveSessions",
                (SELECT count(*)::int FROM audit_log a WHERE a.subject_id = u.id) AS "auditEntries"
           FROM app_user u WHERE u.id = $1`,
        [userId],
      )
    )[0];

  it('ends every session at once, refuses sign-in and refresh until lifted, and audits both', async () => {
    const user = await t.users.create();
    const signedIn = (await login(user)).body.data.login.session;
    expect((await as(user).data(VIEWER)).viewer).toEqual({ id: user.globalId });

    const { suspendUser } = await as(moderator).data(SUSPEND, { input: { userId: user.globalId, reason: '  Spam ripetuto  ' } });
    expect(suspendUser).toEqual({ user: { id: user.globalId, suspension: { since: expect.any(String), until: null } }, userErrors: [] });
    expect((await as(user).error(VIEWER)).code).toBe('UNAUTHENTICATED');
    expect((await t.client.as(signedIn.accessToken).error(VIEWER)).code).toBe('UNAUTHENTICATED');
    expect((await t.client.error(REFRESH, { input: { refreshToken: signedIn.refreshToken } })).code).toBe('UNAUTHENTICATED');
    expect((await t.client.error(LOGIN, { input: { email: user.email, password: user.password } })).code).toBe('FORBIDDEN');
    const revoked = await t.db.query(`SELECT DISTINCT revoked_reason FROM auth_session WHERE user_id = $1`, [user.id]);
    expect(revoked).toEqual([{ revoked_reason: 'SUSPENDED' }]);
    expect((await as(moderator).data(USER, { id: user.globalId })).node).toEqual({ suspension: { until: null }, viewerCanSuspend: true });
    expect((await as(coordinator).data(USER, { id: user.globalId })).node).toEqual({ suspension: null, viewerCanSuspend: false });

    expect((await as(admin).data(UNSUSPEND, { input: { userId: user.globalId, reason: 'Ha chiarito' } })).unsuspendUser).toEqual({
      user: { id: user.globalId, suspension: null },
      userErrors: [],
    });
    expect((await login(user)).body.data.login.session.accessToken).toEqual(expect.any(String));
    const audit = await t.db.query(`SELECT action, actor_id, reason, metadata FROM audit_log WHERE subject_id = $1 ORDER BY created_at`, [user.id]);
    expect(audit).toEqual([
      { action: 'SUSPEND', actor_id: moderator.id, reason: 'Spam ripetuto', metadata: { until: null, sessionsRevoked: 2, replacedRunningSuspension: false } },
      { action: 'UNSUSPEND', actor_id: admin.id, reason: 'Ha chiarito', metadata: {} },
    ]);
  });

  it('ends by itself at `until`', async () => {
    const user = await t.users.create();
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const { suspendUser } = await as(admin).data(SUSPEND, { input: { userId: user.globalId, reason: 'Una pausa di un giorno', until } });
    expect(suspendUser.user.suspension.until).toBe(until);
    expect((await login(user)).body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    // A day later, as far as the database can tell:
    await t.db.query(`UPDATE app_user SET suspended_until = now() - interval '1 second' WHERE id = $1`, [user.id]);
    expect((await login(user)).body.data.login.userErrors).toEqual([]);
    expect((await as(admin).data(UNSUSPEND, { input: { userId: user.globalId, reason: 'Già finita' } })).unsuspendUser.userErrors).toEqual([
      { field: ['input', 'userId'], code: 'INVALID_STATE' },
    ]);
  });

  it('refuses anonymous callers, coordinators, moderators against admins or themselves, bad ids and input, changing nothing', async () => {
    const user = await t.users.create();
    const input = { userId: user.globalId, reason: 'Motivo valido' };
    const before = await Promise.all([user, admin, moderator].map((u) => state(u.id)));
    expect((await t.client.error(SUSPEND, { input })).code).toBe('UNAUTHENTICATED');
    expect((await as(coordinator).error(SUSPEND, { input })).code).toBe('FORBIDDEN');
    expect((await as(coordinator).error(UNSUSPEND, { input })).code).toBe('FORBIDDEN');
    expect((await as(moderator).error(SUSPEND, { input: { ...input, userId: admin.globalId } })).code).toBe('FORBIDDEN');
    expect((await as(moderator).error(SUSPEND, { input: { ...input, userId: moderator.globalId } })).code).toBe('FORBIDDEN');
    expect((await as(admin).error(SUSPEND, { input: { ...input, userId: admin.globalId } })).code).toBe('FORBIDDEN');
    expect((await as(moderator).error(SUSPEND, { input: { ...input, userId: unknownUser } })).code).toBe('NOT_FOUND');
    expect((await as(moderator).error(SUSPEND, { input: { ...input, userId: 'nope' } })).code).toBe('BAD_USER_INPUT');
    expect((await as(moderator).error(SUSPEND, { input: { ...input, until: 'tomorrow' } })).code).toBe('BAD_USER_INPUT');
    const refused = async (change: Record<string, string>) => (await as(moderator).data(SUSPEND, { input: { ...input, ...change } })).suspendUser;
    expect(await refused({ reason: 'no' })).toEqual({ user: null, userErrors: [{ field: ['input', 'reason'], code: 'TOO_SHORT' }] });
    expect((await refused({ reason: 'x'.repeat(501) })).userErrors).toEqual([{ field: ['input', 'reason'], code: 'TOO_LONG' }]);
    expect((await refused({ until: '2020-01-01T00:00:00Z' })).userErrors).toEqual([{ field: ['input', 'until'], code: 'OUT_OF_RANGE' }]);
    expect((await as(moderator).data(UNSUSPEND, { input })).unsuspendUser.userErrors).toEqual([{ field: ['input', 'userId'], code: 'INVALID_STATE' }]);
    expect(await Promise.all([user, admin, moderator].map((u) => state(u.id)))).toEqual(before);
    expect((await as(user).data(VIEWER)).viewer).toEqual({ id: user.globalId });
    // Admins may suspend other admins.
    expect((await as(admin).data(SUSPEND, { input: { ...input, userId: otherAdmin.globalId } })).suspendUser.userErrors).toEqual([]);
    expect((await state(otherAdmin.id)).liveSessions).toBe(0);
  });
});
