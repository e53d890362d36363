import { CommunityFactory, ThreadFactory, type TestCommunity } from '../src/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';

const START = `
  mutation($input: StartThreadInput!) {
    startThread(input: $input) {
      thread { id kind title answered locked tags postCount participantCount openingPost { bodyHtml author { handle } } community { slug } }
      userErrors { field code }
    }
  }`;
const REPLY = `
  mutation($input: ReplyToThreadInput!) {
    replyToThread(input: $input) { post { id bodyHtml version replyTo { id } thread { postCount participantCount } } userErrors { field code } }
  }`;
const ACCEPT = `mutation($input: AcceptAnswerInput!) { acceptAnswer(input: $input) { thread { answered acceptedAnswer { id } } userErrors { field code } } }`;
const LOCK = `mutation($input: ThreadFlagInput!) { lockThread(input: $input) { thread { locked } } }`;
const PIN = `mutation($input: ThreadFlagInput!) { pinThread(input: $input) { thread { pinned } } }`;

describe('threads', () => {
  let t: TestApp;
  let communities: CommunityFactory;
  let threads: ThreadFactory;
  let coordinator: TestUser;
  let member: TestUser;
  let community: TestCommunity;
  beforeAll(async () => {
    t = await startTestApp();
    communities = new CommunityFactory(t.db);
    threads = new ThreadFactory(t.db);
    coordinator = await t.users.create();
    member = await t.users.create();
    community = await communities.create({ coordinatorId: coordinator.id, memberIds: [member.id] });
  });
  afterAll(() => t.close());

  const counts = async () =>
    (await t.db.query(`SELECT (SELECT count(*)::int FROM thread) AS threads, (SELECT count(*)::int FROM post) AS posts`))[0];

  describe('startThread', () => {
    it('asks a question with a first post, tags made into slugs and created on first use', async () => {
      const { startThread } = await t.client.as(member.accessToken).data(START, {
        input: {
          communityId: community.globalId,
          kind: 'QUESTION',
          title: '  Come coinvolgere   gli anziani soli? ',
          body: 'Cerchiamo **esperienze** di portierato sociale.',
          tags: ['Anziani soli', 'anziani-soli', 'Portierato'],
        },
      });
      expect(startThread).toEqual({
        thread: {
          id: expect.any(String),
          kind: 'QUESTION',
          title: 'Come coinvolgere gli anziani soli?',
          answered: false,
          locked: false,
          tags: ['anziani-soli', 'portierato'],
          postCount: 1,
          participantCount: 1,
          openingPost: { bodyHtml: '<p>Cerchiamo <strong>esperienze</strong> di portierato sociale.</p>\n', author: { handle: member.handle } },
          community: { slug: community.slug },
        },
        userErrors: [],
      });
    });

    it('stores only safe HTML', async () => {
      const { startThread } = await t.client.as(member.accessToken).data(START, {
        input: {
          communityId: community.globalId,
          title: 'A post that tries to run a script',
          body: '<script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)> [site](https://example.org)',
        },
      });
      const html: string = startThread.thread.openingPost.bodyHtml;
      expect(html).not.toMatch(/<script|<img|href="javascript|<[^>]*\son\w+=/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">site</a>');
    });

    it('quotes in the opening post follow the community the thread starts in', async () => {
      const inner = await communities.create({ visibility: 'MEMBERS_ONLY', coordinatorId: coordinator.id });
      const source = await threads.create({ communityId: inner.id, authorId: coordinator.id });
      const input = { title: 'Quoting a members-only post', body: `> [quote:${source.openingPostGlobalId}]\n\nAs said above.` };
      const into = async (c: TestCommunity) =>
        (await t.client.as(member.accessToken).data(START, { input: { ...input, communityId: c.globalId } })).startThread.userErrors;
      expect(await into(inner)).toEqual([]);
      expect(await into(community)).toEqual([{ field: ['input', 'body'], code: 'INVALID' }]);
    });

    it('refuses anonymous callers, outsiders of private communities, invitees who have not joined, and bad input; creates nothing', async () => {
      const secret = await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator.id, invitedIds: [member.id] });
      const outsider = await t.users.create();
      const before = await counts();
      const input = { communityId: community.globalId, title: 'A perfectly fine title', body: 'Hello' };
      expect((await t.client.error(START, { input })).code).toBe('UNAUTHENTICATED');
      expect((await t.client.as(outsider.accessToken).error(START, { input: { ...input, communityId: secret.globalId } })).code).toBe('NOT_FOUND');
      expect((await t.client.as(member.accessToken).error(START, { input: { ...input, communityId: secret.globalId } })).code).toBe('FORBIDDEN');
      expect((await t.client.as(member.accessToken).error(START, { input: { ...input, communityId: 'nope' } })).code).toBe('BAD_USER_INPUT');
      const asMember = t.client.as(member.accessToken);
      const refused = async (change: Record<string, unknown>) => (await asMember.data(START, { input: { ...input, ...change } })).startThread;
      expect((await refused({ title: 'short' })).userErrors).toEqual([{ field: ['input', 'title'], code: 'INVALID' }]);
      expect((await refused({ body: '   ' })).userErrors).toEqual([{ field: ['input', 'body'], code: 'REQUIRED' }]);
      expect((await refused({ body: 'x'.repeat(20_001) })).userErrors).toEqual([{ field: ['input', 'body'], code: 'TOO_LONG' }]);
      expect((await refused({ tags: ['a', 'b', 'c', 'd', 'e', 'f'] })).userErrors).toContainEqual({ field: ['input', 'tags'], code: 'TOO_LONG' });
      const unknownTerritory = Buffer.from('Territory:00000000-0000-4000-8000-000000000000').toString('base64url');
      expect((await asMember.error(START, { input: { ...input, territoryIds: [unknownTerritory] } })).code).toBe('NOT_FOUND');
      expect(await counts()).toEqual(before);
    });
  });

  describe('replies', () => {
    it('counts posts and participants, resolves mentions and replies within the thread', async () => {
      const thread = await threads.create({ communityId: community.id, authorId: member.id });
      const { replyToThread } = await t.client.as(coordinator.accessToken).data(REPLY, {
        input: { threadId: thread.globalId, body: `Grazie @${member.handle}!`, replyToId: thread.openingPostGlobalId },
      });
      expect(replyToThread.userErrors).toEqual([]);
      expect(replyToThread.post.thread).toEqual({ postCount: 2, participantCount: 2 });
      expect(replyToThread.post.replyTo).toEqual({ id: thread.openingPostGlobalId });
      expect(replyToThread.post.bodyHtml).toContain(`<a href="/u/${member.handle}" class="mention">@${member.handle}</a>`);
      const [mention] = await t.db.query('SELECT user_id FROM post_mention WHERE post_id = (SELECT id FROM post WHERE thread_id = $1 ORDER BY created_at DESC LIMIT 1)', [thread.id]);
      expect(mention.user_id).toBe(member.id);

      const other = await threads.create({ communityId: community.id, authorId: member.id });
      expect((await t.client.as(member.accessToken).error(REPLY, { input: { threadId: thread.globalId, body: 'x', replyToId: other.openingPostGlobalId } })).code).toBe('NOT_FOUND');
    });

    it('keeps the counters exact under concurrent replies', async () => {
      const thread = await threads.create({ communityId: community.id, authorId: member.id });
      const people = await Promise.all(Array.from({ length: 5 }, () => t.users.create()));
      const results = await Promise.all(
        people.flatMap((person) =>
          Array.from({ length: 4 }, (_, i) => t.client.as(person.accessToken).request(REPLY, { input: { threadId: thread.globalId, body: `reply ${i}` } })),
        ),
      );
      expect(results.every((r) => !r.body.errors)).toBe(true);
      const [row] = await t.db.query('SELECT post_count, participant_count FROM thread WHERE id = $1', [thread.id]);
      expect(row).toEqual({ post_count: 21, participant_count: 6 });
      expect(Number((await t.db.query('SELECT count(*) AS n FROM post WHERE thread_id = $1', [thread.id]))[0].n)).toBe(21);
    });

    it('never lets a reply slip into a thread locked at the same moment', async () => {
      for (let round = 0; round < 6; round++) {
        const thread = await threads.create({ communityId: community.id, authorId: member.id });
        const [reply] = await Promise.all([
          t.client.as(member.accessToken).request(REPLY, { input: { threadId: thread.globalId, body: 'racing the lock' } }),
          t.client.as(coordinator.accessToken).request(LOCK, { input: { threadId: thread.globalId, on: true } }),
        ]);
        const [row] = await t.db.query(
          'SELECT post_count, (SELECT count(*)::int FROM post WHERE thread_id = $1) AS posts FROM thread WHERE id = $1',
          [thread.id],
        );
        const accepted = Boolean((reply.body.data as { replyToThread?: { post: unknown } } | undefined)?.replyToThread?.post);
        if (!accepted) expect(reply.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
        expect(row).toEqual({ post_count: accepted ? 2 : 1, posts: accepted ? 2 : 1 });
      }
    });

    it('refuses replies from anonymous callers and to unknown threads, changing nothing', async () => {
      const thread = await threads.create({ communityId: community.id, authorId: member.id });
      const before = await counts();
      expect((await t.client.error(REPLY, { input: { threadId: thread.globalId, body: 'hi' } })).code).toBe('UNAUTHENTICATED');
      const unknown = Buffer.from('Thread:00000000-0000-4000-8000-000000000000').toString('base64url');
      expect((await t.client.as(member.accessToken).error(REPLY, { input: { threadId: unknown, body: 'hi' } })).code).toBe('NOT_FOUND');
      expect((await t.client.as(member.accessToken).data(REPLY, { input: { threadId: thread.globalId, body: '' } })).replyToThread.userErrors).toEqual([
        { field: ['input', 'body'], code: 'REQUIRED' },
      ]);
      expect(await counts()).toEqual(before);
    });
  });

  describe('answers, locks and pins', () => {
    it('lets the asker accept one answer, and change it; others may not', async () => {
      const replier = await t.users.create();
      const thread = await threads.create({
        communityId: community.id,
        authorId: member.id,
        kind: 'QUESTION',
        replies: [{ authorId: replier.id }, { authorId: coordinator.id }],
      });
      const { thread: loaded } = await t.client.data(`query($id: ID!) { thread: node(id: $id) { ... on Thread { posts { nodes { id } } } } }`, { id: thread.globalId });
      const [, first, second] = loaded.posts.nodes.map((n: { id: string }) => n.id);
      expect((await t.client.as(replier.accessToken).error(ACCEPT, { input: { postId: first } })).code).toBe('FORBIDDEN');
      const asAsker = t.client.as(member.accessToken);
      expect((await asAsker.data(ACCEPT, { input: { postId: first } })).acceptAnswer.thread).toEqual({ answered: true, acceptedAnswer: { id: first } });
      expect((await asAsker.data(ACCEPT, { input: { postId: second } })).acceptAnswer.thread.acceptedAnswer).toEqual({ id: second });
      expect((await asAsker.data(ACCEPT, { input: { postId: thread.openingPostGlobalId } })).acceptAnswer.userErrors).toEqual([
        { field: ['input', 'postId'], code: 'INVALID_STATE' },
      ]);
      const discussion = await threads.create({ communityId: community.id, authorId: member.id, replies: [{ authorId: replier.id }] });
      const { thread: d } = await t.client.data(`query($id: ID!) { thread: node(id: $id) { ... on Thread { posts { nodes { id } } } } }`, { id: discussion.globalId });
      expect((await asAsker.error(ACCEPT, { input: { postId: d.posts.nodes[1].id } })).code).toBe('FORBIDDEN');
    });

    it('lets coordinators lock and pin; pinned threads lead their community; members may not', async () => {
      const thread = await threads.create({ communityId: community.id, authorId: member.id, title: 'An old thread to pin on top' });
      await threads.create({ communityId: community.id, authorId: member.id });
      expect((await t.client.as(member.accessToken).error(PIN, { input: { threadId: thread.globalId } })).code).toBe('FORBIDDEN');
      expect((await t.client.as(coordinator.accessToken).data(PIN, { input: { threadId: thread.globalId } })).pinThread.thread).toEqual({ pinned: true });
      const { threads: list } = await t.client.data(`query($c: ID!) { threads(first: 2, filter: { community: $c }) { nodes { title pinned } } }`, { c: community.globalId });
      expect(list.nodes[0]).toEqual({ title: 'An old thread to pin on top', pinned: true });
      expect((await t.client.as(coordinator.accessToken).data(LOCK, { input: { threadId: thread.globalId } })).lockThread.thread).toEqual({ locked: true });
      expect((await t.client.as(member.accessToken).error(REPLY, { input: { threadId: thread.globalId, body: 'late' } })).code).toBe('FORBIDDEN');
    });

    it('finds unanswered questions', async () => {
      const place = await communities.create({ coordinatorId: coordinator.id });
      await threads.create({ communityId: place.id, authorId: member.id, kind: 'QUESTION', title: 'Unanswered question here' });
      const answered = await threads.create({ communityId: place.id, authorId: member.id, kind: 'QUESTION', replies: [{ authorId: coordinator.id }] });
      await t.db.query(`UPDATE thread SET accepted_post_id = (SELECT id FROM post WHERE thread_id = $1 ORDER BY created_at DESC LIMIT 1) WHERE id = $1`, [answered.id]);
      const { threads: open } = await t.client.data(
        `query($c: ID!) { threads(filter: { community: $c, kind: QUESTION, answered: false }) { totalCount nodes { title } } }`,
        { c: place.globalId },
      );
      expect(open).toEqual({ totalCount: 1, nodes: [{ title: 'Unanswered question here' }] });
    });
  });

  it('loads a thread page with a constant number of SQL statements, however many posts', async () => {
    const people = await Promise.all(Array.from({ length: 4 }, () => t.users.create()));
    const page = `query($id: ID!, $first: Int!) {
      node(id: $id) { ... on Thread {
        title tags answered locked viewerCanReply community { name viewerRole }
        posts(first: $first) { totalCount nodes { bodyHtml author { displayName } reactions { kind count viewerHasReacted } viewerCanEdit viewerCanDelete } }
      } }
    }`;
    const statements = async (replies: number) => {
      const thread = await threads.create({
        communityId: community.id,
        authorId: member.id,
        replies: Array.from({ length: replies }, (_, i) => ({ authorId: people[i % 4]!.id })),
      });
      await t.db.query(`INSERT INTO post_reaction (post_id, user_id, kind) SELECT id, $2, 'LIKE' FROM post WHERE thread_id = $1`, [thread.id, member.id]);
      const response = await t.client.as(member.accessToken).request<{ node: { posts: { nodes: unknown[] } } }>(page, { id: thread.globalId, first: replies + 1 });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.node.posts.nodes).toHaveLength(replies + 1);
      return Number(response.headers.get('x-sql-statements'));
    };
    // The viewer's session is read with their first request, then remembered: count after it.
    await statements(1);
    const small = await statements(4);
    const large = await statements(49);
    // The thread with its community; the posts with their authors and reactions.
    expect(small).toBe(2);
    expect(large).toBe(small);
  });

  it('reads the posts\' Markdown source with the page when the page shows it, and answers it the same either way', async () => {
    const thread = await threads.create({
      communityId: community.id,
      authorId: member.id,
      replies: [{ authorId: member.id, body: 'A _reply_' }],
    });
    const page = (fields: string) => `query($id: ID!) { node(id: $id) { ... on Thread { posts(first: 5) { nodes { ${fields} } } } } }`;
    const read = async (fields: string) => {
      const response = await t.client.as(member.accessToken).request<{ node: { posts: { nodes: Record<string, unknown>[] } } }>(page(fields), { id: thread.globalId });
      expect(response.body.errors).toBeUndefined();
      return { nodes: response.body.data!.node.posts.nodes, statements: Number(response.headers.get('x-sql-statements')) };
    };
    await read('id');
    const withSource = await read('bodyHtml bodySource');
    expect(withSource.nodes).toEqual([
      { bodyHtml: '<p>Opening post</p>\n', bodySource: 'Opening post' },
      { bodyHtml: '<p>A <em>reply</em></p>\n', bodySource: 'A _reply_' },
    ]);
    // Through edges and fragments too, in the page's own statements.
    const throughFragment = await t.client.as(member.accessToken).request<{ node: { posts: { edges: { node: { bodySource: string } }[] } } }>(
      `query($id: ID!) { node(id: $id) { ... on Thread { posts(first: 5) { edges { node { ...source } } } } } } fragment source on Post { bodySource }`,
      { id: thread.globalId },
    );
    expect(throughFragment.body.data?.node.posts.edges.map((edge) => edge.node.bodySource)).toEqual(['Opening post', 'A _reply_']);
    const withoutSource = await read('bodyHtml');
    expect(withoutSource.nodes.map((node) => node['bodyHtml'])).toEqual(withSource.nodes.map((node) => node['bodyHtml']));
    expect(withSource.statements).toBe(withoutSource.statements);
  });

  it('loads a community\'s thread list with its authors and tags in one statement, however many threads and authors', async () => {
    const list = `query($c: ID!, $first: Int!) {
      threads(first: $first, filter: { community: $c }) { totalCount nodes { title tags postCount author { displayName handle } } }
    }`;
    const place = await communities.create({ coordinatorId: coordinator.id });
    const authors = await Promise.all(Array.from({ length: 6 }, () => t.users.create()));
    for (const [i, author] of authors.entries()) {
      const thread = await threads.create({ communityId: place.id, authorId: author.id, title: `Thread number ${i}` });
      await t.db.query(
        `WITH g AS (INSERT INTO tag (slug) VALUES ($2) ON CONFLICT (slug) DO UPDATE SET slug = excluded.slug RETURNING id)
          INSERT INTO thread_tag (thread_id, tag_id) SELECT $1, id FROM g`,
        [thread.id, `list-tag-${i}`],
      );
    }
    const statements = async (first: number) => {
      const response = await t.client.request<{ threads: { nodes: { author: { handle: string } }[] } }>(list, { c: place.globalId, first });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.threads.nodes).toHaveLength(first);
      return { count: Number(response.headers.get('x-sql-statements')), authors: response.body.data!.threads.nodes.map((node) => node.author.handle) };
    };
    const small = await statements(2);
    const large = await statements(6);
    expect(large.authors.sort()).toEqual(authors.map((author) => author.handle).sort());
    // The page with its count, each thread's tags and each author.
    expect(small.count).toBe(1);
    expect(large.count).toBe(1);
  });
});
