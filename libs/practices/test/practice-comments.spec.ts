import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { ARCHIVE, COMPLETE, CREATE, PUBLISH, SUBMIT, api, unknownId } from './support';

const COMMENT_FIELDS = `id version deleted hidden bodyHtml bodySource author { id } viewerCanEdit viewerCanDelete`;
const commentMutation = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { comment { ${COMMENT_FIELDS} } userErrors { field code message } } }`;
const ADD = commentMutation('addPracticeComment', 'AddPracticeCommentInput');
const EDIT = commentMutation('editPracticeComment', 'EditPracticeCommentInput');
const DELETE = commentMutation('deletePracticeComment', 'DeletePracticeCommentInput');
const COMMENTS = `query($slug: String!, $first: Int, $after: String) { practice(slug: $slug) { viewerCanComment
  comments(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${COMMENT_FIELDS} } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on PracticeComment { id hidden bodyHtml practice { slug } } } }`;
const INBOX = `{ notifications(first: 20) { nodes { kind actor { id } subject { __typename ... on PracticeComment { id bodyHtml } } } } }`;
const FLAG = `mutation($input: FlagContentInput!) { flagContent(input: $input) { userErrors { field code } } }`;
const MODERATE = `mutation($input: ModerateInput!) { moderate(input: $input) {
  content { __typename ... on PracticeComment { hidden deleted } } userErrors { field code } } }`;
const QUEUE = `{ moderationQueue(first: 50) { nodes { status hidden community { id } content { __typename ... on PracticeComment { id } } } } }`;

describe('comments on practices and stories', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let [author, coAuthor, coordinator, otherCoordinator, member, reader, other]: TestUser[] = [];
  let moderator: TestUser;
  let community: { globalId: string };
  let privateCommunity: { globalId: string };

  beforeAll(async () => {
    t = await startTestApp({ FLAG_AUTO_HIDE_THRESHOLD: '3' });
    call = api(t);
    [author, coAuthor, coordinator, otherCoordinator, member, reader, other] = await Promise.all(Array.from({ length: 7 }, () => t.users.create()));
    moderator = await t.users.moderator().create();
    const communities = new CommunityFactory(t.db);
    community = await communities.create({ coordinatorId: coordinator!.id, memberIds: [author!.id] });
    await communities.create({ coordinatorId: otherCoordinator!.id });
    privateCommunity = await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator!.id, memberIds: [author!.id, member!.id] });
  });
  afterAll(() => t.close());

  async function practice(input: Record<string, unknown> = {}, status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED' = 'PUBLISHED') {
    const { createPractice } = await call.data(author!, CREATE, {
      input: { title: 'Portierato sociale', communityId: community.globalId, coAuthorIds: [coAuthor!.globalId], ...COMPLETE, ...input },
    });
    const created: { id: string; slug: string } = createPractice.practice;
    if (status !== 'DRAFT') {
      await call.data(author!, SUBMIT, { input: { practiceId: created.id } });
      expect((await call.data(coordinator!, PUBLISH, { input: { practiceId: created.id } })).publishPractice.userErrors).toEqual([]);
    }
    if (status === 'ARCHIVED') await call.data(author!, ARCHIVE, { input: { practiceId: created.id } });
    return created;
  }
  async function comment(user: TestUser, practiceId: string, body = 'Quanto costa **un custode** all’anno?') {
    const { addPracticeComment } = await call.data(user, ADD, { input: { practiceId, body } });
    expect(addPracticeComment.userErrors).toEqual([]);
    return addPracticeComment.comment as { id: string; version: number };
  }
  const comments = async (user: TestUser | null, slug: string, first = 10, after?: string) =>
    (await call.data(user, COMMENTS, { slug, first, after })).practice;
  const inbox = async (user: TestUser) => (await call.data(user, INBOX)).notifications.nodes;
  /** Everything comments touch, to show an operation changed nothing. */
  const state = async () =>
    t.db.query(`SELECT (SELECT json_agg(c ORDER BY c.id) FROM practice_comment c) AS comments,
      (SELECT count(*)::int FROM outbox_event WHERE kind = 'PracticeComment') AS outbox,
      (SELECT count(*)::int FROM notification WHERE kind = 'PRACTICE_COMMENT') AS notices`);

  it('takes comments on a published practice, lists them oldest first, rendered as posts, and tells its authors', async () => {
    const custode = await practice();
    expect(await comments(reader!, custode.slug)).toMatchObject({ viewerCanComment: true, comments: { totalCount: 0, nodes: [] } });
    expect((await comments(null, custode.slug)).viewerCanComment).toBe(false);

    const first = await comment(reader!, custode.id);
    expect(first).toMatchObject({
      version: 1,
      deleted: false,
      hidden: false,
      bodyHtml: '<p>Quanto costa <strong>un custode</strong> all’anno?</p>\n',
      bodySource: 'Quanto costa **un custode** all’anno?',
      author: { id: reader!.globalId },
      viewerCanEdit: true,
      viewerCanDelete: true,
    });
    const second = await comment(coAuthor!, custode.id, '  Circa 18.000 euro, vedi [la delibera](https://example.org/delibera).  ');
    const third = await comment(other!, custode.id, 'Grazie, lo proponiamo a Lecco.');

    const seen = await comments(null, custode.slug);
    expect(seen.comments.totalCount).toBe(3);
    expect(seen.comments.nodes.map((n: { id: string }) => n.id)).toEqual([first.id, second.id, third.id]);
    expect(seen.comments.nodes[1]).toMatchObject({
      bodySource: 'Circa 18.000 euro, vedi [la delibera](https://example.org/delibera).',
      bodyHtml: '<p>Circa 18.000 euro, vedi <a href="https://example.org/delibera" rel="nofollow ugc noopener">la delibera</a>.</p>\n',
      viewerCanEdit: false,
      viewerCanDelete: false,
    });
    // Pages go on from the cursor, in the same order.
    const page1 = (await comments(null, custode.slug, 2)).comments;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await comments(null, custode.slug, 2, page1.pageInfo.endCursor)).comments;
    expect([...page1.nodes, ...page2.nodes].map((n: { id: string }) => n.id)).toEqual([first.id, second.id, third.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    // The coordinator reviews the practice: may delete any comment, edit none.
    expect((await comments(coordinator!, custode.slug)).comments.nodes[0]).toMatchObject({ viewerCanEdit: false, viewerCanDelete: true });
    expect((await call.data(reader!, NODE, { id: first.id })).node).toMatchObject({ id: first.id, practice: { slug: custode.slug } });

    // Each author hears of the others' comments, never of their own; nobody else hears anything.
    const notice = (actor: TestUser, c: { id: string }) => ({ kind: 'PRACTICE_COMMENT', actor: { id: actor.globalId }, subject: { __typename: 'PracticeComment', id: c.id, bodyHtml: expect.any(String) } });
    expect(await inbox(author!)).toEqual([notice(other!, third), notice(coAuthor!, second), notice(reader!, first)]);
    expect(await inbox(coAuthor!)).toEqual([notice(other!, third), notice(reader!, first)]);
    expect(await inbox(reader!)).toEqual([]);
    const ids = [first.id, second.id, third.id].map((id) => Buffer.from(id, 'base64url').toString().split(':')[1]);
    expect(await t.db.query(`SELECT change FROM outbox_event WHERE kind = 'PracticeComment' AND subject_id = ANY($1::uuid[])`, [ids])).toEqual([
      { change: 'CREATED' }, { change: 'CREATED' }, { change: 'CREATED' },
    ]);
  });

  it('reads the comments\' Markdown source with the page when the page shows it, and answers it the same either way', async () => {
    const custode = await practice();
    const written = await comment(reader!, custode.id, 'Un _custode_ per scala');
    const page = (fields: string) => `query($slug: String!) { practice(slug: $slug) { comments(first: 5) { nodes { ${fields} } } } }`;
    const read = async (query: string) => {
      const response = await t.client.as(reader!.accessToken).request<{ practice: { comments: { nodes: Record<string, unknown>[] } } }>(query, { slug: custode.slug });
      expect(response.body.errors).toBeUndefined();
      return { nodes: response.body.data!.practice.comments.nodes, statements: Number(response.headers.get('x-sql-statements')) };
    };
    await read(page('id'));
    const html = '<p>Un <em>custode</em> per scala</p>\n';
    const withSource = await read(page('bodyHtml bodySource'));
    expect(withSource.nodes).toEqual([{ bodyHtml: html, bodySource: 'Un _custode_ per scala' }]);
    const withoutSource = await read(page('bodyHtml'));
    expect(withoutSource.nodes).toEqual([{ bodyHtml: html }]);
    expect(withSource.statements).toBe(withoutSource.statements);
    // Reached by id, with the page beside it in the same request, the comment answers its source too.
    const both = await call.data(reader!, `query($id: ID!, $slug: String!) {
      node(id: $id) { ... on PracticeComment { bodySource } } practice(slug: $slug) { comments(first: 5) { nodes { bodyHtml } } } }`, { id: written.id, slug: custode.slug });
    expect(both.node).toEqual({ bodySource: 'Un _custode_ per scala' });
  });

  it('refuses comments from the anonymous, on drafts, archived, unreadable and unknown practices, and bad bodies, changing nothing', async () => {
    const open = await practice({ title: 'Aperta' });
    const draft = await practice({ title: 'Bozza' }, 'DRAFT');
    const archived = await practice({ title: 'Archiviata' }, 'ARCHIVED');
    const secret = await practice({ title: 'Riservata', communityId: privateCommunity.globalId });
    const before = await state();
    const code = (user: TestUser | null, input: Record<string, unknown>) => call.code(user, ADD, { input });

    expect(await code(null, { practiceId: open.id, body: 'Ciao' })).toBe('UNAUTHENTICATED');
    expect(await code(reader!, { practiceId: secret.id, body: 'Ciao' })).toBe('NOT_FOUND');
    expect(await code(reader!, { practiceId: draft.id, body: 'Ciao' })).toBe('NOT_FOUND');
    expect(await code(reader!, { practiceId: unknownId('Practice'), body: 'Ciao' })).toBe('NOT_FOUND');
    expect(await code(reader!, { practiceId: 'not-an-id', body: 'Ciao' })).toBe('BAD_USER_INPUT');
    // Its authors read the draft, but comments open with publication; an archived practice is closed.
    for (const [user, closed] of [[author!, draft], [reader!, archived]] as const) {
      const refused = (await call.data(user, ADD, { input: { practiceId: closed.id, body: 'Ciao' } })).addPracticeComment;
      expect(refused).toMatchObject({ comment: null, userErrors: [{ field: ['input', 'practiceId'], code: 'INVALID_STATE' }] });
    }
    expect((await call.data(author!, COMMENTS, { slug: draft.slug })).practice.viewerCanComment).toBe(false);
    expect((await call.data(reader!, COMMENTS, { slug: archived.slug })).practice.viewerCanComment).toBe(false);
    for (const [body, expected] of [['   ', 'REQUIRED'], ['x'.repeat(5001), 'TOO_LONG']] as const) {
      const refused = (await call.data(reader!, ADD, { input: { practiceId: open.id, body } })).addPracticeComment;
      expect(refused).toMatchObject({ comment: null, userErrors: [{ field: ['input', 'body'], code: expected }] });
    }
    expect(await state()).toEqual(before);
    // A member of the private community comments there.
    await comment(member!, secret.id, 'Da noi funziona.');
  });

  it('lets authors edit from the version they read: a stale version is a conflict, and of two at once exactly one wins', async () => {
    const custode = await practice({ title: 'Custode da modificare' });
    const mine = await comment(reader!, custode.id, 'Prima versione');
    const edited = (await call.data(reader!, EDIT, { input: { commentId: mine.id, version: 1, body: 'Seconda _versione_' } })).editPracticeComment;
    expect(edited).toMatchObject({ comment: { version: 2, bodyHtml: '<p>Seconda <em>versione</em></p>\n', bodySource: 'Seconda _versione_' }, userErrors: [] });
    const before = await state();
    const stale = (await call.data(reader!, EDIT, { input: { commentId: mine.id, version: 1, body: 'Terza' } })).editPracticeComment;
    expect(stale).toMatchObject({ comment: null, userErrors: [{ field: ['input', 'version'], code: 'CONFLICT' }] });
    const code = (user: TestUser | null, input: Record<string, unknown>) => call.code(user, EDIT, { input: { version: 2, body: 'Altro', ...input } });
    expect(await code(null, { commentId: mine.id })).toBe('UNAUTHENTICATED');
    expect(await code(other!, { commentId: mine.id })).toBe('FORBIDDEN');
    // Reviewers delete comments but do not put words in others' mouths.
    expect(await code(coordinator!, { commentId: mine.id })).toBe('FORBIDDEN');
    expect(await code(reader!, { commentId: unknownId('PracticeComment') })).toBe('NOT_FOUND');
    expect(await code(reader!, { commentId: custode.id })).toBe('BAD_USER_INPUT');
    const empty = (await call.data(reader!, EDIT, { input: { commentId: mine.id, version: 2, body: ' ' } })).editPracticeComment;
    expect(empty.userErrors).toEqual([{ field: ['input', 'body'], code: 'REQUIRED', message: 'Write something first.' }]);
    expect(await state()).toEqual(before);

    const racing = await Promise.all(
      Array.from({ length: 6 }, (_, i) => call.data(reader!, EDIT, { input: { commentId: mine.id, version: 2, body: `Concorrente ${i}` } })),
    );
    const winners = racing.filter((r) => r.editPracticeComment.userErrors.length === 0);
    expect(winners).toHaveLength(1);
    expect(racing.flatMap((r) => r.editPracticeComment.userErrors.map((e: { code: string }) => e.code))).toEqual(Array(5).fill('CONFLICT'));
    const [{ version, body_source }] = await t.db.query(`SELECT version, body_source FROM practice_comment WHERE id = $1`, [
      Buffer.from(mine.id, 'base64url').toString().split(':')[1],
    ]);
    expect({ version, body_source }).toEqual({ version: 3, body_source: winners[0].editPracticeComment.comment.bodySource });

    // Once the practice is archived, its comments are a closed record.
    await call.data(author!, ARCHIVE, { input: { practiceId: custode.id } });
    const closed = (await call.data(reader!, EDIT, { input: { commentId: mine.id, version: 3, body: 'Dopo' } })).editPracticeComment;
    expect(closed.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_STATE']);
    expect((await comments(reader!, custode.slug)).comments.nodes[0]).toMatchObject({ version: 3, viewerCanEdit: false, viewerCanDelete: true });
  });

  it('lets the author and the practice’s reviewers delete a comment, leaving a placeholder', async () => {
    const custode = await practice({ title: 'Custode da ripulire' });
    const [mine, theirs, third] = [await comment(reader!, custode.id), await comment(other!, custode.id), await comment(other!, custode.id, 'Terzo')];
    const before = await state();
    const code = (user: TestUser | null, commentId: string) => call.code(user, DELETE, { input: { commentId } });
    expect(await code(null, mine.id)).toBe('UNAUTHENTICATED');
    expect(await code(other!, mine.id)).toBe('FORBIDDEN');
    // An author of the practice is not its reviewer.
    expect(await code(author!, mine.id)).toBe('FORBIDDEN');
    expect(await code(otherCoordinator!, mine.id)).toBe('FORBIDDEN');
    expect(await code(reader!, unknownId('PracticeComment'))).toBe('NOT_FOUND');
    expect(await code(reader!, 'bad')).toBe('BAD_USER_INPUT');
    expect(await state()).toEqual(before);

    const deleted = (await call.data(reader!, DELETE, { input: { commentId: mine.id } })).deletePracticeComment;
    expect(deleted).toMatchObject({ comment: { id: mine.id, deleted: true, bodyHtml: null, bodySource: null, viewerCanEdit: false, viewerCanDelete: false }, userErrors: [] });
    const again = (await call.data(reader!, DELETE, { input: { commentId: mine.id } })).deletePracticeComment;
    expect(again.userErrors).toEqual([{ field: ['input', 'commentId'], code: 'INVALID_STATE', message: 'This comment is already deleted.' }]);
    const editDeleted = (await call.data(reader!, EDIT, { input: { commentId: mine.id, version: 1, body: 'x' } })).editPracticeComment;
    expect(editDeleted.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_STATE']);
    expect((await call.data(coordinator!, DELETE, { input: { commentId: theirs.id } })).deletePracticeComment.userErrors).toEqual([]);
    expect((await call.data(moderator, DELETE, { input: { commentId: third.id } })).deletePracticeComment.userErrors).toEqual([]);

    const seen = (await comments(null, custode.slug)).comments;
    expect(seen.totalCount).toBe(3);
    expect(seen.nodes.map((n: { deleted: boolean; bodyHtml: string | null }) => [n.deleted, n.bodyHtml])).toEqual([[true, null], [true, null], [true, null]]);
    const rows = await t.db.query(`SELECT deleted_by FROM practice_comment c JOIN practice p ON p.id = c.practice_id WHERE p.slug = $1 ORDER BY c.created_at`, [custode.slug]);
    expect(rows.map((r: { deleted_by: string }) => r.deleted_by)).toEqual([reader!.id, coordinator!.id, moderator.id]);
  });

  it('shows comments exactly where their practice is read', async () => {
    const secret = await practice({ title: 'Solo per i soci', communityId: privateCommunity.globalId });
    const said = await comment(member!, secret.id, 'Riservato');
    for (const outsider of [null, reader!, otherCoordinator!]) {
      expect((await call.data(outsider, COMMENTS, { slug: secret.slug })).practice).toBeNull();
      expect((await call.data(outsider, NODE, { id: said.id })).node).toBeNull();
    }
    for (const insider of [member!, coordinator!, moderator, author!]) {
      expect((await comments(insider, secret.slug)).comments.nodes.map((n: { id: string }) => n.id)).toEqual([said.id]);
      expect((await call.data(insider, NODE, { id: said.id })).node).toMatchObject({ id: said.id, bodyHtml: '<p>Riservato</p>\n' });
    }
    // The co-author is not a member: once published, the practice is the community's, and so is the news of a comment.
    expect((await inbox(coAuthor!)).some((n: { subject: { id?: string } | null }) => n.subject?.id === said.id)).toBe(false);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM notification WHERE recipient_id = $1 AND kind = 'PRACTICE_COMMENT'
      AND subject_id = $2`, [coAuthor!.id, Buffer.from(said.id, 'base64url').toString().split(':')[1]])).toEqual([{ n: 0 }]);
    expect((await inbox(author!)).some((n: { subject: { id?: string } | null }) => n.subject?.id === said.id)).toBe(true);
  });

  describe('moderation', () => {
    /** Accounts past the new-account days with a visible comment of their own: their flags count. */
    const established = async (count: number, practiceId: string): Promise<TestUser[]> => {
      const users = await Promise.all(Array.from({ length: count }, () => t.users.create()));
      for (const user of users) {
        await t.db.query(`UPDATE app_user SET created_at = now() - interval '30 days' WHERE id = $1`, [user.id]);
        await comment(user, practiceId, 'Anch’io');
      }
      return users;
    };

    it('hides a comment flagged enough, shows it to its author and reviewers only, and restores it through moderate', async () => {
      const custode = await practice({ title: 'Custode segnalato' });
      const flagged = await comment(reader!, custode.id, 'Chiamate il 333 1234567, chiedete di Gino');
      const flaggers = await established(3, custode.id);
      for (const [i, flagger] of flaggers.entries()) {
        expect((await call.data(flagger, FLAG, { input: { subjectId: flagged.id, reason: 'PRIVACY' } })).flagContent.userErrors).toEqual([]);
        const [{ hidden }] = await t.db.query(`SELECT hidden_at IS NOT NULL AS hidden FROM practice_comment WHERE id = $1`, [
          Buffer.from(flagged.id, 'base64url').toString().split(':')[1],
        ]);
        expect(hidden).toBe(i === 2);
      }
      const bodyFor = async (user: TestUser | null) => (await comments(user, custode.slug)).comments.nodes[0];
      for (const outsider of [null, other!, author!, otherCoordinator!]) expect(await bodyFor(outsider)).toMatchObject({ id: flagged.id, hidden: true, bodyHtml: null });
      for (const insider of [reader!, coordinator!, moderator]) {
        expect(await bodyFor(insider)).toMatchObject({ hidden: true, bodyHtml: '<p>Chiamate il 333 1234567, chiedete di Gino</p>\n' });
      }
      expect((await inbox(reader!)).map((n: { kind: string }) => n.kind)).toContain('CONTENT_HIDDEN');
      expect((await call.data(coordinator!, QUEUE)).moderationQueue.nodes).toContainEqual({
        status: 'PENDING', hidden: true, community: { id: community.globalId }, content: { __typename: 'PracticeComment', id: flagged.id },
      });

      const input = { subjectId: flagged.id, action: 'RESTORE', reason: 'Il numero è del centralino pubblico' };
      expect(await call.code(null, MODERATE, { input })).toBe('UNAUTHENTICATED');
      expect(await call.code(author!, MODERATE, { input })).toBe('FORBIDDEN');
      expect(await call.code(otherCoordinator!, MODERATE, { input })).toBe('FORBIDDEN');
      expect(await call.code(coordinator!, MODERATE, { input: { ...input, subjectId: unknownId('PracticeComment') } })).toBe('NOT_FOUND');
      expect((await call.data(coordinator!, MODERATE, { input: { ...input, action: 'LOCK' } })).moderate.userErrors).toEqual([{ field: ['input', 'action'], code: 'INVALID' }]);
      expect((await bodyFor(other!)).hidden).toBe(true);

      const restored = (await call.data(coordinator!, MODERATE, { input })).moderate;
      expect(restored).toEqual({ content: { __typename: 'PracticeComment', hidden: false, deleted: false }, userErrors: [] });
      expect(await bodyFor(other!)).toMatchObject({ hidden: false, bodyHtml: '<p>Chiamate il 333 1234567, chiedete di Gino</p>\n' });
      const hidden = (await call.data(moderator, MODERATE, { input: { ...input, action: 'HIDE', reason: 'Dati personali' } })).moderate;
      expect(hidden.content).toEqual({ __typename: 'PracticeComment', hidden: true, deleted: false });
      expect((await bodyFor(other!)).bodyHtml).toBeNull();
      const removed = (await call.data(coordinator!, MODERATE, { input: { ...input, action: 'DELETE', reason: 'Dati personali' } })).moderate;
      expect(removed.content).toEqual({ __typename: 'PracticeComment', hidden: true, deleted: true });
      const subjectId = Buffer.from(flagged.id, 'base64url').toString().split(':')[1];
      expect(await t.db.query(`SELECT change FROM outbox_event WHERE subject_id = $1 ORDER BY version`, [subjectId])).toEqual([
        { change: 'CREATED' }, { change: 'HIDDEN' }, { change: 'RESTORED' }, { change: 'HIDDEN' }, { change: 'DELETED' },
      ]);
      expect((await t.db.query(`SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY created_at`, [subjectId])).map((r: { action: string }) => r.action)).toEqual([
        'AUTO_HIDE', 'RESTORE', 'HIDE', 'DELETE',
      ]);
    });

    it('refuses flags on one’s own comment and on a deleted one', async () => {
      const custode = await practice({ title: 'Custode e segnalazioni' });
      const mine = await comment(reader!, custode.id);
      expect((await call.data(reader!, FLAG, { input: { subjectId: mine.id, reason: 'SPAM' } })).flagContent.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID']);
      await call.data(reader!, DELETE, { input: { commentId: mine.id } });
      expect((await call.data(other!, FLAG, { input: { subjectId: mine.id, reason: 'SPAM' } })).flagContent.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_STATE']);
    });
  });
});
