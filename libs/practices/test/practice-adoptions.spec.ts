import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { DirectoryFactory } from '@bottega/territories/testing';
import { ARCHIVE, COMPLETE, CREATE, PUBLISH, RECORD_ADOPTION, REMOVE_ADOPTION, SUBMIT, UPDATE_ADOPTION, api, state, unknownId } from './support';

const ADOPTIONS = `query($slug: String!) { practice(slug: $slug) { adoptionCount viewerCanRecordAdoption
  adoptions(first: 10) { totalCount nodes { notes outcome territory { code } viewerCanEdit } } } }`;
const MOST_ADOPTED = `query($after: String) { practices(first: 2, after: $after, orderBy: MOST_ADOPTED) { nodes { slug adoptionCount } pageInfo { endCursor hasNextPage } } }`;

describe('adoptions of practices', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let [author, coordinator, member, outsider, recorder, other]: TestUser[] = [];
  let community: { globalId: string };
  let privateCommunity: { globalId: string };
  let torino: string;
  let bergamo: string;
  let project: string;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    const { users } = t;
    [author, coordinator, member, outsider, recorder, other] = await Promise.all([
      users.create(),
      users.create(),
      users.create(),
      users.create(),
      users.create(),
      users.create(),
    ]);
    const communities = new CommunityFactory(t.db);
    community = await communities.create({ coordinatorId: coordinator!.id, memberIds: [author!.id] });
    privateCommunity = await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator!.id, memberIds: [member!.id, author!.id] });
    const directory = new DirectoryFactory(t.db);
    torino = (await directory.territory('IT-TO')).globalId;
    bergamo = (await directory.territory('IT-BG')).globalId;
    project = (await directory.project({ title: 'Comunità che cura' })).globalId;
  });
  afterAll(() => t.close());

  async function practice(input: Record<string, unknown> = {}, status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED' = 'PUBLISHED') {
    const { createPractice } = await call.data(author!, CREATE, { input: { title: 'Emporio solidale', communityId: community.globalId, ...COMPLETE, ...input } });
    const created: { id: string; slug: string } = createPractice.practice;
    if (status !== 'DRAFT') {
      await call.data(author!, SUBMIT, { input: { practiceId: created.id } });
      await call.data(coordinator!, PUBLISH, { input: { practiceId: created.id } });
    }
    if (status === 'ARCHIVED') await call.data(author!, ARCHIVE, { input: { practiceId: created.id } });
    return created;
  }

  const adoption = (practiceId: string, more: Record<string, unknown> = {}) => ({
    practiceId,
    territoryId: torino,
    organizationName: ' Cooperativa Il Granaio ',
    projectId: project,
    adoptedOn: '2024-09-01',
    notes: ' Aperto con tre supermercati del quartiere. ',
    outcome: 'ADAPTED',
    ...more,
  });

  async function record(user: TestUser, practiceId: string, more: Record<string, unknown> = {}) {
    const { recordAdoption } = await call.data(user, RECORD_ADOPTION, { input: adoption(practiceId, more) });
    expect(recordAdoption.userErrors).toEqual([]);
    return recordAdoption;
  }

  it('records where a published practice was adopted, counts it, lists it latest first and tells the outbox', async () => {
    const emporio = await practice();
    expect((await call.data(recorder!, ADOPTIONS, { slug: emporio.slug })).practice).toMatchObject({ adoptionCount: 0, viewerCanRecordAdoption: true });
    expect((await call.data(null, ADOPTIONS, { slug: emporio.slug })).practice.viewerCanRecordAdoption).toBe(false);

    const first = await record(recorder!, emporio.id);
    expect(first.adoption).toMatchObject({
      organizationName: 'Cooperativa Il Granaio',
      adoptedOn: '2024-09-01',
      notes: 'Aperto con tre supermercati del quartiere.',
      outcome: 'ADAPTED',
      territory: { code: 'IT-TO' },
      project: { title: 'Comunità che cura' },
      recordedBy: { id: recorder!.globalId },
      viewerCanEdit: true,
    });
    expect(first.practice.adoptionCount).toBe(1);
    await record(other!, emporio.id, { territoryId: bergamo, organizationName: null, projectId: null, adoptedOn: '2025-02-01', notes: 'Chiuso dopo sei mesi.', outcome: 'ABANDONED' });

    const seen = await call.data(null, ADOPTIONS, { slug: emporio.slug });
    expect(seen.practice.adoptionCount).toBe(2);
    expect(seen.practice.adoptions).toEqual({
      totalCount: 2,
      nodes: [
        { notes: 'Chiuso dopo sei mesi.', outcome: 'ABANDONED', territory: { code: 'IT-BG' }, viewerCanEdit: false },
        { notes: 'Aperto con tre supermercati del quartiere.', outcome: 'ADAPTED', territory: { code: 'IT-TO' }, viewerCanEdit: false },
      ],
    });
    const id = (await t.db.query(`SELECT id FROM practice WHERE slug = $1`, [emporio.slug]))[0].id;
    expect((await t.db.query(`SELECT change FROM outbox_event WHERE kind = 'Practice' AND subject_id = $1 ORDER BY version`, [id])).slice(-2)).toEqual([
      { change: 'EDITED' },
      { change: 'EDITED' },
    ]);
  });

  it('lets whoever recorded it and the reviewers correct and remove it, keeping the count exact', async () => {
    const emporio = await practice({ title: 'Emporio da correggere' });
    const { adoption: recorded } = await record(recorder!, emporio.id);
    const corrected = await call.data(recorder!, UPDATE_ADOPTION, { input: { adoptionId: recorded.id, outcome: 'ADOPTED', organizationName: null, territoryId: bergamo } });
    expect(corrected.updateAdoption.userErrors).toEqual([]);
    expect(corrected.updateAdoption.adoption).toMatchObject({ outcome: 'ADOPTED', organizationName: null, territory: { code: 'IT-BG' } });
    const byReviewer = await call.data(coordinator!, UPDATE_ADOPTION, { input: { adoptionId: recorded.id, notes: 'Verificato.' } });
    expect(byReviewer.updateAdoption.adoption).toMatchObject({ notes: 'Verificato.', viewerCanEdit: true });
    const removed = await call.data(coordinator!, REMOVE_ADOPTION, { input: { adoptionId: recorded.id } });
    expect(removed.removeAdoption).toMatchObject({ adoption: null, practice: { adoptionCount: 0 }, userErrors: [] });
  });

  it('refuses the anonymous, the forbidden, unknown ids, bad input and practices not published, changing nothing', async () => {
    const emporio = await practice({ title: 'Emporio rifiutato' });
    const { adoption: recorded } = await record(recorder!, emporio.id);
    const draft = await practice({ title: 'Bozza' }, 'DRAFT');
    const archived = await practice({ title: 'Archiviata' }, 'ARCHIVED');
    const hidden = await practice({ title: 'Privata', communityId: privateCommunity.globalId });
    const before = await state(t);
    const code = (user: TestUser | null, document: string, input: Record<string, unknown>) => call.code(user, document, { input });

    expect(await code(null, RECORD_ADOPTION, adoption(emporio.id))).toBe('UNAUTHENTICATED');
    expect(await code(outsider!, RECORD_ADOPTION, adoption(hidden.id))).toBe('NOT_FOUND');
    expect(await code(outsider!, RECORD_ADOPTION, adoption(draft.id))).toBe('NOT_FOUND');
    expect(await code(outsider!, RECORD_ADOPTION, adoption(unknownId('Practice')))).toBe('NOT_FOUND');
    expect(await code(outsider!, RECORD_ADOPTION, adoption(emporio.id, { territoryId: unknownId('Territory') }))).toBe('NOT_FOUND');
    expect(await code(outsider!, RECORD_ADOPTION, adoption(emporio.id, { projectId: unknownId('Project') }))).toBe('NOT_FOUND');
    expect(await code(outsider!, RECORD_ADOPTION, adoption(emporio.id, { territoryId: emporio.id }))).toBe('BAD_USER_INPUT');
    for (const closed of [draft, archived]) {
      const refused = await call.data(author!, RECORD_ADOPTION, { input: adoption(closed.id) });
      expect(refused.recordAdoption.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_STATE']);
    }
    const bad = await call.data(outsider!, RECORD_ADOPTION, { input: adoption(emporio.id, { notes: '  ', organizationName: 'x'.repeat(161), adoptedOn: '2999-01-01' }) });
    expect(bad.recordAdoption.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code])).toEqual([
      ['input.organizationName', 'TOO_LONG'],
      ['input.notes', 'REQUIRED'],
      ['input.adoptedOn', 'OUT_OF_RANGE'],
    ]);

    for (const [document, extra] of [
      [UPDATE_ADOPTION, { notes: 'Altro' }],
      [REMOVE_ADOPTION, {}],
    ] as const) {
      expect(await code(null, document, { adoptionId: recorded.id, ...extra })).toBe('UNAUTHENTICATED');
      // The practice's author reads it but neither recorded the adoption nor reviews the practice.
      expect(await code(author!, document, { adoptionId: recorded.id, ...extra })).toBe('FORBIDDEN');
      expect(await code(other!, document, { adoptionId: recorded.id, ...extra })).toBe('FORBIDDEN');
      expect(await code(recorder!, document, { adoptionId: unknownId('PracticeAdoption'), ...extra })).toBe('NOT_FOUND');
      expect(await code(recorder!, document, { adoptionId: emporio.id, ...extra })).toBe('BAD_USER_INPUT');
    }
    const badEdit = await call.data(recorder!, UPDATE_ADOPTION, { input: { adoptionId: recorded.id, notes: '', adoptedOn: '2999-01-01' } });
    expect(badEdit.updateAdoption.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code])).toEqual([
      ['input.notes', 'REQUIRED'],
      ['input.adoptedOn', 'OUT_OF_RANGE'],
    ]);
    const nothing = await call.data(recorder!, UPDATE_ADOPTION, { input: { adoptionId: recorded.id } });
    expect(nothing.updateAdoption.userErrors.map((e: { code: string }) => e.code)).toEqual(['REQUIRED']);
    expect(await state(t)).toEqual(before);
  });

  it('keeps the count exact when many record and remove adoptions at once, and orders practices by it', async () => {
    const [most, some, none] = [await practice({ title: 'La più adottata' }), await practice({ title: 'Adottata due volte' }), await practice({ title: 'Mai adottata' })];
    const recorders = await Promise.all(Array.from({ length: 12 }, () => t.users.create()));
    const results = await Promise.all(recorders.map((user) => call.data(user, RECORD_ADOPTION, { input: adoption(most.id) })));
    await Promise.all(results.slice(0, 4).map((r, i) => call.data(recorders[i]!, REMOVE_ADOPTION, { input: { adoptionId: r.recordAdoption.adoption.id } })));
    await record(recorder!, some.id);
    await record(other!, some.id);
    const [{ adoption_count }] = await t.db.query(`SELECT adoption_count FROM practice WHERE slug = $1`, [most.slug]);
    expect(adoption_count).toBe(8);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM practice_adoption a JOIN practice p ON p.id = a.practice_id WHERE p.slug = $1`, [most.slug])).toEqual([{ n: 8 }]);

    const first = (await call.data(null, MOST_ADOPTED)).practices;
    expect(first.nodes).toEqual([
      { slug: most.slug, adoptionCount: 8 },
      { slug: some.slug, adoptionCount: 2 },
    ]);
    // The next pages go on from the cursor, down to the practices never adopted, the newest of them first.
    const counts: number[] = [];
    let page = first;
    while (page.pageInfo.hasNextPage) {
      page = (await call.data(null, MOST_ADOPTED, { after: page.pageInfo.endCursor })).practices;
      counts.push(...page.nodes.map((node: { adoptionCount: number }) => node.adoptionCount));
      if (counts.at(-1) === 0) break;
    }
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts.at(-1)).toBe(0);
    expect(page.nodes.find((node: { adoptionCount: number }) => node.adoptionCount === 0)).toEqual({ slug: none.slug, adoptionCount: 0 });
  });
});
