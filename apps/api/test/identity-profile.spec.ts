import { CommunityFactory, ThreadFactory } from '@bottega/forum/testing';
import type { TestUser } from '@bottega/identity/testing';
import { startTestApp, type TestApp } from './support/test-app';

const PROFILE = `
  query Profile($handle: String!) {
    user(handle: $handle) { id displayName handle createdAt postCount email }
  }`;

describe('public profiles', () => {
  let t: TestApp;
  let threads: ThreadFactory;
  let communities: CommunityFactory;
  beforeAll(async () => {
    t = await startTestApp();
    threads = new ThreadFactory(t.db);
    communities = new CommunityFactory(t.db);
  });
  afterAll(() => t.close());

  /** `count` threads by `author` in a new public community: one post each. */
  const postsBy = async (author: TestUser, count: number) => {
    const { id: communityId } = await communities.create({ memberIds: [author.id] });
    for (let i = 0; i < count; i++) await threads.create({ communityId, authorId: author.id });
  };

  it('finds a user by handle, whatever its case, with the basics of their profile', async () => {
    const user = await t.users.named('Giulia Rossi').create();
    await postsBy(user, 3);

    const { user: profile } = await t.client.data(PROFILE, { handle: user.handle.toUpperCase() });
    expect(profile).toEqual({
      id: user.globalId,
      displayName: 'Giulia Rossi',
      handle: user.handle,
      createdAt: expect.any(String),
      postCount: 3,
      email: null,
    });
    expect(Date.parse(profile.createdAt)).toBeLessThanOrEqual(Date.now());
  });

  it('accepts the handle as written in a mention', async () => {
    const user = await t.users.create();
    const { user: profile } = await t.client.data(PROFILE, { handle: `@${user.handle}` });
    expect(profile.id).toBe(user.globalId);
  });

  it('answers null for a handle nobody has', async () => {
    expect(await t.client.data(PROFILE, { handle: 'nobody-has-this' })).toEqual({ user: null });
    expect(await t.client.data(PROFILE, { handle: '' })).toEqual({ user: null });
  });

  it('counts neither deleted posts nor posts in private communities', async () => {
    const user = await t.users.create();
    await postsBy(user, 2);
    const { id: privateId } = await communities.create({ visibility: 'PRIVATE', memberIds: [user.id] });
    await threads.create({ communityId: privateId, authorId: user.id });
    const { id: communityId } = await communities.create({ memberIds: [user.id] });
    const deleted = await threads.create({ communityId, authorId: user.id });
    await t.db.query(`UPDATE post SET deleted_at = now() WHERE id = $1`, [deleted.openingPostId]);

    const { user: profile } = await t.client.data(PROFILE, { handle: user.handle });
    expect(profile.postCount).toBe(2);
  });

  it('counts posts for a whole page of users in one SQL statement', async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => t.users.create()));
    for (const [index, user] of users.entries()) await postsBy(user, index % 3);
    const statements = async (ids: string[], fields: string) => {
      const response = await t.client.request(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on User { ${fields} } } }`, { ids });
      expect(response.body.errors).toBeUndefined();
      return Number(response.headers.get('x-sql-statements'));
    };
    const ids = users.map((user) => user.globalId);

    const { nodes } = await t.client.data(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on User { postCount } } }`, { ids });
    expect(nodes.map((node: { postCount: number }) => node.postCount)).toEqual([0, 1, 2, 0, 1, 2]);
    expect((await statements(ids, 'handle postCount')) - (await statements(ids, 'handle'))).toBe(1);
    expect(await statements(ids.slice(0, 2), 'handle postCount')).toBe(await statements(ids, 'handle postCount'));
  });
});
