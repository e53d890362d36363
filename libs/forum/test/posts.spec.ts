import { CommunityFactory, ThreadFactory, type TestThread } from '../src/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';

const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { post { version bodyHtml editedAt revisions { version bodySource } } userErrors { field code } } }`;
const DELETE = `mutation($input: DeletePostInput!) { deletePost(input: $input) { post { deleted bodyHtml bodySource thread { postCount } } userErrors { field code } } }`;
const REACT = `mutation($input: ReactInput!) { react(input: $input) { post { reactions { kind count viewerHasReacted } } userErrors { field code } } }`;
const POST = `query($id: ID!) { node(id: $id) { ... on Post { version bodySource deleted viewerCanEdit viewerCanDelete } } }`;

describe('posts', () => {
  let t: TestApp;
  let threads: ThreadFactory;
  let author: TestUser;
  let coordinator: TestUser;
  let stranger: TestUser;
  let communityId: string;
  beforeAll(async () => {
    t = await startTestApp();
    threads = new ThreadFactory(t.db);
    [author, coordinator, stranger] = await Promise.all([t.users.create(), t.users.create(), t.users.create()]);
    communityId = (await new CommunityFactory(t.db).create({ coordinatorId: coordinator.id, memberIds: [author.id] })).id;
  });
  afterAll(() => t.close());

  const freshThread = (): Promise<TestThread> => threads.create({ communityId, authorId: author.id });
  const body = async (postId: string) => (await t.db.query('SELECT body_source, version FROM post WHERE id = $1', [postId]))[0];

  describe('editPost', () => {
    it('replaces the body, bumps the version and keeps every revision', async () => {
      const thread = await freshThread();
      const asAuthor = t.client.as(author.accessToken);
      const first = await asAuthor.data(EDIT, { input: { postId: thread.openingPostGlobalId, body: 'Second *draft*', version: 1 } });
      expect(first.editPost.post).toMatchObject({ version: 2, bodyHtml: '<p>Second <em>draft</em></p>\n', editedAt: expect.any(String) });
      const second = await asAuthor.data(EDIT, { input: { postId: thread.openingPostGlobalId, body: 'Third', version: 2 } });
      expect(second.editPost.post.revisions).toEqual([
        { version: 3, bodySource: 'Third' },
        { version: 2, bodySource: 'Second *draft*' },
        { version: 1, bodySource: 'Opening post' },
      ]);
    });

    it('refuses a stale version as a CONFLICT and keeps the newer text', async () => {
      const thread = await freshThread();
      const asAuthor = t.client.as(author.accessToken);
      await asAuthor.data(EDIT, { input: { postId: thread.openingPostGlobalId, body: 'Edited elsewhere', version: 1 } });
      const stale = await asAuthor.data(EDIT, { input: { postId: thread.openingPostGlobalId, body: 'Overwrite attempt', version: 1 } });
      expect(stale.editPost).toEqual({ post: null, userErrors: [{ field: ['input', 'version'], code: 'CONFLICT' }] });
      expect(await body(thread.openingPostId)).toEqual({ body_source: 'Edited elsewhere', version: 2 });
    });

    it('lets exactly one of two concurrent edits from the same version win', async () => {
      const thread = await freshThread();
      const asAuthor = t.client.as(author.accessToken);
      const results = await Promise.all(
        ['Edit A', 'Edit B'].map((text) => asAuthor.data(EDIT, { input: { postId: thread.openingPostGlobalId, body: text, version: 1 } })),
      );
      const winners = results.filter((r) => r.editPost.post);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => r.editPost.userErrors[0]?.code === 'CONFLICT')).toHaveLength(1);
      expect((await body(thread.openingPostId)).version).toBe(2);
    });

    it('refuses others, anonymous callers, unknown posts and empty bodies, changing nothing', async () => {
      const thread = await freshThread();
      const input = { postId: thread.openingPostGlobalId, body: 'Hijack', version: 1 };
      expect((await t.client.error(EDIT, { input })).code).toBe('UNAUTHENTICATED');
      expect((await t.client.as(coordinator.accessToken).error(EDIT, { input })).code).toBe('FORBIDDEN');
      const unknown = Buffer.from('Post:00000000-0000-4000-8000-000000000000').toString('base64url');
      expect((await t.client.as(author.accessToken).error(EDIT, { input: { ...input, postId: unknown } })).code).toBe('NOT_FOUND');
      expect((await t.client.as(author.accessToken).data(EDIT, { input: { ...input, body: ' ' } })).editPost.userErrors).toEqual([
        { field: ['input', 'body'], code: 'REQUIRED' },
      ]);
      expect(await body(thread.openingPostId)).toEqual({ body_source: 'Opening post', version: 1 });
      const { node } = await t.client.as(coordinator.accessToken).data(POST, { id: thread.openingPostGlobalId });
      expect(node).toMatchObject({ viewerCanEdit: false, viewerCanDelete: true });
    });
  });

  describe('deletePost', () => {
    it('leaves a placeholder and uncounts the post; coordinators may delete, strangers may not', async () => {
      const thread = await threads.create({ communityId, authorId: author.id, replies: [{ authorId: author.id }, { authorId: author.id }] });
      const { thread: loaded } = await t.client.data(`query($id: ID!) { thread: node(id: $id) { ... on Thread { posts { nodes { id } } } } }`, { id: thread.globalId });
      const replyId: string = loaded.posts.nodes[1].id;
      expect((await t.client.as(stranger.accessToken).error(DELETE, { input: { postId: replyId } })).code).toBe('FORBIDDEN');
      const { deletePost } = await t.client.as(coordinator.accessToken).data(DELETE, { input: { postId: replyId } });
      expect(deletePost).toEqual({ post: { deleted: true, bodyHtml: null, bodySource: null, thread: { postCount: 2 } }, userErrors: [] });
      const again = await t.client.as(author.accessToken).data(DELETE, { input: { postId: replyId } });
      expect(again.deletePost.userErrors).toEqual([{ field: ['input', 'postId'], code: 'INVALID_STATE' }]);
      const [row] = await t.db.query('SELECT post_count FROM thread WHERE id = $1', [thread.id]);
      expect(row.post_count).toBe(2);
      expect((await t.client.as(author.accessToken).error(EDIT, { input: { postId: replyId, body: 'back', version: 1 } })).code).toBe('FORBIDDEN');
    });
  });

  describe('quotes', () => {
    const REPLY = `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { bodyHtml bodySource } userErrors { field code } } }`;
    const SPID = 'Il martedì apriamo la sala civica a chi vuole imparare a usare lo SPID con i volontari del quartiere.';
    const postIdOf = async (thread: TestThread, index: number): Promise<string> =>
      (await t.client.as(author.accessToken).data(`query($id: ID!) { node(id: $id) { ... on Thread { posts { nodes { id } } } } }`, { id: thread.globalId }))
        .node.posts.nodes[index].id;
    const reply = (threadId: string, body: string) => t.client.as(author.accessToken).data(REPLY, { input: { threadId, body } });

    it('names the quoted author, links the post and copies its opening words when the quote has none', async () => {
      const chiara = await t.users.named('Chiara Colombo').create();
      const quotedThread = await threads.create({ communityId, authorId: chiara.id, replies: [{ authorId: chiara.id, body: SPID }] });
      const quoted = await postIdOf(quotedThread, 1);
      const here = await freshThread();
      const { replyToThread } = await reply(here.globalId, `> [quote:${quoted}]\n\nGrazie, lo proviamo anche noi.`);
      expect(replyToThread).toEqual({
        post: {
          bodySource: `> [quote:${quoted}]\n> ${SPID}\n\nGrazie, lo proviamo anche noi.`,
          bodyHtml:
            `<blockquote class="quote" data-post="${quoted}">\n<p class="quote-source"><a href="/p/${quoted}">Chiara Colombo</a></p>\n` +
            `<p>${SPID}</p>\n</blockquote>\n<p>Grazie, lo proviamo anche noi.</p>\n`,
        },
        userErrors: [],
      });
      const chosen = await reply(here.globalId, `> [quote:${quoted}]\n> lo SPID\n\nAnche da noi.`);
      expect(chosen.replyToThread.post.bodyHtml).toBe(
        `<blockquote class="quote" data-post="${quoted}">\n<p class="quote-source"><a href="/p/${quoted}">Chiara Colombo</a></p>\n` +
          '<p>lo SPID</p>\n</blockquote>\n<p>Anche da noi.</p>\n',
      );
      expect(chosen.replyToThread.post.bodyHtml).not.toMatch(/quoted post/i);
    });

    it('never copies a post where someone who may not read it would see it, and refuses what it cannot quote', async () => {
      const communities = new CommunityFactory(t.db);
      const secret = await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator.id, memberIds: [author.id] });
      const signedIn = await communities.create({ visibility: 'MEMBERS_ONLY', coordinatorId: coordinator.id, memberIds: [author.id] });
      const secretThread = await threads.create({ communityId: secret.id, authorId: coordinator.id, replies: [{ authorId: coordinator.id, body: 'Budget riservato del laboratorio' }] });
      const signedInThread = await threads.create({ communityId: signedIn.id, authorId: coordinator.id, replies: [{ authorId: coordinator.id, body: 'Solo per chi ha un account' }] });
      const [secretPost, signedInPost] = await Promise.all([postIdOf(secretThread, 1), postIdOf(signedInThread, 1)]);
      const gone = await threads.create({ communityId, authorId: coordinator.id, replies: [{ authorId: coordinator.id }, { authorId: coordinator.id }] });
      const [hiddenPost, deletedPost] = await Promise.all([postIdOf(gone, 1), postIdOf(gone, 2)]);
      await t.db.query(`UPDATE post SET hidden_at = now() WHERE id = (SELECT id FROM post WHERE thread_id = $1 ORDER BY created_at OFFSET 1 LIMIT 1)`, [gone.id]);
      await t.db.query(`UPDATE post SET deleted_at = now() WHERE id = (SELECT id FROM post WHERE thread_id = $1 ORDER BY created_at OFFSET 2 LIMIT 1)`, [gone.id]);
      const outsiderOnly = await threads.create({ communityId: (await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator.id })).id, authorId: coordinator.id });
      const here = await freshThread();
      const posts = async () => Number((await t.db.query(`SELECT count(*) FROM post`))[0].count);
      const before = await posts();
      const unknown = Buffer.from('Post:00000000-0000-4000-8000-000000000000').toString('base64url');
      for (const id of [secretPost, signedInPost, hiddenPost, deletedPost, outsiderOnly.openingPostGlobalId, unknown, here.globalId, 'abc']) {
        expect((await reply(here.globalId, `> [quote:${id}]\n\nVisto?`)).replyToThread).toEqual({
          post: null,
          userErrors: [{ field: ['input', 'body'], code: 'INVALID' }],
        });
      }
      const edit = await t.client.as(author.accessToken).data(EDIT, { input: { postId: here.openingPostGlobalId, body: `> [quote:${secretPost}]`, version: 1 } });
      expect(edit.editPost.userErrors).toEqual([{ field: ['input', 'body'], code: 'INVALID' }]);
      expect(await posts()).toBe(before);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM post WHERE body_html LIKE '%Budget riservato%'`);
      expect(n).toBe(1);
      // Inside the private community, and from a members-only one into it, the readers are the same or fewer.
      const inside = await threads.create({ communityId: secret.id, authorId: author.id });
      for (const id of [secretPost, signedInPost]) {
        expect((await reply(inside.globalId, `> [quote:${id}]`)).replyToThread.userErrors).toEqual([]);
      }
    });
  });

  describe('react', () => {
    it('counts one reaction per person per kind, shows the viewer’s own, and takes it back', async () => {
      const thread = await freshThread();
      const input = { postId: thread.openingPostGlobalId, kind: 'HELPFUL' };
      const summary = (data: any) => data.react.post.reactions.find((r: { kind: string }) => r.kind === 'HELPFUL');
      const asStranger = t.client.as(stranger.accessToken);
      expect(summary(await asStranger.data(REACT, { input }))).toEqual({ kind: 'HELPFUL', count: 1, viewerHasReacted: true });
      expect((await asStranger.data(REACT, { input })).react).toEqual({ post: null, userErrors: [{ field: ['input', 'kind'], code: 'TAKEN' }] });
      expect(summary(await t.client.as(author.accessToken).data(REACT, { input: { ...input, kind: 'HELPFUL' } }))).toEqual({
        kind: 'HELPFUL',
        count: 2,
        viewerHasReacted: true,
      });
      expect(summary(await asStranger.data(REACT, { input: { ...input, on: false } }))).toEqual({ kind: 'HELPFUL', count: 1, viewerHasReacted: false });
      expect((await asStranger.data(REACT, { input: { ...input, on: false } })).react.userErrors).toEqual([{ field: ['input', 'kind'], code: 'INVALID_STATE' }]);
      const [row] = await t.db.query(`SELECT count(*)::int AS n FROM post_reaction WHERE post_id = $1`, [thread.openingPostId]);
      expect(row.n).toBe(1);
      expect((await t.client.error(REACT, { input })).code).toBe('UNAUTHENTICATED');
      const { body: bad } = await asStranger.request(REACT, { input: { ...input, kind: 'ANGRY' } });
      expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    });

    it('keeps counts exact under concurrent reactions', async () => {
      const thread = await freshThread();
      const people = await Promise.all(Array.from({ length: 8 }, () => t.users.create()));
      await Promise.all(
        people.flatMap((person) =>
          ['LIKE', 'LIKE', 'THANKS'].map((kind) => t.client.as(person.accessToken).request(REACT, { input: { postId: thread.openingPostGlobalId, kind } })),
        ),
      );
      const rows = await t.db.query(`SELECT kind, count(*)::int AS n FROM post_reaction WHERE post_id = $1 GROUP BY kind ORDER BY kind`, [thread.openingPostId]);
      expect(rows).toEqual([{ kind: 'LIKE', n: 8 }, { kind: 'THANKS', n: 8 }]);
    });
  });
});
