import { Client } from 'pg';
import { AccessDirectory } from '@bottega/core';
import { UserFactory } from '@bottega/identity/testing';
import { startTestApp, until, type TestApp } from '@bottega/testing';

/**
 * Each process remembers accounts' sessions and principals: every table they
 * are read from must tell when it changes, whichever library owns it.
 */
describe('account changes', () => {
  let t: TestApp;
  let users: UserFactory;
  /** Another process: a connection of its own, not the app's pool. */
  let elsewhere: Client;
  beforeAll(async () => {
    t = await startTestApp();
    users = new UserFactory(t.app);
    elsewhere = new Client({ connectionString: t.databaseUrl });
    await elsewhere.connect();
  });
  afterAll(async () => {
    await elsewhere.end();
    await t.close();
  });

  it('every table principals are read from tells when it changes', async () => {
    const sources = t.app.get(AccessDirectory).sql();
    const tables = new Set(['app_user', 'auth_session', ...[...sources.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)\s+[a-z]\b/g)].map((match) => match[1]!)]);
    expect(tables).toEqual(new Set(['app_user', 'auth_session', 'community_membership', 'community_invitation', 'practice_author']));
    const triggered: { table: string }[] = await t.db.query(
      `SELECT DISTINCT c.relname AS table FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_proc p ON p.oid = g.tgfoid
        WHERE p.proname = 'bottega_account_changed' AND NOT g.tgisinternal AND g.tgenabled <> 'D'`,
    );
    expect(new Set(triggered.map((row) => row.table))).toEqual(tables);
  });

  it('forgets principals that another process changes: a membership granted and withdrawn', async () => {
    const user = await users.create();
    const community = await createPrivateCommunity();
    const directory = t.app.get(AccessDirectory);
    const held = async () => {
      // The access layer reads the principals remembered with the session.
      const response = await t.client.as(user.accessToken).request<{ node: { name: string } | null }>(
        `query($id: ID!) { node(id: $id) { ... on Community { name } } }`,
        { id: Buffer.from(`Community:${community}`).toString('base64url') },
      );
      return response.body.data?.node?.name ?? null;
    };
    expect(await held()).toBeNull();
    await elsewhere.query(`INSERT INTO community_membership (community_id, user_id, role) VALUES ($1, $2, 'MEMBER')`, [community, user.id]);
    await until(async () => (await held()) === 'Riservata', 'the membership to count');
    expect((await directory.forUsers(t.db.manager, [user.id])).get(user.id)?.holds('member', community)).toBe(true);
    await elsewhere.query(`DELETE FROM community_membership WHERE community_id = $1 AND user_id = $2`, [community, user.id]);
    await until(async () => (await held()) === null, 'the withdrawn membership to stop counting');
  });

  async function createPrivateCommunity(): Promise<string> {
    const [row] = await t.db.query(
      `INSERT INTO community (slug, name, description, kind, visibility) VALUES ($1, 'Riservata', '', 'THEMATIC', 'PRIVATE') RETURNING id`,
      [`riservata-${Date.now().toString(36)}`],
    );
    return row.id;
  }
});
