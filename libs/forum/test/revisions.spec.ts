import { CommunityFactory, ThreadFactory, type TestCommunity, type TestThread } from '../src/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';

const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { post { version } userErrors { code } } }`;
const REDACT = `mutation($input: RedactRevisionInput!) { redactRevision(input: $input) {
  post { revisions { version bodySource redacted redactedAt } } userErrors { field code } } }`;
const POST = `query($id: ID!) { node(id: $id) { ... on Post { version revisions { version bodySource } viewerCanRedactRevisions } } }`;
const THREAD_PAGE = `query($id: ID!) { node(id: $id) { ... on Thread { posts { nodes { revisions { version bodySource } } } } } }`;
const AUDIT = `query($subject: ID) { auditLog(first: 10, filter: { subject: $subject }) { nodes { action reason actor { id } metadata } } }`;

const PERSONAL = 'La signora Maria Rossi, 82 anni, via Roma 3, chiede aiuto per la spesa.';
const CLEAN = 'Una signora anziana del quartiere chiede aiuto per la spesa.';
const unknownPost = Buffer.from('Post:00000000-0000-4000-8000-000000000000').toString('base64url');

describe('post revisions', () => {
  let t: TestApp;
  let threads: ThreadFactory;
  let [admin, moderator, coordinator, otherCoordinator, author, member]: TestUser[] = [];
  let community: TestCommunity;
  beforeAll(async () => {
    t = await startTestApp();
    threads = new ThreadFactory(t.db);
    [admin, moderator, coordinator, otherCoordinator, author, member] = await Promise.all([
      t.users.admin().create(),
      t.users.moderator().create(),
      ...Array.from({ length: 4 }, () => t.users.create()),
    ]);
    const communities = new CommunityFactory(t.db);
    community = await communities.create({ coordinatorId: coordinator.id, memberIds: [author.id, member.id] });
    await communities.create({ coordinatorId: otherCoordinator.id });
  });
  afterAll(() => t.close());

  const as = (user: TestUser | null) => t.client.as(user?.accessToken ?? null);
  /** A thread whose opening post first named a beneficiary, then was edited to leave her out. */
  const editedOut = async (): Promise<TestThread> => {
    const thread = await threads.create({ communityId: community.id, authorId: author.id });
    for (const [version, body] of [PERSONAL, CLEAN].entries()) {
      const { editPost } = await as(author).data(EDIT, { input: { postId: thread.openingPostGlobalId, body, version: version + 1 } });
      expect(editPost.userErrors).toEqual([]);
    }
    return thread;
  };
  const history = [
    { version: 3, bodySource: CLEAN },
    { version: 2, bodySource: PERSONAL },
    { version: 1, bodySource: 'Opening post' },
  ];
  const state = async () =>
    (
      await t.db.query(`SELECT (SELECT count(*)::int FROM audit_log) AS audit,
        (SELECT string_agg(post_id || ':' || version || ':' || body_source || ':' || coalesce(redacted_at::text, '-'), '|' ORDER BY post_id, version)
           FROM post_revision) AS revisions`)
    )[0];

  describe('reading', () => {
    it('shows the history only to the author, the community’s coordinators and staff, over node and thread pages', async () => {
      const thread = await editedOut();
      for (const outsider of [null, member, otherCoordinator]) {
        expect((await as(outsider).data(POST, { id: thread.openingPostGlobalId })).node).toEqual({
          version: 3, revisions: null, viewerCanRedactRevisions: false,
        });
        expect((await as(outsider).data(THREAD_PAGE, { id: thread.globalId })).node.posts.nodes).toEqual([{ revisions: null }]);
      }
      for (const insider of [author, coordinator, moderator, admin]) {
        expect((await as(insider).data(POST, { id: thread.openingPostGlobalId })).node.revisions).toEqual(history);
        expect((await as(insider).data(THREAD_PAGE, { id: thread.globalId })).node.posts.nodes).toEqual([{ revisions: history }]);
      }
      expect((await as(author).data(POST, { id: thread.openingPostGlobalId })).node.viewerCanRedactRevisions).toBe(false);
      expect((await as(coordinator).data(POST, { id: thread.openingPostGlobalId })).node.viewerCanRedactRevisions).toBe(true);
    });
  });

  describe('redactRevision', () => {
    it('removes a revision’s text from the database for good and audits it without the text', async () => {
      const thread = await editedOut();
      const reason = 'Dati personali di una beneficiaria';
      const { redactRevision } = await as(coordinator).data(REDACT, { input: { postId: thread.openingPostGlobalId, version: 2, reason } });
      expect(redactRevision).toEqual({
        post: {
          revisions: [
            { version: 3, bodySource: CLEAN, redacted: false, redactedAt: null },
            { version: 2, bodySource: null, redacted: true, redactedAt: expect.any(String) },
            { version: 1, bodySource: 'Opening post', redacted: false, redactedAt: null },
          ],
        },
        userErrors: [],
      });
      const rows = await t.db.query(`SELECT version, body_source, redacted_by FROM post_revision WHERE post_id = $1 ORDER BY version`, [
        thread.openingPostId,
      ]);
      expect(rows).toEqual([
        { version: 1, body_source: 'Opening post', redacted_by: null },
        { version: 2, body_source: '', redacted_by: coordinator.id },
        { version: 3, body_source: CLEAN, redacted_by: null },
      ]);
      const [leaks] = await t.db.query(
        `SELECT (SELECT count(*)::int FROM post_revision WHERE post_id = $1 AND body_source LIKE '%Maria Rossi%')
              + (SELECT count(*)::int FROM post WHERE id = $1 AND concat(body_source, body_html, body_text) LIKE '%Maria Rossi%')
              + (SELECT count(*)::int FROM audit_log WHERE subject_id = $1 AND concat(reason, metadata::text) LIKE '%Maria Rossi%') AS n`,
        [thread.openingPostId],
      );
      expect(leaks.n).toBe(0);
      const { auditLog } = await as(moderator).data(AUDIT, { subject: thread.openingPostGlobalId });
      expect(auditLog.nodes).toEqual([
        { action: 'REDACT_REVISION', reason, actor: { id: coordinator.globalId }, metadata: { version: 2, communityId: community.id } },
      ]);
      // The author reads the history without the text, and there is no way back.
      expect((await as(author).data(POST, { id: thread.openingPostGlobalId })).node.revisions).toEqual([
        history[0],
        { version: 2, bodySource: null },
        history[2],
      ]);
      const again = await as(moderator).data(REDACT, { input: { postId: thread.openingPostGlobalId, version: 2, reason: 'Di nuovo' } });
      expect(again.redactRevision).toEqual({ post: null, userErrors: [{ field: ['input', 'version'], code: 'INVALID_STATE' }] });
    });

    it('keeps the current text: it is edited away first', async () => {
      const thread = await editedOut();
      const before = await state();
      const { redactRevision } = await as(admin).data(REDACT, { input: { postId: thread.openingPostGlobalId, version: 3, reason: 'Prova' } });
      expect(redactRevision).toEqual({ post: null, userErrors: [{ field: ['input', 'version'], code: 'INVALID_STATE' }] });
      expect(await state()).toEqual(before);
    });

    it('refuses anonymous callers, authors, members, other coordinators, unknown posts and versions and bad input, changing nothing', async () => {
      const thread = await editedOut();
      const secret = await new CommunityFactory(t.db).create({ visibility: 'PRIVATE', coordinatorId: otherCoordinator.id });
      const hiddenAway = await threads.create({ communityId: secret.id, authorId: otherCoordinator.id });
      const before = await state();
      const input = { postId: thread.openingPostGlobalId, version: 2, reason: 'Dati personali' };
      const code = async (user: TestUser | null, change: Record<string, unknown> = {}) =>
        (await as(user).request(REDACT, { input: { ...input, ...change } })).body.errors?.[0]?.extensions?.['code'];
      expect(await code(null)).toBe('UNAUTHENTICATED');
      for (const user of [author, member, otherCoordinator]) expect(await code(user)).toBe('FORBIDDEN');
      expect(await code(coordinator, { postId: unknownPost })).toBe('NOT_FOUND');
      expect(await code(coordinator, { postId: hiddenAway.openingPostGlobalId })).toBe('NOT_FOUND');
      for (const version of [0, 4, 99]) expect(await code(coordinator, { version })).toBe('NOT_FOUND');
      expect(await code(coordinator, { postId: 'nope' })).toBe('BAD_USER_INPUT');
      expect(await code(coordinator, { postId: thread.globalId })).toBe('BAD_USER_INPUT');
      expect(await code(coordinator, { version: 'due' })).toBe('BAD_USER_INPUT');
      const refused = async (change: Record<string, unknown>) => (await as(coordinator).data(REDACT, { input: { ...input, ...change } })).redactRevision;
      expect(await refused({ reason: '  ' })).toEqual({ post: null, userErrors: [{ field: ['input', 'reason'], code: 'TOO_SHORT' }] });
      expect((await refused({ reason: 'x'.repeat(501) })).userErrors).toEqual([{ field: ['input', 'reason'], code: 'TOO_LONG' }]);
      expect(await state()).toEqual(before);
    });

    it('redacts once under concurrent requests, with one audit row', async () => {
      const thread = await editedOut();
      const results = await Promise.all(
        [coordinator, moderator, admin].map((user) =>
          as(user).data(REDACT, { input: { postId: thread.openingPostGlobalId, version: 2, reason: 'Dati personali' } }),
        ),
      );
      const codes = results.map((r) => r.redactRevision.userErrors.map((e: { code: string }) => e.code).join());
      expect(codes.sort()).toEqual(['', 'INVALID_STATE', 'INVALID_STATE']);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'REDACT_REVISION' AND subject_id = $1`, [
        thread.openingPostId,
      ]);
      expect(n).toBe(1);
    });
  });
});
