import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { DirectoryFactory } from '@bottega/territories/testing';
import { ARCHIVE, COMPLETE, CREATE, PUBLISH, RETURN, SUBMIT, UPDATE, api, state, unknownId } from './support';

describe('practice mutations', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let [author, coAuthor, coordinator, member, outsider, invited, moderator]: TestUser[] = [];
  let community: { id: string; globalId: string };
  let privateCommunity: { globalId: string };
  let milano: string;
  let project: string;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    const { users } = t;
    [author, coAuthor, coordinator, member, outsider, invited, moderator] = await Promise.all([
      users.named('Giulia Rossi').create(),
      users.create(),
      users.create(),
      users.create(),
      users.create(),
      users.create(),
      users.moderator().create(),
    ]);
    const communities = new CommunityFactory(t.db);
    community = await communities.create({ coordinatorId: coordinator!.id, memberIds: [member!.id, author!.id] });
    privateCommunity = await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator!.id, invitedIds: [invited!.id] });
    const directory = new DirectoryFactory(t.db);
    milano = (await directory.territory('IT-MI')).globalId;
    project = (await directory.project({ title: 'Città che cura' })).globalId;
  });
  afterAll(() => t.close());

  /** A draft by `author` (with `coAuthor`) in the community, complete unless told otherwise. */
  async function draft(input: Record<string, unknown> = {}): Promise<{ id: string; slug: string; version: number }> {
    const result = await call.data(author!, CREATE, {
      input: { title: 'Portierato sociale', communityId: community.globalId, coAuthorIds: [coAuthor!.globalId], ...COMPLETE, ...input },
    });
    expect(result.createPractice.userErrors).toEqual([]);
    return result.createPractice.practice;
  }

  async function inStatus(status: 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED', input: Record<string, unknown> = {}) {
    const practice = await draft(input);
    await call.data(author!, SUBMIT, { input: { practiceId: practice.id } });
    if (status !== 'IN_REVIEW') await call.data(coordinator!, PUBLISH, { input: { practiceId: practice.id } });
    if (status === 'ARCHIVED') await call.data(author!, ARCHIVE, { input: { practiceId: practice.id } });
    return practice;
  }

  describe('createPractice', () => {
    it('creates a draft: sections rendered once, a slug from the title, the creator and co-authors, links, an outbox record', async () => {
      const { createPractice } = await call.data(author!, CREATE, {
        input: {
          kind: 'STORY',
          title: '  Custodi   sociali a Quarto Oggiaro ',
          summary: 'Volontari di condominio',
          need: 'Anziani *soli*, <script>alert(1)</script>',
          startsOn: '2024-01-15',
          territoryIds: [milano],
          tags: ['Anziani soli', 'anziani-soli', 'Welfare'],
          projectId: project,
          communityId: community.globalId,
          coAuthorIds: [coAuthor!.globalId, author!.globalId],
        },
      });
      expect(createPractice.userErrors).toEqual([]);
      const practice = createPractice.practice;
      expect(practice).toMatchObject({
        slug: 'custodi-sociali-a-quarto-oggiaro',
        kind: 'STORY',
        status: 'DRAFT',
        title: 'Custodi sociali a Quarto Oggiaro',
        version: 1,
        tags: ['anziani-soli', 'welfare'],
        startsOn: '2024-01-15',
        endsOn: null,
        territories: [{ code: 'IT-MI' }],
        project: { title: 'Città che cura' },
        community: { id: community.globalId },
        authors: [{ id: author!.globalId }, { id: coAuthor!.globalId }],
        viewerCanEdit: true,
        viewerCanSubmit: true,
        viewerCanPublish: false,
        viewerCanArchive: false,
      });
      expect(practice.need.markdown).toBe('Anziani *soli*, <script>alert(1)</script>');
      expect(practice.need.html).toContain('<em>soli</em>');
      expect(practice.need.html).not.toContain('<script>');
      expect(await t.db.query(`SELECT change FROM outbox_event WHERE kind = 'Practice' AND subject_id = $1`, [Buffer.from(practice.id, 'base64url').toString().slice(9)])).toEqual([
        { change: 'CREATED' },
      ]);
      const again = await draft({ title: 'Custodi sociali a Quarto Oggiaro' });
      expect(again.slug).toBe('custodi-sociali-a-quarto-oggiaro-2');
    });

    it('gives drafts created at the same moment with the same title each a slug of their own', async () => {
      const results = await Promise.all(
        Array.from({ length: 4 }, () => call.data(author!, CREATE, { input: { title: 'Banco alimentare di quartiere' } })),
      );
      const slugs = results.map((r) => r.createPractice.practice.slug).sort();
      expect(slugs).toEqual(['banco-alimentare-di-quartiere', 'banco-alimentare-di-quartiere-2', 'banco-alimentare-di-quartiere-3', 'banco-alimentare-di-quartiere-4']);
    });

    it('refuses the anonymous, a private community the author has not joined, unknown ids and bad input, creating nothing', async () => {
      const before = await state(t);
      const create = (user: TestUser | null, input: Record<string, unknown>) => call.request(user, CREATE, { input: { title: 'Orti sociali', ...input } });
      expect((await create(null, {})).body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect((await create(invited!, { communityId: privateCommunity.globalId })).body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect((await create(outsider!, { communityId: privateCommunity.globalId })).body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      for (const input of [
        { communityId: unknownId('Community') },
        { projectId: unknownId('Project') },
        { territoryIds: [unknownId('Territory')] },
        { coAuthorIds: [unknownId('User')] },
      ]) {
        expect((await create(author!, input)).body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      }
      expect((await create(author!, { communityId: 'not-an-id' })).body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      const bad = await create(author!, { title: 'x'.repeat(121), startsOn: '2024-05-01', endsOn: '2024-04-01', tags: ['!'] });
      expect(bad.body.data.createPractice.practice).toBeNull();
      expect(bad.body.data.createPractice.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code])).toEqual([
        ['input.title', 'TOO_LONG'],
        ['input.endsOn', 'OUT_OF_RANGE'],
        ['input.tags', 'TOO_SHORT'],
      ]);
      expect(await state(t)).toEqual(before);
    });
  });

  describe('updatePractice', () => {
    it('lets authors and co-authors edit a draft at its version, re-rendering what they change', async () => {
      const practice = await draft();
      const first = await call.data(coAuthor!, UPDATE, { input: { practiceId: practice.id, version: 1, need: 'Solitudine **estiva**', tags: ['caldo'] } });
      expect(first.updatePractice.userErrors).toEqual([]);
      expect(first.updatePractice.practice).toMatchObject({ version: 2, tags: ['caldo'], need: { markdown: 'Solitudine **estiva**' } });
      expect(first.updatePractice.practice.need.html).toContain('<strong>estiva</strong>');
      const second = await call.data(author!, UPDATE, { input: { practiceId: practice.id, version: 2, title: 'Portierato sociale estivo' } });
      expect(second.updatePractice.practice).toMatchObject({ version: 3, title: 'Portierato sociale estivo', slug: practice.slug });
      // Drafts keep no versions: only published ones are history.
      expect(await t.db.query(`SELECT count(*)::int AS n FROM practice_version`)).toEqual([{ n: 0 }]);
    });

    it('refuses a stale version as a CONFLICT, changing nothing', async () => {
      const practice = await draft();
      await call.data(author!, UPDATE, { input: { practiceId: practice.id, version: 1, summary: 'Prima modifica' } });
      const before = await state(t);
      const stale = await call.data(coAuthor!, UPDATE, { input: { practiceId: practice.id, version: 1, summary: 'Seconda modifica' } });
      expect(stale.updatePractice).toEqual({
        practice: null,
        userErrors: [{ field: ['input', 'version'], code: 'CONFLICT', message: 'This practice changed since you opened it; reload it and edit again.' }],
      });
      expect(await state(t)).toEqual(before);
    });

    it('lets exactly one of simultaneous edits from one version win', async () => {
      const practice = await draft();
      const editors = [author!, coAuthor!, author!, coAuthor!, author!, coAuthor!];
      const results = await Promise.all(
        editors.map((editor, i) => call.data(editor, UPDATE, { input: { practiceId: practice.id, version: 1, summary: `Versione ${i}` } })),
      );
      const winners = results.filter((r) => r.updatePractice.practice !== null);
      expect(winners).toHaveLength(1);
      expect(results.flatMap((r) => r.updatePractice.userErrors.map((e: { code: string }) => e.code))).toEqual(Array(editors.length - 1).fill('CONFLICT'));
      const [row] = await t.db.query(`SELECT version, summary FROM practice WHERE slug = $1`, [practice.slug]);
      expect(row).toEqual({ version: 2, summary: winners[0]!.updatePractice.practice.summary });
      expect(await t.db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE subject_id = (SELECT id FROM practice WHERE slug = $1) AND change = 'EDITED'`, [practice.slug])).toEqual([{ n: 1 }]);
    });

    it('refuses the anonymous, non-authors, unknown and unreadable ids, bad input and the wrong status, changing nothing', async () => {
      const published = await inStatus('PUBLISHED');
      const inReview = await inStatus('IN_REVIEW');
      const archived = await inStatus('ARCHIVED');
      const hidden = await draft();
      const before = await state(t);
      const update = (user: TestUser | null, input: Record<string, unknown>) => call.request(user, UPDATE, { input: { version: 1, summary: 'Nuovo', ...input } });
      expect((await update(null, { practiceId: published.id })).body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      for (const reader of [outsider!, member!, coordinator!, moderator!]) {
        expect((await update(reader, { practiceId: published.id })).body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      }
      expect((await update(outsider!, { practiceId: hidden.id })).body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      expect((await update(author!, { practiceId: unknownId('Practice') })).body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      expect((await update(author!, { practiceId: community.globalId })).body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      const tooLong = await update(author!, { practiceId: published.id, title: 'y'.repeat(121) });
      expect(tooLong.body.data.updatePractice.userErrors.map((e: { code: string }) => e.code)).toEqual(['TOO_LONG']);
      const nothing = await call.request(author!, UPDATE, { input: { practiceId: published.id, version: 1 } });
      expect(nothing.body.data.updatePractice.userErrors.map((e: { code: string }) => e.code)).toEqual(['REQUIRED']);
      for (const practice of [inReview, archived]) {
        const refused = await update(author!, { practiceId: practice.id });
        expect(refused.body.data.updatePractice.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_STATE']);
      }
      expect(await state(t)).toEqual(before);
    });

    it('keeps the version an edit of a published practice replaces, readable by its authors and reviewers only', async () => {
      const practice = await inStatus('PUBLISHED', { title: 'Emporio solidale' });
      const edited = await call.data(coAuthor!, UPDATE, { input: { practiceId: practice.id, version: 1, approach: 'Tessere a punti' } });
      expect(edited.updatePractice.practice).toMatchObject({ version: 2, status: 'PUBLISHED', approach: { markdown: 'Tessere a punti' } });
      await call.data(author!, UPDATE, { input: { practiceId: practice.id, version: 2, title: 'Emporio solidale di quartiere' } });
      const VERSIONS = `query($slug: String!) { practice(slug: $slug) { title versions(first: 10) { totalCount nodes { version title approach { markdown } madeAt } } } }`;
      for (const reader of [author!, coordinator!, moderator!]) {
        const { practice: seen } = await call.data(reader, VERSIONS, { slug: practice.slug });
        expect(seen.title).toBe('Emporio solidale di quartiere');
        expect(seen.versions.totalCount).toBe(2);
        expect(seen.versions.nodes.map((v: { version: number; title: string; approach: { markdown: string } }) => [v.version, v.title, v.approach.markdown])).toEqual([
          [2, 'Emporio solidale', 'Tessere a punti'],
          [1, 'Emporio solidale', COMPLETE.approach],
        ]);
      }
      for (const reader of [null, outsider!, member!]) {
        expect((await call.data(reader, VERSIONS, { slug: practice.slug })).practice).toEqual({ title: 'Emporio solidale di quartiere', versions: null });
      }
    });
  });

  describe('the lifecycle', () => {
    it('refuses to submit a practice whose required sections are empty, then takes it through review, return and publication', async () => {
      const practice = await draft({ need: null, transferability: '   ' });
      const before = await state(t);
      const incomplete = await call.data(author!, SUBMIT, { input: { practiceId: practice.id } });
      expect(incomplete.submitPracticeForReview.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code])).toEqual([
        ['practice.need', 'REQUIRED'],
        ['practice.transferability', 'REQUIRED'],
      ]);
      expect(await state(t)).toEqual(before);

      await call.data(author!, UPDATE, { input: { practiceId: practice.id, version: 1, need: COMPLETE.need, transferability: COMPLETE.transferability } });
      const submitted = await call.data(coAuthor!, SUBMIT, { input: { practiceId: practice.id } });
      expect(submitted.submitPracticeForReview.practice).toMatchObject({ status: 'IN_REVIEW', viewerCanEdit: false, viewerCanSubmit: false });
      expect((await call.data(coordinator!, `query($slug: String!) { practice(slug: $slug) { viewerCanPublish viewerCanReturn } }`, { slug: practice.slug })).practice).toEqual({
        viewerCanPublish: true,
        viewerCanReturn: true,
      });

      const returned = await call.data(coordinator!, RETURN, { input: { practiceId: practice.id, comment: ' Aggiungete i numeri. ' } });
      expect(returned.returnPractice.practice).toMatchObject({ status: 'DRAFT', reviewComment: 'Aggiungete i numeri.' });
      expect((await call.data(author!, `query($slug: String!) { practice(slug: $slug) { reviewComment viewerCanSubmit } }`, { slug: practice.slug })).practice).toEqual({
        reviewComment: 'Aggiungete i numeri.',
        viewerCanSubmit: true,
      });
      const resubmitted = await call.data(author!, SUBMIT, { input: { practiceId: practice.id } });
      expect(resubmitted.submitPracticeForReview.practice).toMatchObject({ status: 'IN_REVIEW', reviewComment: null });

      const published = await call.data(coordinator!, PUBLISH, { input: { practiceId: practice.id } });
      expect(published.publishPractice.practice.status).toBe('PUBLISHED');
      expect(published.publishPractice.practice.publishedAt).not.toBeNull();
      expect((await call.data(null, `query($slug: String!) { practice(slug: $slug) { status } }`, { slug: practice.slug })).practice).toEqual({ status: 'PUBLISHED' });

      const id = (await t.db.query(`SELECT id FROM practice WHERE slug = $1`, [practice.slug]))[0].id;
      expect(await t.db.query(`SELECT action, actor_id, reason FROM audit_log WHERE subject_type = 'Practice' AND subject_id = $1 ORDER BY created_at`, [id])).toEqual([
        { action: 'SUBMIT', actor_id: coAuthor!.id, reason: null },
        { action: 'RETURN', actor_id: coordinator!.id, reason: 'Aggiungete i numeri.' },
        { action: 'SUBMIT', actor_id: author!.id, reason: null },
        { action: 'PUBLISH', actor_id: coordinator!.id, reason: null },
      ]);
      expect((await t.db.query(`SELECT change FROM outbox_event WHERE kind = 'Practice' AND subject_id = $1 ORDER BY version`, [id])).map((r: { change: string }) => r.change)).toEqual([
        'CREATED',
        'EDITED',
        'EDITED',
        'EDITED',
        'EDITED',
        'VISIBILITY_CHANGED',
      ]);

      const archived = await call.data(coordinator!, ARCHIVE, { input: { practiceId: practice.id } });
      expect(archived.archivePractice.practice).toMatchObject({ status: 'ARCHIVED', viewerCanArchive: false });
      expect((await call.data(null, `query($slug: String!) { practice(slug: $slug) { status } }`, { slug: practice.slug })).practice).toEqual({ status: 'ARCHIVED' });
    });

    it('has staff review a practice that belongs to no community', async () => {
      const practice = await draft({ communityId: null });
      await call.data(author!, SUBMIT, { input: { practiceId: practice.id } });
      expect(await call.code(coordinator!, PUBLISH, { input: { practiceId: practice.id } })).toBe('NOT_FOUND');
      expect((await call.data(moderator!, PUBLISH, { input: { practiceId: practice.id } })).publishPractice.practice.status).toBe('PUBLISHED');
    });

    it('publishes once when two reviewers decide at the same moment', async () => {
      const practice = await inStatus('IN_REVIEW');
      const results = await Promise.all([coordinator!, moderator!, coordinator!, moderator!].map((reviewer) => call.data(reviewer, PUBLISH, { input: { practiceId: practice.id } })));
      expect(results.filter((r) => r.publishPractice.practice !== null)).toHaveLength(1);
      expect(results.flatMap((r) => r.publishPractice.userErrors.map((e: { code: string }) => e.code))).toEqual(['INVALID_STATE', 'INVALID_STATE', 'INVALID_STATE']);
      expect(await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'PUBLISH' AND subject_id = (SELECT id FROM practice WHERE slug = $1)`, [practice.slug])).toEqual([{ n: 1 }]);
    });

    const decisions: [string, string, Record<string, unknown>, 'IN_REVIEW' | 'PUBLISHED' | null, TestUserKey, TestUserKey][] = [
      // mutation, document, extra input, the status it applies to, someone who reads it but may not decide, someone who may
      ['submitPracticeForReview', SUBMIT, {}, null, 'coordinator', 'author'],
      ['publishPractice', PUBLISH, {}, 'IN_REVIEW', 'author', 'coordinator'],
      ['returnPractice', RETURN, { comment: 'Da rivedere' }, 'IN_REVIEW', 'coAuthor', 'moderator'],
      ['archivePractice', ARCHIVE, {}, 'PUBLISHED', 'member', 'coAuthor'],
    ];
    type TestUserKey = 'author' | 'coAuthor' | 'coordinator' | 'moderator' | 'member';
    const who = (key: TestUserKey): TestUser => ({ author, coAuthor, coordinator, moderator, member })[key]!;

    it.each(decisions)('%s refuses the anonymous, the forbidden, unknown ids, bad ids and the wrong status, changing nothing', async (name, document, extra, status, forbidden, allowed) => {
      const practice = status ? await inStatus(status) : await draft();
      const other = status === 'IN_REVIEW' ? await draft() : await inStatus('IN_REVIEW');
      const before = await state(t);
      const decide = (user: TestUser | null, id: string) => call.request(user, document, { input: { practiceId: id, ...extra } });
      expect((await decide(null, practice.id)).body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect((await decide(who(forbidden), practice.id)).body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect((await decide(outsider!, (await draft()).id)).body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      const afterDraft = await state(t);
      expect((await decide(who(allowed), unknownId('Practice'))).body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      expect((await decide(who(allowed), 'nonsense')).body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      const wrong = await decide(who(allowed), other.id);
      expect(wrong.body.data[name].userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_STATE']);
      expect(await state(t)).toEqual(afterDraft);
      expect(before).not.toEqual(afterDraft);
    });

    it('returns a practice only with a comment the audit log can keep', async () => {
      const practice = await inStatus('IN_REVIEW');
      const before = await state(t);
      const empty = await call.data(coordinator!, RETURN, { input: { practiceId: practice.id, comment: '   ' } });
      expect(empty.returnPractice.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code])).toEqual([['input.comment', 'REQUIRED']]);
      const long = await call.data(coordinator!, RETURN, { input: { practiceId: practice.id, comment: 'x'.repeat(1001) } });
      expect(long.returnPractice.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code])).toEqual([['input.comment', 'TOO_LONG']]);
      expect(await state(t)).toEqual(before);
    });
  });
});
