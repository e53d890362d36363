import { CommunityFactory, ThreadFactory, type TestCommunity, type TestThread } from '../src/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { unknownId } from '@bottega/testing';

const FLAG = `mutation($input: FlagContentInput!) { flagContent(input: $input) { flag { reason note resolved } userErrors { field code } } }`;
const MODERATE = `mutation($input: ModerateInput!) { moderate(input: $input) {
  content { __typename ... on Post { hidden deleted } ... on Thread { hidden locked postCount } } userErrors { field code } } }`;
const QUEUE = `query($filter: ModerationQueueFilter) { moderationQueue(first: 50, filter: $filter) { totalCount nodes {
  status flagCount pendingFlagCount hidden resolution reasons { reason count } latestFlags { reason note flagger { id } }
  content { ... on Post { id } ... on Thread { id } } } } }`;
const WEIGHTED_QUEUE = `query($filter: ModerationQueueFilter) { moderationQueue(first: 50, filter: $filter) { nodes {
  status pendingFlagCount pendingFlagWeight hidden latestFlags { weight } content { ... on Post { id } ... on Thread { id } } } } }`;
const AUDIT = `query($subject: ID, $actor: ID) { auditLog(first: 50, filter: { subject: $subject, actor: $actor }) {
  nodes { action reason actor { id } subject { id } metadata } } }`;
const POST = `query($id: ID!) { node(id: $id) { ... on Post { hidden bodyHtml bodySource revisions { version } viewerCanFlag viewerCanModerate } } }`;
const THREAD_PAGE = `query($c: ID!, $t: ID!) {
  threads(filter: { community: $c }, first: 100) { nodes { id } }
  node(id: $t) { ... on Thread { id hidden posts { nodes { id hidden bodyHtml } } } } }`;


describe('moderation', () => {
  let t: TestApp;
  let threads: ThreadFactory;
  let [admin, moderator, coordinator, otherCoordinator, author, reader]: TestUser[] = [];
  let community: TestCommunity;
  let otherCommunity: TestCommunity;
  beforeAll(async () => {
    t = await startTestApp({ FLAG_AUTO_HIDE_THRESHOLD: '3', NEW_ACCOUNT_POSTS_PER_HOUR: '3' });
    threads = new ThreadFactory(t.db);
    [admin, moderator, coordinator, otherCoordinator, author, reader] = await Promise.all([
      t.users.admin().create(),
      t.users.moderator().create(),
      ...Array.from({ length: 4 }, () => t.users.create()),
    ]);
    const communities = new CommunityFactory(t.db);
    community = await communities.create({ coordinatorId: coordinator.id, memberIds: [author.id] });
    otherCommunity = await communities.create({ coordinatorId: otherCoordinator.id });
  });
  afterAll(() => t.close());

  const as = (user: TestUser | null) => t.client.as(user?.accessToken ?? null);
  const withReply = (): Promise<TestThread> =>
    threads.create({ communityId: community.id, authorId: author.id, replies: [{ authorId: reader.id, body: 'A reply' }] });
  const replyOf = async (thread: TestThread) =>
    (await t.client.data(`query($id: ID!) { node(id: $id) { ... on Thread { posts { nodes { id } } } } }`, { id: thread.globalId })).node.posts
      .nodes[1].id as string;
  const state = async () =>
    (
      await t.db.query(`SELECT (SELECT count(*)::int FROM content_flag) AS flags, (SELECT count(*)::int FROM audit_log) AS audit,
        (SELECT count(*)::int FROM content_flag WHERE resolved_at IS NULL) AS pending,
        (SELECT count(*)::int FROM post WHERE hidden_at IS NOT NULL OR deleted_at IS NOT NULL) AS posts,
        (SELECT count(*)::int FROM thread WHERE hidden_at IS NOT NULL OR locked_at IS NOT NULL) AS threads,
        (SELECT count(*)::int FROM app_user WHERE suspended_at IS NOT NULL) AS suspended`)
    )[0];
  const code = (result: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) => result.body.errors?.[0]?.extensions?.['code'];
  /** Accounts past the new-account days that have written something: their flags count. */
  const established = async (count: number): Promise<TestUser[]> => {
    const users = await Promise.all(Array.from({ length: count }, () => t.users.create()));
    for (const user of users) {
      await t.db.query(`UPDATE app_user SET created_at = now() - interval '30 days' WHERE id = $1`, [user.id]);
      await threads.create({ communityId: otherCommunity.id, authorId: user.id });
    }
    return users;
  };
  const isHidden = async (table: 'post' | 'thread', id: string): Promise<boolean> =>
    (await t.db.query(`SELECT hidden_at IS NOT NULL AS hidden FROM ${table} WHERE id = $1`, [id]))[0].hidden;

  describe('flagContent', () => {
    it('records one flag per person, never on one’s own content', async () => {
      const thread = await withReply();
      const input = { subjectId: thread.openingPostGlobalId, reason: 'SPAM', note: '  Link a un sito di scommesse  ' };
      expect((await as(reader).data(FLAG, { input })).flagContent).toEqual({
        flag: { reason: 'SPAM', note: 'Link a un sito di scommesse', resolved: false },
        userErrors: [],
      });
      expect((await as(reader).data(FLAG, { input: { ...input, reason: 'OTHER' } })).flagContent.userErrors).toEqual([
        { field: ['input', 'subjectId'], code: 'TAKEN' },
      ]);
      expect((await as(author).data(FLAG, { input })).flagContent.userErrors).toEqual([{ field: ['input', 'subjectId'], code: 'INVALID' }]);
      expect((await as(author).data(POST, { id: thread.openingPostGlobalId })).node).toMatchObject({ viewerCanFlag: false });
      expect((await as(reader).data(POST, { id: thread.openingPostGlobalId })).node).toMatchObject({ viewerCanFlag: true });
      const rows = await t.db.query(`SELECT f.flagger_id FROM content_flag f JOIN moderation_case c ON c.id = f.case_id WHERE c.subject_type = 'Post' AND c.subject_id = $1`, [
        thread.openingPostId,
      ]);
      expect(rows).toEqual([{ flagger_id: reader.id }]);
    });

    it('refuses anonymous callers, unreadable, unknown and malformed ids and bad input, changing nothing', async () => {
      const secret = await new CommunityFactory(t.db).create({ visibility: 'PRIVATE', coordinatorId: coordinator.id });
      const hiddenAway = await threads.create({ communityId: secret.id, authorId: coordinator.id });
      const thread = await withReply();
      const before = await state();
      const input = { subjectId: thread.globalId, reason: 'OFFENSIVE' };
      expect((await t.client.error(FLAG, { input })).code).toBe('UNAUTHENTICATED');
      for (const subjectId of [hiddenAway.globalId, unknownId('Post'), unknownId('Thread')]) {
        expect((await as(reader).error(FLAG, { input: { ...input, subjectId } })).code).toBe('NOT_FOUND');
      }
      for (const subjectId of ['nope', community.globalId]) {
        expect((await as(reader).error(FLAG, { input: { ...input, subjectId } })).code).toBe('BAD_USER_INPUT');
      }
      expect(code(await as(reader).request(FLAG, { input: { ...input, reason: 'UGLY' } }))).toBe('BAD_USER_INPUT');
      expect((await as(reader).data(FLAG, { input: { ...input, note: 'x'.repeat(501) } })).flagContent.userErrors).toEqual([
        { field: ['input', 'note'], code: 'TOO_LONG' },
      ]);
      expect(await state()).toEqual(before);
    });

    it('hides an item exactly once when concurrent flags reach the threshold', async () => {
      const thread = await withReply();
      const flaggers = await established(6);
      const results = await Promise.all(
        flaggers.map((user) => as(user).request(FLAG, { input: { subjectId: thread.openingPostGlobalId, reason: 'SPAM' } })),
      );
      expect(results.map((r) => r.body.errors ?? (r.body.data as any).flagContent.userErrors)).toEqual(Array(6).fill([]));
      const [post] = await t.db.query(`SELECT hidden_at IS NOT NULL AS hidden FROM post WHERE id = $1`, [thread.openingPostId]);
      expect(post.hidden).toBe(true);
      const audit = await t.db.query(`SELECT action, actor_id, metadata FROM audit_log WHERE subject_id = $1`, [thread.openingPostId]);
      expect(audit).toEqual([
        { action: 'AUTO_HIDE', actor_id: null, metadata: { threshold: 3, pendingFlags: 3, pendingWeight: 3, communityId: community.id } },
      ]);
      // Hidden from others, it can no longer be flagged by them; its author and the coordinator still read it.
      expect((await as(reader).data(FLAG, { input: { subjectId: thread.openingPostGlobalId, reason: 'SPAM' } })).flagContent.userErrors).toEqual([
        { field: ['input', 'subjectId'], code: 'INVALID_STATE' },
      ]);
      expect((await as(reader).data(POST, { id: thread.openingPostGlobalId })).node).toEqual({
        hidden: true, bodyHtml: null, bodySource: null, revisions: null, viewerCanFlag: false, viewerCanModerate: false,
      });
      for (const insider of [author, coordinator, moderator]) {
        expect((await as(insider).data(POST, { id: thread.openingPostGlobalId })).node).toMatchObject({ hidden: true, bodySource: 'Opening post' });
      }
    });

    it('weighs flags by trust: minutes-old accounts only queue an item for review, coordinators and staff count more', async () => {
      // Three accounts made minutes ago, with nothing written, flag a coordinator's pinned thread.
      const pinned = await threads.create({ communityId: community.id, authorId: coordinator.id, title: 'Regole della comunità' });
      await t.db.query(`UPDATE thread SET pinned_at = now() WHERE id = $1`, [pinned.id]);
      const puppets = await Promise.all(Array.from({ length: 3 }, () => t.users.create()));
      for (const puppet of puppets) {
        expect((await as(puppet).data(FLAG, { input: { subjectId: pinned.globalId, reason: 'SPAM' } })).flagContent.userErrors).toEqual([]);
      }
      expect(await isHidden('thread', pinned.id)).toBe(false);
      const queued = (await as(coordinator).data(WEIGHTED_QUEUE, { filter: { community: community.globalId } })).moderationQueue.nodes.find(
        (n: { content: { id: string } }) => n.content.id === pinned.globalId,
      );
      expect(queued).toEqual({
        status: 'PENDING', pendingFlagCount: 3, pendingFlagWeight: 0, hidden: false, latestFlags: [{ weight: 0 }, { weight: 0 }, { weight: 0 }],
        content: { id: pinned.globalId },
      });
      expect(await t.db.query(`SELECT 1 FROM audit_log WHERE subject_id = $1`, [pinned.id])).toEqual([]);

      // Old but silent, or active but new: still no weight.
      const [silent, eager] = await Promise.all([t.users.create(), t.users.create()]);
      await t.db.query(`UPDATE app_user SET created_at = now() - interval '30 days' WHERE id = $1`, [silent.id]);
      await threads.create({ communityId: otherCommunity.id, authorId: eager.id });
      const target = await withReply();
      for (const user of [silent, eager]) await as(user).data(FLAG, { input: { subjectId: target.openingPostGlobalId, reason: 'SPAM' } });
      expect(await isHidden('post', target.openingPostId)).toBe(false);
      // Established accounts still hide: here one of them with the community's coordinator (who counts for two).
      const [regular] = await established(1);
      await as(coordinator).data(FLAG, { input: { subjectId: target.openingPostGlobalId, reason: 'SPAM' } });
      expect(await isHidden('post', target.openingPostId)).toBe(false);
      await as(regular).data(FLAG, { input: { subjectId: target.openingPostGlobalId, reason: 'OFFENSIVE' } });
      expect(await isHidden('post', target.openingPostId)).toBe(true);
      const weights = await t.db.query(
        `SELECT f.flagger_id, f.weight FROM content_flag f JOIN moderation_case c ON c.id = f.case_id WHERE c.subject_type = 'Post' AND c.subject_id = $1`,
        [target.openingPostId],
      );
      expect(Object.fromEntries(weights.map((w: { flagger_id: string; weight: number }) => [w.flagger_id, w.weight]))).toEqual({
        [silent.id]: 0, [eager.id]: 0, [coordinator.id]: 2, [regular.id]: 1,
      });
      const [entry] = await t.db.query(`SELECT reason, metadata FROM audit_log WHERE subject_id = $1`, [target.openingPostId]);
      expect(entry.metadata).toEqual({ threshold: 3, pendingFlags: 4, pendingWeight: 3, communityId: community.id });
    });

    it('tells the author, live, when flags hide their content, with the reasons given', async () => {
      const thread = await withReply();
      const socket = as(reader).socket();
      const events: any[] = [];
      const stop = socket.subscribe({ query: `subscription { notificationAdded { kind reason reasonCodes subject { id } } }` }, {
        next: (value) => events.push(value.data?.['notificationAdded']),
        error: () => undefined,
        complete: () => undefined,
      });
      try {
        await new Promise((r) => setTimeout(r, 200));
        const reply = await replyOf(thread);
        const flaggers = await established(3);
        const reasons = ['PRIVACY', 'SPAM', 'PRIVACY'];
        for (const [i, user] of flaggers.entries()) await as(user).data(FLAG, { input: { subjectId: reply, reason: reasons[i] } });
        const deadline = Date.now() + 5000;
        while (events.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        expect(events).toEqual([{ kind: 'CONTENT_HIDDEN', reason: null, reasonCodes: ['PRIVACY', 'SPAM'], subject: { id: reply } }]);
      } finally {
        stop();
        await socket.dispose();
      }
      const { notifications } = await as(reader).data(`{ notifications(first: 5) { nodes { kind reason reasonCodes actor { id } } } }`);
      expect(notifications.nodes).toEqual([{ kind: 'CONTENT_HIDDEN', reason: null, reasonCodes: ['PRIVACY', 'SPAM'], actor: null }]);
    });
  });

  describe('hidden content', () => {
    it('takes hidden threads out of lists, node and replies for outsiders; hidden posts are placeholders', async () => {
      const hiddenThread = await withReply();
      const open = await withReply();
      const hiddenReply = await replyOf(open);
      for (const subjectId of [hiddenThread.globalId, hiddenReply]) {
        const { moderate } = await as(coordinator).data(MODERATE, { input: { subjectId, action: 'HIDE', reason: 'Dati personali' } });
        expect(moderate).toMatchObject({ content: { hidden: true }, userErrors: [] });
      }
      const seen = async (user: TestUser | null, thread: TestThread) => {
        const data = await as(user).data(THREAD_PAGE, { c: community.globalId, t: thread.globalId });
        return { listed: data.threads.nodes.some((n: { id: string }) => n.id === thread.globalId), node: data.node };
      };
      // The reader wrote the hidden reply, the author the hidden thread: each sees only their own.
      for (const outsider of [null, reader, otherCoordinator]) {
        expect(await seen(outsider, hiddenThread)).toEqual({ listed: false, node: null });
      }
      for (const outsider of [null, author, otherCoordinator]) {
        expect((await seen(outsider, open)).node.posts.nodes[1]).toEqual({ id: hiddenReply, hidden: true, bodyHtml: null });
      }
      expect((await as(reader).data(POST, { id: hiddenThread.openingPostGlobalId })).node).toBeNull();
      const reply = `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { id } } }`;
      expect((await as(reader).error(reply, { input: { threadId: hiddenThread.globalId, body: 'hello?' } })).code).toBe('NOT_FOUND');
      for (const insider of [author, coordinator, moderator, admin]) {
        expect(await seen(insider, hiddenThread)).toMatchObject({ listed: true, node: { hidden: true } });
      }
      for (const insider of [reader, coordinator, moderator]) {
        expect((await seen(insider, open)).node.posts.nodes[1]).toEqual({ id: hiddenReply, hidden: true, bodyHtml: '<p>A reply</p>\n' });
      }
    });
  });

  describe('moderate', () => {
    it('refuses anonymous callers, members, other communities’ coordinators, unknown and malformed ids and bad input, changing nothing', async () => {
      const thread = await withReply();
      await as(reader).data(FLAG, { input: { subjectId: thread.openingPostGlobalId, reason: 'SPAM' } });
      const before = await state();
      const input = { subjectId: thread.openingPostGlobalId, action: 'HIDE', reason: 'Spam evidente' };
      expect((await t.client.error(MODERATE, { input })).code).toBe('UNAUTHENTICATED');
      expect((await as(author).error(MODERATE, { input })).code).toBe('FORBIDDEN');
      expect((await as(otherCoordinator).error(MODERATE, { input })).code).toBe('FORBIDDEN');
      expect((await as(coordinator).error(MODERATE, { input: { ...input, subjectId: unknownId('Post') } })).code).toBe('NOT_FOUND');
      expect((await as(coordinator).error(MODERATE, { input: { ...input, subjectId: 'bad' } })).code).toBe('BAD_USER_INPUT');
      expect(code(await as(coordinator).request(MODERATE, { input: { ...input, action: 'BURN' } }))).toBe('BAD_USER_INPUT');
      const refused = async (change: Record<string, string>) => (await as(coordinator).data(MODERATE, { input: { ...input, ...change } })).moderate;
      expect(await refused({ reason: '  ' })).toEqual({ content: null, userErrors: [{ field: ['input', 'reason'], code: 'TOO_SHORT' }] });
      expect((await refused({ reason: 'x'.repeat(501) })).userErrors).toEqual([{ field: ['input', 'reason'], code: 'TOO_LONG' }]);
      expect((await refused({ action: 'LOCK' })).userErrors).toEqual([{ field: ['input', 'action'], code: 'INVALID' }]);
      expect((await refused({ subjectId: thread.globalId, action: 'DELETE' })).userErrors).toEqual([{ field: ['input', 'action'], code: 'INVALID' }]);
      expect(await state()).toEqual(before);
      expect((await as(author).data(POST, { id: thread.openingPostGlobalId })).node.viewerCanModerate).toBe(false);
      expect((await as(coordinator).data(POST, { id: thread.openingPostGlobalId })).node.viewerCanModerate).toBe(true);
    });

    it('resolves the flags, does what it says and records each decision in the audit log', async () => {
      const thread = await withReply();
      const reply = await replyOf(thread);
      await as(reader).data(FLAG, { input: { subjectId: thread.globalId, reason: 'OFF_TOPIC', note: 'Fuori tema' } });
      await as(reader).data(FLAG, { input: { subjectId: thread.openingPostGlobalId, reason: 'SPAM' } });
      await as(admin).data(FLAG, { input: { subjectId: thread.openingPostGlobalId, reason: 'SPAM' } });
      const decide = async (user: TestUser, subjectId: string, action: string) =>
        (await as(user).data(MODERATE, { input: { subjectId, action, reason: `${action} deciso` } })).moderate;
      expect(await decide(coordinator, thread.openingPostGlobalId, 'DISMISS_FLAGS')).toEqual({
        content: { __typename: 'Post', hidden: false, deleted: false },
        userErrors: [],
      });
      expect((await decide(moderator, thread.openingPostGlobalId, 'HIDE')).content).toMatchObject({ hidden: true });
      expect((await decide(moderator, thread.openingPostGlobalId, 'RESTORE')).content).toMatchObject({ hidden: false });
      expect((await decide(coordinator, reply, 'DELETE')).content).toMatchObject({ deleted: true });
      expect((await decide(admin, thread.globalId, 'LOCK')).content).toEqual({
        __typename: 'Thread', hidden: false, locked: true, postCount: 1,
      });
      expect((await decide(coordinator, thread.globalId, 'UNLOCK')).content).toMatchObject({ locked: false });
      expect((await decide(coordinator, reply, 'HIDE')).userErrors).toEqual([{ field: ['input', 'subjectId'], code: 'INVALID_STATE' }]);
      expect(Number((await t.db.query(`SELECT count(*) FROM content_flag WHERE resolved_at IS NULL AND case_id IN
        (SELECT id FROM moderation_case WHERE subject_id IN ($1, $2))`, [thread.openingPostId, thread.id]))[0].count)).toBe(0);

      const entries = async (subject: string) => (await as(moderator).data(AUDIT, { subject })).auditLog.nodes.reverse();
      expect(await entries(thread.openingPostGlobalId)).toEqual([
        { action: 'DISMISS_FLAGS', reason: 'DISMISS_FLAGS deciso', actor: { id: coordinator.globalId }, subject: { id: thread.openingPostGlobalId },
          metadata: { changed: false, resolvedFlags: 2, communityId: community.id } },
        expect.objectContaining({ action: 'HIDE', actor: { id: moderator.globalId }, metadata: expect.objectContaining({ changed: true, resolvedFlags: 0 }) }),
        expect.objectContaining({ action: 'RESTORE', actor: { id: moderator.globalId } }),
      ]);
      expect((await entries(thread.globalId)).map((e: { action: string; metadata: { resolvedFlags: number } }) => [e.action, e.metadata.resolvedFlags])).toEqual([
        ['LOCK', 1],
        ['UNLOCK', 0],
      ]);
      expect((await entries(reply)).map((e: { action: string }) => e.action)).toEqual(['DELETE']);
      expect((await as(moderator).data(AUDIT, { actor: coordinator.globalId })).auditLog.nodes.length).toBeGreaterThanOrEqual(3);
    });

    it('tells the author when a moderator hides their content, with the stated reason', async () => {
      const thread = await withReply();
      const reply = await replyOf(thread);
      const inbox = async (user: TestUser) =>
        (await as(user).data(`{ notifications(first: 5) { nodes { kind reason reasonCodes actor { id } subject { id } } } }`)).notifications.nodes;
      const before = (await inbox(reader)).length;
      await as(coordinator).data(MODERATE, { input: { subjectId: reply, action: 'HIDE', reason: 'Contiene il nome di una beneficiaria' } });
      const [latest, ...rest] = await inbox(reader);
      expect(latest).toEqual({ kind: 'CONTENT_HIDDEN', reason: 'Contiene il nome di una beneficiaria', reasonCodes: [], actor: null, subject: { id: reply } });
      expect(rest).toHaveLength(before);
      // Hiding what is already hidden, or restoring it, tells nobody; nor does a coordinator hiding their own post.
      await as(moderator).data(MODERATE, { input: { subjectId: reply, action: 'HIDE', reason: 'Ancora nascosto' } });
      await as(moderator).data(MODERATE, { input: { subjectId: reply, action: 'RESTORE', reason: 'Dati rimossi' } });
      expect(await inbox(reader)).toHaveLength(before + 1);
      const own = await threads.create({ communityId: community.id, authorId: coordinator.id });
      await as(coordinator).data(MODERATE, { input: { subjectId: own.globalId, action: 'HIDE', reason: 'Duplicato' } });
      expect(await inbox(coordinator)).toEqual([]);
    });
  });

  describe('moderationQueue and auditLog', () => {
    it('shows coordinators their communities’ cases and staff every case; refuses everyone else', async () => {
      const here = await withReply();
      const there = await threads.create({ communityId: otherCommunity.id, authorId: otherCoordinator.id });
      await as(reader).data(FLAG, { input: { subjectId: here.openingPostGlobalId, reason: 'PRIVACY', note: 'Nome di un utente' } });
      await as(moderator).data(FLAG, { input: { subjectId: here.openingPostGlobalId, reason: 'PRIVACY' } });
      await as(reader).data(FLAG, { input: { subjectId: there.globalId, reason: 'SPAM' } });
      const ids = async (user: TestUser, filter?: Record<string, string>) =>
        (await as(user).data(QUEUE, { filter })).moderationQueue.nodes.map((n: { content: { id: string } }) => n.content.id);
      expect(await ids(coordinator)).toContain(here.openingPostGlobalId);
      expect(await ids(coordinator)).not.toContain(there.globalId);
      expect(await ids(otherCoordinator)).toEqual([there.globalId]);
      expect(await ids(moderator)).toEqual(expect.arrayContaining([here.openingPostGlobalId, there.globalId]));
      const [first] = (await as(coordinator).data(QUEUE, { filter: { community: community.globalId } })).moderationQueue.nodes;
      expect(first).toEqual({
        status: 'PENDING', flagCount: 2, pendingFlagCount: 2, hidden: false, resolution: null,
        reasons: [{ reason: 'PRIVACY', count: 2 }],
        latestFlags: [{ reason: 'PRIVACY', note: null, flagger: { id: moderator.globalId } }, { reason: 'PRIVACY', note: 'Nome di un utente', flagger: { id: reader.globalId } }],
        content: { id: here.openingPostGlobalId },
      });
      await as(coordinator).data(MODERATE, { input: { subjectId: here.openingPostGlobalId, action: 'DISMISS_FLAGS', reason: 'Nessun dato personale' } });
      expect(await ids(coordinator, { community: community.globalId, status: 'RESOLVED' })).toContain(here.openingPostGlobalId);
      expect(await ids(coordinator, { community: community.globalId })).not.toContain(here.openingPostGlobalId);

      expect((await as(coordinator).error(QUEUE, { filter: { community: otherCommunity.globalId } })).code).toBe('FORBIDDEN');
      expect((await as(reader).error(QUEUE)).code).toBe('FORBIDDEN');
      expect((await t.client.error(QUEUE)).code).toBe('UNAUTHENTICATED');
      expect((await as(coordinator).error(QUEUE, { filter: { community: 'nope' } })).code).toBe('BAD_USER_INPUT');
      expect((await as(coordinator).error(AUDIT)).code).toBe('FORBIDDEN');
      expect((await t.client.error(AUDIT)).code).toBe('UNAUTHENTICATED');
      expect((await as(admin).error(AUDIT, { subject: 'nope' })).code).toBe('BAD_USER_INPUT');
    });

    it('loads a queue page with the same number of SQL statements however many cases it has', async () => {
      const place = await new CommunityFactory(t.db).create({ coordinatorId: coordinator.id });
      const statements = async () => {
        const response = await as(coordinator).request(QUEUE, { filter: { community: place.globalId } });
        expect(response.body.errors).toBeUndefined();
        return Number(response.headers.get('x-sql-statements'));
      };
      const flagNew = async (count: number) => {
        for (let i = 0; i < count; i++) {
          const thread = await threads.create({ communityId: place.id, authorId: author.id });
          await as(reader).data(FLAG, { input: { subjectId: thread.globalId, reason: 'SPAM' } });
        }
      };
      await flagNew(2);
      // The viewer's session is read with their first request, then remembered: count after it.
      await statements();
      const small = await statements();
      await flagNew(5);
      expect(await statements()).toBe(small);
    });
  });

  describe('posting limits', () => {
    it('lets new accounts start only a few posts an hour; older accounts and staff are not limited', async () => {
      const START = `mutation($input: StartThreadInput!) { startThread(input: $input) { thread { id } userErrors { code } } }`;
      const REPLY = `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { id } userErrors { code } } }`;
      const [newcomer, veteran] = await Promise.all([t.users.create(), t.users.create()]);
      await t.db.query(`UPDATE app_user SET created_at = now() - interval '3 days' WHERE id = $1`, [veteran.id]);
      const { startThread } = await as(newcomer).data(START, { input: { communityId: community.globalId, title: 'Primo thread di prova', body: 'Ciao' } });
      const threadId = startThread.thread.id;
      const reply = (user: TestUser) => as(user).request(REPLY, { input: { threadId, body: 'Una risposta' } });
      expect(code(await reply(newcomer))).toBeUndefined();
      expect(code(await reply(newcomer))).toBeUndefined();
      const posts = async () => Number((await t.db.query(`SELECT count(*) FROM post WHERE author_id = $1`, [newcomer.id]))[0].count);
      expect(await posts()).toBe(3);
      expect(code(await reply(newcomer))).toBe('RATE_LIMITED');
      expect(code(await as(newcomer).request(START, { input: { communityId: community.globalId, title: 'Secondo thread di prova', body: 'x' } }))).toBe('RATE_LIMITED');
      expect(await posts()).toBe(3);
      for (const user of [veteran, moderator]) {
        for (let i = 0; i < 4; i++) expect(code(await reply(user))).toBeUndefined();
      }
    });
  });
});
