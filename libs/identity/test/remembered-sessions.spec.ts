import { Client } from 'pg';
import { AccountChanges, PgPubSub } from '@bottega/core';
import { startTestApp, until, type TestApp } from '@bottega/testing';
import { UserFactory, type TestUser } from '../src/testing';

const VIEWER = `{ viewer { id role } }`;
const LOGOUT = `mutation { logout { loggedOut userErrors { code } } }`;

/**
 * A live session, with its account's principals, is read once and then
 * remembered by the process: forgotten the moment anything about the account
 * changes, in this process or another, and never trusted while other
 * processes' changes cannot be heard.
 */
describe('remembered sessions', () => {
  let t: TestApp;
  let users: UserFactory;
  /** Another process: a connection of its own, not the app's pool. */
  let elsewhere: Client;
  beforeAll(async () => {
    t = await startTestApp({ EXPOSE_SQL_STATEMENT_COUNT: 'true' });
    users = new UserFactory(t.app);
    elsewhere = new Client({ connectionString: t.databaseUrl });
    await elsewhere.connect();
  });
  afterAll(async () => {
    await elsewhere.end();
    await t.close();
  });

  /** The viewer the API sees for `user`'s token (null when refused), and the statements it took. */
  const viewer = async (user: TestUser) => {
    const response = await t.client.as(user.accessToken).request<{ viewer: { id: string; role: string } | null }>(VIEWER);
    return { viewer: response.body.data?.viewer ?? null, statements: Number(response.headers.get('x-sql-statements')) };
  };

  it('reads a session once, then answers from memory', async () => {
    const user = await users.create();
    expect(await viewer(user)).toEqual({ viewer: expect.objectContaining({ role: 'USER' }), statements: 2 });
    // The session statement is gone; the account itself is still read for the answer.
    expect(await viewer(user)).toEqual({ viewer: expect.objectContaining({ role: 'USER' }), statements: 1 });
  });

  it('forgets a session ended in this process before the request that ended it answers', async () => {
    const user = await users.create();
    await viewer(user);
    const { logout } = await t.client.as(user.accessToken).data<{ logout: { loggedOut: boolean } }>(LOGOUT);
    expect(logout.loggedOut).toBe(true);
    // No waiting: the very next request is refused.
    expect((await viewer(user)).viewer).toBeNull();
  });

  it("hears its own pool's changes when their transaction ends, before the statement that ends it returns", async () => {
    const user = await users.create();
    const heard: (readonly string[] | null)[] = [];
    const stop = t.app.get(AccountChanges).on((accounts) => heard.push(accounts));
    const runner = t.db.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      await runner.query(`UPDATE app_user SET role = 'MODERATOR' WHERE id = $1`, [user.id]);
      expect(heard).toEqual([]);
      // Undone: no notification will ever come, so this can only be the connection's own notice.
      await runner.rollbackTransaction();
      expect(heard).toEqual([[user.id]]);

      await runner.startTransaction();
      await runner.query(`UPDATE auth_session SET revoked_at = now() WHERE user_id = $1`, [user.id]);
      await runner.query(`UPDATE app_user SET display_name = 'Altro nome' WHERE id = $1`, [user.id]);
      expect(heard).toHaveLength(1);
      await runner.commitTransaction();
      expect(heard[1]).toEqual([user.id]);
    } finally {
      stop();
      await runner.release();
    }
  });

  it('forgets what another process changes once its notification arrives', async () => {
    const user = await users.create();
    await viewer(user);
    await elsewhere.query(`UPDATE app_user SET role = 'MODERATOR' WHERE id = $1`, [user.id]);
    await until(async () => (await viewer(user)).viewer?.role === 'MODERATOR', 'the new role to be seen');
    await elsewhere.query(`UPDATE auth_session SET revoked_at = now() WHERE user_id = $1`, [user.id]);
    await until(async () => (await viewer(user)).viewer === null, 'the ended session to be refused');
  });

  it('trusts nothing remembered while other processes cannot be heard', async () => {
    const user = await users.create();
    await viewer(user);
    const pubsub = t.app.get(PgPubSub);
    await elsewhere.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'bottega-pubsub' AND datname = current_database()`);
    await until(() => !pubsub.listening, 'the pub/sub connection to drop');
    // Ended while nobody listens: the notification is lost, and yet the next request is refused.
    await elsewhere.query(`UPDATE auth_session SET revoked_at = now() WHERE user_id = $1`, [user.id]);
    expect((await viewer(user)).viewer).toBeNull();
    await until(() => pubsub.listening, 'the pub/sub to reconnect');

    const other = await users.create();
    expect((await viewer(other)).statements).toBe(2);
    expect((await viewer(other)).statements).toBe(1);
  });
});
