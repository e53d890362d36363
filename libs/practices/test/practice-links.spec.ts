import { CommunityFactory, ThreadFactory, type TestThread } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { COMPLETE, CREATE, LINK, PUBLISH, SUBMIT, UNLINK, api, contentState, errorsOf, unknownId } from './support';

const LINKED = `query($slug: String!) { practice(slug: $slug) { linkedThreads { id title } } }`;

describe('forum threads linked to a practice', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let threads: ThreadFactory;
  let [author, coAuthor, coordinator, member, outsider, moderator]: TestUser[] = [];
  let community: { id: string; globalId: string };
  let privateCommunity: { id: string; globalId: string };
  let closedCommunity: { id: string; globalId: string };

  beforeAll(async () => {
    t = await startTestApp({ EXPOSE_SQL_STATEMENT_COUNT: 'true' });
    call = api(t);
    [author, coAuthor, coordinator, member, outsider, moderator] = await Promise.all([
      t.users.create(),
      t.users.create(),
      t.users.create(),
      t.users.create(),
      t.users.create(),
      t.users.moderator().create(),
    ]);
    const communities = new CommunityFactory(t.db);
    community = await communities.create({ coordinatorId: coordinator!.id, memberIds: [author!.id, member!.id] });
    privateCommunity = await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator!.id, memberIds: [author!.id, member!.id] });
    // One the authors have not joined.
    closedCommunity = await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator!.id });
    threads = new ThreadFactory(t.db);
  });
  afterAll(() => t.close());

  const thread = (title: string, communityId = community.id, authorId = member!.id): Promise<TestThread> => threads.create({ communityId, authorId, title });

  async function practice(status: 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' = 'PUBLISHED', title = 'Orti sociali'): Promise<{ id: string; slug: string }> {
    const { createPractice } = await call.data(author!, CREATE, {
      input: { title, communityId: community.globalId, coAuthorIds: [coAuthor!.globalId], ...COMPLETE },
    });
    const created = createPractice.practice;
    if (status !== 'DRAFT') await call.data(author!, SUBMIT, { input: { practiceId: created.id } });
    if (status === 'PUBLISHED') await call.data(coordinator!, PUBLISH, { input: { practiceId: created.id } });
    return created;
  }

  async function link(user: TestUser, practiceId: string, threadId: string) {
    const { linkPracticeThread } = await call.data(user, LINK, { input: { practiceId, threadId } });
    expect(linkPracticeThread.userErrors).toEqual([]);
    return linkPracticeThread.practice;
  }

  const linkedFor = async (viewer: TestUser | null, slug: string) =>
    (await call.data(viewer, LINKED, { slug })).practice.linkedThreads.map((thread: { title: string }) => thread.title);

  it('links threads in order, shows each reader only those they read, and unlinks them', async () => {
    const orti = await practice();
    const open = await thread('Come avete trovato i terreni?');
    const members = await thread('Bilancio riservato del progetto', privateCommunity.id);
    const hidden = await thread('Discussione nascosta');
    const deleted = await thread('Discussione cancellata');

    expect((await link(author!, orti.id, open.globalId)).linkedThreads).toEqual([{ id: open.globalId, title: 'Come avete trovato i terreni?' }]);
    await link(author!, orti.id, members.globalId);
    await link(author!, orti.id, hidden.globalId);
    await link(author!, orti.id, deleted.globalId);
    await t.db.query(`UPDATE thread SET hidden_at = now() WHERE id = $1`, [hidden.id]);
    await t.db.query(`UPDATE thread SET deleted_at = now() WHERE id = $1`, [deleted.id]);

    const all = ['Come avete trovato i terreni?', 'Bilancio riservato del progetto', 'Discussione nascosta'];
    expect(await linkedFor(null, orti.slug)).toEqual(['Come avete trovato i terreni?']);
    expect(await linkedFor(outsider!, orti.slug)).toEqual(['Come avete trovato i terreni?']);
    // The private community's members read its thread; the hidden thread's author and the coordinator read that too.
    expect(await linkedFor(author!, orti.slug)).toEqual(all.slice(0, 2));
    expect(await linkedFor(member!, orti.slug)).toEqual(all);
    expect(await linkedFor(coordinator!, orti.slug)).toEqual(all);
    expect(await linkedFor(moderator!, orti.slug)).toEqual(all);

    const { unlinkPracticeThread } = await call.data(coAuthor!, UNLINK, { input: { practiceId: orti.id, threadId: open.globalId } });
    expect(unlinkPracticeThread.userErrors).toEqual([]);
    expect(unlinkPracticeThread.practice.linkedThreads).toEqual([]);
    // An author unlinks a thread they no longer read (here, a deleted one) too.
    const gone = await call.data(author!, UNLINK, { input: { practiceId: orti.id, threadId: deleted.globalId } });
    expect(gone.unlinkPracticeThread.userErrors).toEqual([]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM practice_thread WHERE practice_id = (SELECT id FROM practice WHERE slug = $1)`, [orti.slug])).toEqual([{ n: 2 }]);
    const id = (await t.db.query(`SELECT id FROM practice WHERE slug = $1`, [orti.slug]))[0].id;
    expect((await t.db.query(`SELECT change FROM outbox_event WHERE kind = 'Practice' AND subject_id = $1 ORDER BY version`, [id])).slice(-6)).toEqual(
      Array(6).fill({ change: 'EDITED' }),
    );
  });

  it('links to drafts too, where only their authors and reviewers see them', async () => {
    const draft = await practice('DRAFT', 'Bozza con discussioni');
    const open = await thread('Una discussione aperta');
    await link(coAuthor!, draft.id, open.globalId);
    expect(await linkedFor(author!, draft.slug)).toEqual(['Una discussione aperta']);
    expect((await call.data(outsider!, LINKED, { slug: draft.slug })).practice).toBeNull();
  });

  it('refuses the anonymous, non-authors, unknown and unreadable practices and threads, bad ids, a second link and the wrong status, changing nothing', async () => {
    const orti = await practice('PUBLISHED', 'Orti rifiutati');
    const draft = await practice('DRAFT', 'Bozza rifiutata');
    const linked = await thread('Già collegata');
    const open = await thread('Non ancora collegata');
    const closed = await thread('Riservata ai membri', closedCommunity.id, coordinator!.id);
    const hidden = await thread('Nascosta a tutti', community.id, coordinator!.id);
    await t.db.query(`UPDATE thread SET hidden_at = now() WHERE id = $1`, [hidden.id]);
    await link(author!, orti.id, linked.globalId);
    const before = await contentState(t);

    for (const document of [LINK, UNLINK]) {
      const code = (user: TestUser | null, practiceId: string, threadId: string) => call.code(user, document, { input: { practiceId, threadId } });
      expect(await code(null, orti.id, open.globalId)).toBe('UNAUTHENTICATED');
      for (const reader of [coordinator!, member!, moderator!]) expect(await code(reader, orti.id, linked.globalId)).toBe('FORBIDDEN');
      expect(await code(outsider!, draft.id, open.globalId)).toBe('NOT_FOUND');
      expect(await code(author!, unknownId('Practice'), open.globalId)).toBe('NOT_FOUND');
      expect(await code(author!, 'nonsense', open.globalId)).toBe('BAD_USER_INPUT');
      expect(await code(author!, orti.id, 'nonsense')).toBe('BAD_USER_INPUT');
      expect(await code(author!, orti.id, community.globalId)).toBe('BAD_USER_INPUT');
    }
    // Linking needs a thread the author reads: an unknown one, one in a community they have not joined, one hidden from them.
    for (const threadId of [unknownId('Thread'), closed.globalId, hidden.globalId]) {
      expect(await call.code(author!, LINK, { input: { practiceId: orti.id, threadId } })).toBe('NOT_FOUND');
    }
    const twice = await call.data(coAuthor!, LINK, { input: { practiceId: orti.id, threadId: linked.globalId } });
    expect(twice.linkPracticeThread).toMatchObject({ practice: null });
    expect(errorsOf(twice.linkPracticeThread.userErrors)).toEqual([['input.threadId', 'TAKEN']]);
    const none = await call.data(author!, UNLINK, { input: { practiceId: orti.id, threadId: open.globalId } });
    expect(errorsOf(none.unlinkPracticeThread.userErrors)).toEqual([['input.threadId', 'INVALID_STATE']]);
    const unknown = await call.data(author!, UNLINK, { input: { practiceId: orti.id, threadId: unknownId('Thread') } });
    expect(errorsOf(unknown.unlinkPracticeThread.userErrors)).toEqual([['input.threadId', 'INVALID_STATE']]);
    expect(await contentState(t)).toEqual(before);
  });

  it('links threads while the practice is a draft or published, not in review or archived', async () => {
    const inReview = await practice('IN_REVIEW', 'Attende la revisione');
    const open = await thread('Una discussione');
    const before = await contentState(t);
    for (const document of [LINK, UNLINK]) {
      const { body } = await call.request(author!, document, { input: { practiceId: inReview.id, threadId: open.globalId } });
      const result = body.data[document === LINK ? 'linkPracticeThread' : 'unlinkPracticeThread'];
      expect(result.practice).toBeNull();
      expect(errorsOf(result.userErrors)).toEqual([['input.practiceId', 'INVALID_STATE']]);
    }
    expect(await contentState(t)).toEqual(before);
  });

  it('links a thread once when both authors link it at the same moment, and never more than 20', async () => {
    const orti = await practice('PUBLISHED', 'Orti contesi');
    const contested = await thread('Una discussione contesa');
    const results = await Promise.all(
      [author!, coAuthor!, author!, coAuthor!].map((user) => call.data(user, LINK, { input: { practiceId: orti.id, threadId: contested.globalId } })),
    );
    expect(results.filter((r) => r.linkPracticeThread.practice !== null)).toHaveLength(1);
    expect(results.flatMap((r) => r.linkPracticeThread.userErrors.map((e: { code: string }) => e.code))).toEqual(['TAKEN', 'TAKEN', 'TAKEN']);

    const many = await Promise.all(Array.from({ length: 24 }, (_, i) => thread(`Discussione ${i}`)));
    const linking = await Promise.all(many.map((t2, i) => call.data(i % 2 ? author! : coAuthor!, LINK, { input: { practiceId: orti.id, threadId: t2.globalId } })));
    const codes = linking.flatMap((r) => r.linkPracticeThread.userErrors.map((e: { code: string }) => e.code));
    expect(codes).toEqual(Array(5).fill('CAPACITY_FULL'));
    expect(await t.db.query(`SELECT count(*)::int AS n FROM practice_thread WHERE practice_id = (SELECT id FROM practice WHERE slug = $1)`, [orti.slug])).toEqual([{ n: 20 }]);
    expect(await linkedFor(author!, orti.slug)).toHaveLength(20);
  });

  it('reads the linked threads of a page of practices in the same number of statements for 2 practices as for 8', async () => {
    const viewer = await t.users.create();
    const pageCommunity = await new CommunityFactory(t.db).create({ coordinatorId: viewer.id, memberIds: [author!.id] });
    const secret = await new CommunityFactory(t.db).create({ visibility: 'PRIVATE', coordinatorId: viewer.id, memberIds: [author!.id] });
    for (let i = 0; i < 8; i++) {
      const { createPractice } = await call.data(author!, CREATE, { input: { title: `Pagina ${i}`, communityId: pageCommunity.globalId, ...COMPLETE } });
      for (const where of [pageCommunity.id, secret.id, pageCommunity.id]) {
        await link(author!, createPractice.practice.id, (await threads.create({ communityId: where, authorId: author!.id, title: `Filo di discussione ${i}` })).globalId);
      }
    }
    const PAGE = `query($first: Int!, $community: ID!) { practices(first: $first, filter: { community: $community, status: DRAFT }) { nodes { title linkedThreads { id title community { name } } } } }`;
    const statements = async (first: number) => {
      const response = await t.client.as(viewer.accessToken).request<any>(PAGE, { first, community: pageCommunity.globalId });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data.practices.nodes).toHaveLength(first);
      expect(response.body.data.practices.nodes.every((p: { linkedThreads: unknown[] }) => p.linkedThreads.length === 3)).toBe(true);
      return Number(response.headers.get('x-sql-statements'));
    };
    // The viewer's session is read with their first request, then remembered: count after it.
    await statements(2);
    const short = await statements(2);
    expect(short).toBeGreaterThan(0);
    expect(await statements(8)).toBe(short);
  });
});
