import { CommunityFactory, ThreadFactory, type TestCommunity } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { api, globalId, skillId, state, unknownId } from './support';

const EVIDENCE = `evidence { __typename id ... on Practice { title } ... on Post { bodyHtml } }`;
const SET_COMPETENCES = `mutation($input: SetCompetencesInput!) {
  setCompetences(input: $input) { profile { competences { skill { key } ${EVIDENCE} } } userErrors { field code message } }
}`;
const SET_VISIBILITY = `mutation($input: SetProfileVisibilityInput!) { setProfileVisibility(input: $input) { userErrors { code } } }`;
const MODERATE = `mutation($input: ModerateInput!) { moderate(input: $input) { userErrors { code } } }`;
const PRACTICE = `practice { id status } userErrors { field code }`;
const CREATE_PRACTICE = `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { ${PRACTICE} } }`;
const SUBMIT = `mutation($input: PracticeDecisionInput!) { submitPracticeForReview(input: $input) { ${PRACTICE} } }`;
const PUBLISH = `mutation($input: PracticeDecisionInput!) { publishPractice(input: $input) { ${PRACTICE} } }`;
const COMPLETE = {
  summary: 'Un custode sociale per ogni condominio popolare.',
  need: 'Anziani soli nei quartieri popolari.',
  approach: 'Portierato sociale con volontari e servizi sociali.',
  results: 'Accessi al pronto soccorso ridotti del 20%.',
  transferability: 'Serve un ente gestore e un accordo con il Comune.',
};

describe('the evidence of a competence', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let [owner, colleague, member, moderator, outsider]: TestUser[] = [];
  let open: TestCommunity;
  let closed: TestCommunity;
  let skills: Record<string, string>;
  const threads = () => new ThreadFactory(t.db);

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    [owner, colleague, member, moderator, outsider] = await Promise.all([
      t.users.named('Anna Verdi').create(),
      t.users.create(),
      t.users.create(),
      t.users.moderator().create(),
      t.users.create(),
    ]);
    const communities = new CommunityFactory(t.db);
    open = await communities.create({ memberIds: [owner!.id, colleague!.id, member!.id] });
    closed = await communities.create({ visibility: 'PRIVATE', memberIds: [owner!.id, colleague!.id] });
    skills = {};
    for (const key of ['grant-writing', 'crowdfunding', 'housing', 'eu-funding']) skills[key] = globalId('Skill', await skillId(t, key));
    await call.data(owner!, SET_VISIBILITY, { input: { visibility: 'PUBLIC' } });
  });
  afterAll(() => t.close());

  /** A reply by `author` in a new thread of `community`, as a global id. */
  async function post(author: TestUser, community: TestCommunity, body = 'Abbiamo vinto il bando con una rete di 12 enti.'): Promise<string> {
    const thread = await threads().create({ communityId: community.id, authorId: author.id, replies: [{ authorId: author.id, body }] });
    const [reply] = await t.db.query(`SELECT id FROM post WHERE thread_id = $1 AND id <> $2`, [thread.id, thread.openingPostId]);
    return globalId('Post', reply.id);
  }

  /** A practice created by `author` with these co-authors, published unless `draft`. */
  async function practice(author: TestUser, { coAuthors = [] as TestUser[], draft = false, title = 'Raccolta fondi di comunità' } = {}): Promise<string> {
    const { createPractice } = await call.data(author, CREATE_PRACTICE, { input: { title, coAuthorIds: coAuthors.map((u) => u.globalId), ...COMPLETE } });
    expect(createPractice.userErrors).toEqual([]);
    const id: string = createPractice.practice.id;
    if (!draft) {
      expect((await call.data(author, SUBMIT, { input: { practiceId: id } })).submitPracticeForReview.userErrors).toEqual([]);
      expect((await call.data(moderator!, PUBLISH, { input: { practiceId: id } })).publishPractice.userErrors).toEqual([]);
    }
    return id;
  }

  const set = (user: TestUser | null, competences: Record<string, unknown>[]) => call.request(user, SET_COMPETENCES, { input: { competences } });
  const written = async (user: TestUser, competences: Record<string, unknown>[]) => {
    const result = await set(user, competences);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.setCompetences.userErrors).toEqual([]);
    return result.body.data.setCompetences.profile.competences;
  };
  /** The ids of the evidence `viewer` sees on `of`'s competences, by skill key. */
  async function seenBy(viewer: TestUser | null, of: TestUser = owner!): Promise<Record<string, string[]>> {
    const { competenceProfile } = await call.data(viewer, `query($handle: String!) { competenceProfile(handle: $handle) { competences { skill { key } ${EVIDENCE} } } }`, {
      handle: of.handle,
    });
    return Object.fromEntries(
      (competenceProfile?.competences ?? []).map((c: { skill: { key: string }; evidence: { id: string }[] }) => [c.skill.key, c.evidence.map((e) => e.id)]),
    );
  }

  it('points to the owner’s own posts and practices, co-authored ones included, and shows each viewer only those they read', async () => {
    const openPost = await post(owner!, open);
    const closedPost = await post(owner!, closed, 'Nel gruppo riservato: il piano dei donatori.');
    const coAuthored = await practice(colleague!, { coAuthors: [owner!] });
    const draft = await practice(owner!, { draft: true, title: 'Bozza: crowdfunding civico' });
    const competences = await written(owner!, [
      { skillId: skills['grant-writing'], level: 'EXPERT', evidenceIds: [coAuthored, openPost, closedPost, openPost] },
      { skillId: skills['crowdfunding'], level: 'PRACTITIONER', evidenceIds: [draft], evidenceNote: 'Due campagne' },
    ]);
    expect(competences).toEqual([
      {
        skill: { key: 'grant-writing' },
        evidence: [
          { __typename: 'Practice', id: coAuthored, title: 'Raccolta fondi di comunità' },
          { __typename: 'Post', id: openPost, bodyHtml: expect.stringContaining('Abbiamo vinto il bando') },
          { __typename: 'Post', id: closedPost, bodyHtml: expect.stringContaining('piano dei donatori') },
        ],
      },
      { skill: { key: 'crowdfunding' }, evidence: [{ __typename: 'Practice', id: draft, title: 'Bozza: crowdfunding civico' }] },
    ]);
    expect(await seenBy(owner!)).toEqual({ 'grant-writing': [coAuthored, openPost, closedPost], crowdfunding: [draft] });
    expect(await seenBy(colleague!)).toEqual({ 'grant-writing': [coAuthored, openPost, closedPost], crowdfunding: [] });
    expect(await seenBy(member!)).toEqual({ 'grant-writing': [coAuthored, openPost], crowdfunding: [] });
    expect(await seenBy(null)).toEqual({ 'grant-writing': [coAuthored, openPost], crowdfunding: [] });
    expect(await seenBy(moderator!)).toEqual({ 'grant-writing': [coAuthored, openPost, closedPost], crowdfunding: [draft] });

    // A post hidden by moderation leaves the evidence others see; a deleted one leaves everyone's.
    expect((await call.data(moderator!, MODERATE, { input: { subjectId: openPost, action: 'HIDE', reason: 'Dati personali' } })).moderate.userErrors).toEqual([]);
    expect(await seenBy(member!)).toEqual({ 'grant-writing': [coAuthored], crowdfunding: [] });
    expect((await seenBy(owner!))['grant-writing']).toEqual([coAuthored, openPost, closedPost]);
    await t.db.query(`UPDATE post SET deleted_at = now() WHERE id = $1`, [Buffer.from(closedPost, 'base64url').toString().split(':')[1]]);
    expect((await seenBy(owner!))['grant-writing']).toEqual([coAuthored, openPost]);
  });

  it('replaces a kept competence’s evidence with the list given, and drops it with a competence left out', async () => {
    const author = await t.users.create();
    const [first, second] = [await post(author, open), await post(author, open)];
    await written(author, [
      { skillId: skills['housing'], level: 'EXPERT', evidenceIds: [first, second] },
      { skillId: skills['crowdfunding'], level: 'AWARE', evidenceIds: [first] },
    ]);
    expect(await written(author, [{ skillId: skills['housing'], level: 'EXPERIENCED', evidenceIds: [second] }])).toEqual([
      { skill: { key: 'housing' }, evidence: [{ __typename: 'Post', id: second, bodyHtml: expect.any(String) }] },
    ]);
    expect(await t.db.query(`SELECT subject_type, position FROM competence_evidence WHERE user_id = $1`, [author.id])).toEqual([{ subject_type: 'Post', position: 0 }]);
  });

  it('refuses evidence that is not the owner’s, unknown, unreadable, of another kind, deleted or too much, changing nothing', async () => {
    const own = await post(owner!, open);
    const theirs = await post(colleague!, open);
    const theirPractice = await practice(colleague!, { title: 'Un’altra pratica' });
    const theirDraft = await practice(colleague!, { draft: true, title: 'Bozza altrui' });
    const elsewhere = await post(outsider!, await new CommunityFactory(t.db).create({ visibility: 'PRIVATE', memberIds: [outsider!.id] }));
    const deleted = await post(owner!, open);
    await t.db.query(`UPDATE post SET deleted_at = now() WHERE id = $1`, [Buffer.from(deleted, 'base64url').toString().split(':')[1]]);
    await written(owner!, [{ skillId: skills['housing'], level: 'EXPERT', evidenceIds: [own] }]);
    const before = await state(t);
    const competence = (evidenceIds: string[]) => [{ skillId: skills['grant-writing'], level: 'EXPERT', evidenceIds }];

    expect((await set(null, competence([own]))).body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const notYours = await set(owner!, [
      { skillId: skills['grant-writing'], level: 'EXPERT', evidenceIds: [own, theirs] },
      { skillId: skills['housing'], level: 'EXPERT', evidenceIds: [theirPractice] },
    ]);
    expect(notYours.body.data.setCompetences).toEqual({
      profile: null,
      userErrors: [
        { field: ['input', 'competences', '0', 'evidenceIds', '1'], code: 'INVALID', message: expect.any(String) },
        { field: ['input', 'competences', '1', 'evidenceIds', '0'], code: 'INVALID', message: expect.any(String) },
      ],
    });
    for (const hidden of [unknownId('Post'), unknownId('Practice'), theirDraft, elsewhere, deleted]) {
      expect((await set(owner!, competence([own, hidden]))).body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    }
    for (const wrong of [unknownId('Thread'), skills['housing']!, 'not-an-id']) {
      expect((await set(owner!, competence([own, wrong]))).body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: ['input', 'competences', '0', 'evidenceIds', '1'],
      });
    }
    const many = await Promise.all(Array.from({ length: 11 }, () => post(owner!, open)));
    const after = await state(t);
    const tooMany = await set(owner!, competence(many));
    expect(tooMany.body.data.setCompetences.userErrors).toEqual([
      { field: ['input', 'competences', '0', 'evidenceIds'], code: 'TOO_LONG', message: expect.any(String) },
    ]);
    expect(await state(t)).toEqual(after);
    expect(after).toEqual(before);
    expect(await written(owner!, competence(many.slice(0, 10)))).toEqual([{ skill: { key: 'grant-writing' }, evidence: expect.any(Array) }]);
  });

  it('keeps the evidence of both competences when their skills are merged', async () => {
    const person = await t.users.create();
    const [a, b, c] = [await post(person, open), await post(person, open), await post(person, open)];
    await written(person, [
      { skillId: skills['eu-funding'], level: 'EXPERT', evidenceIds: [a, b] },
      { skillId: skills['grant-writing'], level: 'AWARE', evidenceIds: [b, c] },
    ]);
    const admin = await t.users.admin().create();
    const merged = await call.data(admin, `mutation($input: MergeSkillsInput!) { mergeSkills(input: $input) { userErrors { code } } }`, {
      input: { from: skills['eu-funding'], into: skills['grant-writing'] },
    });
    expect(merged.mergeSkills.userErrors).toEqual([]);
    expect(await seenBy(person, person)).toEqual({ 'grant-writing': [b, c, a] });
  });

  it('reads a page of profiles with their competences’ evidence in the same number of statements for 2 as for 6', async () => {
    const viewer = await t.users.create();
    const community = await new CommunityFactory(t.db).create({});
    for (let n = 0; n < 6; n += 1) {
      const person = await t.users.create();
      const withPractice = n % 2 === 0 ? [await practice(person, { title: `Pratica ${n}` })] : [];
      await written(person, [{ skillId: skills['housing'], level: 'EXPERT', evidenceIds: [await post(person, community), ...withPractice] }]);
    }
    const statements = async (first: number) => {
      const response = await call.request(
        viewer,
        `query($first: Int!, $skill: ID!) { competenceProfiles(first: $first, filter: { skill: $skill }) { nodes { id competences { ${EVIDENCE} } } } }`,
        { first, skill: skills['housing'] },
      );
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data.competenceProfiles.nodes).toHaveLength(first);
      return Number(response.headers.get('x-sql-statements'));
    };
    // The viewer's session is read with their first request, then remembered: count after it.
    await statements(2);
    expect(await statements(6)).toBe(await statements(2));
  });
});
