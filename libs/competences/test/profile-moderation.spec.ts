import { ContentRegistry, type ContentKind } from '@bottega/core';
import { CommunityFactory, ThreadFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { DirectoryFactory } from '@bottega/territories/testing';
import { api, globalId, skillId, state, unknownId } from './support';

const FLAG = `mutation($input: FlagContentInput!) { flagContent(input: $input) { flag { weight } userErrors { field code } } }`;
const MODERATE = `mutation($input: ModerateInput!) {
  moderate(input: $input) { content { __typename ... on CompetenceProfile { id hidden } } userErrors { field code } }
}`;
const QUEUE = `{ moderationQueue(first: 50) { nodes { hidden content { __typename ... on CompetenceProfile { id } } } } }`;
const UPDATE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { userErrors { code } } }`;
const SET_COMPETENCES = `mutation($input: SetCompetencesInput!) { setCompetences(input: $input) { userErrors { code } } }`;
const SET_VISIBILITY = `mutation($input: SetProfileVisibilityInput!) { setProfileVisibility(input: $input) { userErrors { code } } }`;
const ENDORSE = `mutation($input: EndorsementInput!) { endorseCompetence(input: $input) { userErrors { code } } }`;

describe('moderating competence profiles', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let kind: ContentKind;
  let [member, neighbour, moderator, admin, coordinator]: TestUser[] = [];
  let skill: string;

  beforeAll(async () => {
    // New accounts weigh from the start, so two trusted flags hide a profile.
    t = await startTestApp({ FLAG_AUTO_HIDE_THRESHOLD: '2', NEW_ACCOUNT_DAYS: '0' });
    call = api(t);
    kind = t.app.get(ContentRegistry).get('CompetenceProfile')!;
    [member, neighbour, moderator, admin, coordinator] = await Promise.all([
      t.users.create(),
      t.users.create(),
      t.users.moderator().create(),
      t.users.admin().create(),
      t.users.create(),
    ]);
    // Flags weigh only for people who have taken part: a post each.
    const community = await new CommunityFactory(t.db).create({ coordinatorId: coordinator!.id, memberIds: [member!.id, neighbour!.id] });
    for (const user of [member!, neighbour!]) await new ThreadFactory(t.db).create({ communityId: community.id, authorId: user.id });
    skill = globalId('Skill', await skillId(t, 'grant-writing'));
  });
  afterAll(() => t.close());

  /** A profile with a bio and a competence, at this visibility. */
  async function profile(visibility = 'PUBLIC', name = 'Sara Galli'): Promise<TestUser> {
    const owner = await t.users.named(name).create();
    expect((await call.data(owner, UPDATE, { input: { bio: 'Progettista per il welfare di comunità.' } })).updateProfile.userErrors).toEqual([]);
    expect((await call.data(owner, SET_COMPETENCES, { input: { competences: [{ skillId: skill, level: 'EXPERT' }] } })).setCompetences.userErrors).toEqual([]);
    expect((await call.data(owner, SET_VISIBILITY, { input: { visibility } })).setProfileVisibility.userErrors).toEqual([]);
    return owner;
  }
  const subject = (owner: TestUser) => globalId('CompetenceProfile', owner.id);

  /** Whether `viewer` reaches the owner's profile, each way (by handle, node, the user, the list and its count): they must agree. */
  async function reaches(viewer: TestUser | null, owner: TestUser): Promise<boolean> {
    const id = subject(owner);
    const result = await call.data(
      viewer,
      `query($handle: String!, $id: ID!, $skill: ID!) {
        competenceProfile(handle: $handle) { id }
        node(id: $id) { id }
        user(handle: $handle) { competenceProfile { id } }
        competenceProfiles(first: 100, filter: { skill: $skill }) { totalCount nodes { id } }
      }`,
      { handle: owner.handle, id, skill },
    );
    const ways = [
      result.competenceProfile?.id === id,
      result.node?.id === id,
      result.user.competenceProfile?.id === id,
      result.competenceProfiles.nodes.some((node: { id: string }) => node.id === id),
    ];
    expect({ viewer: viewer?.id ?? null, ways }).toEqual({ viewer: viewer?.id ?? null, ways: ways.map(() => ways[0]) });
    expect(result.competenceProfiles.totalCount).toBe(result.competenceProfiles.nodes.length);
    return ways[0]!;
  }
  const table = async (owner: TestUser) => ({
    anonymous: await reaches(null, owner),
    member: await reaches(member!, owner),
    owner: await reaches(owner, owner),
    moderator: await reaches(moderator!, owner),
    admin: await reaches(admin!, owner),
  });
  const outbox = async (owner: TestUser) =>
    (await t.db.query(`SELECT change FROM outbox_event WHERE kind = 'CompetenceProfile' AND subject_id = $1 ORDER BY version`, [owner.id])).map(
      (row: { change: string }) => row.change,
    );

  it('is flagged by a reader, hidden by a moderator for all but its owner and staff, and restored', async () => {
    const owner = await profile();
    expect(await table(owner)).toEqual({ anonymous: true, member: true, owner: true, moderator: true, admin: true });

    const flagged = await call.data(member!, FLAG, { input: { subjectId: subject(owner), reason: 'SPAM' } });
    expect(flagged.flagContent).toEqual({ flag: { weight: 1 }, userErrors: [] });
    const queue = await call.data(moderator!, QUEUE);
    expect(queue.moderationQueue.nodes).toContainEqual({ hidden: false, content: { __typename: 'CompetenceProfile', id: subject(owner) } });

    const hidden = await call.data(moderator!, MODERATE, { input: { subjectId: subject(owner), action: 'HIDE', reason: 'Pubblicità' } });
    expect(hidden.moderate).toEqual({ content: { __typename: 'CompetenceProfile', id: subject(owner), hidden: true }, userErrors: [] });
    expect(await table(owner)).toEqual({ anonymous: false, member: false, owner: true, moderator: true, admin: true });
    expect((await call.data(owner, `{ viewer { competenceProfile { hidden } } }`)).viewer.competenceProfile).toEqual({ hidden: true });
    // Gone for others means gone everywhere: an endorsement finds no profile, the readers of news about it are its owner and staff.
    expect(await call.code(neighbour!, ENDORSE, { input: { userId: owner.globalId, skillId: skill } })).toBe('NOT_FOUND');
    const everyone = [member!, neighbour!, owner, moderator!, admin!, coordinator!];
    expect(await kind.readersAmong(t.db.manager, owner.id, everyone.map((user) => user.id))).toEqual([owner.id, moderator!.id, admin!.id]);
    expect(await t.db.query(`SELECT kind, subject_type, reason FROM notification WHERE recipient_id = $1`, [owner.id])).toEqual([
      { kind: 'CONTENT_HIDDEN', subject_type: 'CompetenceProfile', reason: 'Pubblicità' },
    ]);
    expect(await t.db.query(`SELECT action, actor_id FROM audit_log WHERE subject_type = 'CompetenceProfile' AND subject_id = $1`, [owner.id])).toEqual([
      { action: 'HIDE', actor_id: moderator!.id },
    ]);
    // The owner still edits it, and it stays hidden.
    expect((await call.data(owner, UPDATE, { input: { bio: 'Aggiornata.' } })).updateProfile.userErrors).toEqual([]);
    expect(await reaches(member!, owner)).toBe(false);

    const restored = await call.data(admin!, MODERATE, { input: { subjectId: subject(owner), action: 'RESTORE', reason: 'Chiarito' } });
    expect(restored.moderate).toEqual({ content: { __typename: 'CompetenceProfile', id: subject(owner), hidden: false }, userErrors: [] });
    expect(await table(owner)).toEqual({ anonymous: true, member: true, owner: true, moderator: true, admin: true });
    expect(await outbox(owner)).toEqual(['EDITED', 'EDITED', 'VISIBILITY_CHANGED', 'HIDDEN', 'EDITED', 'RESTORED']);
  });

  it('hides itself when trusted flags weigh the threshold, once, and tells its owner', async () => {
    const owner = await profile();
    const flags = await Promise.all(
      [member!, neighbour!].map((flagger) => call.data(flagger, FLAG, { input: { subjectId: subject(owner), reason: 'OFFENSIVE' } })),
    );
    for (const flag of flags) expect(flag.flagContent).toEqual({ flag: { weight: 1 }, userErrors: [] });
    expect(await table(owner)).toEqual({ anonymous: false, member: false, owner: true, moderator: true, admin: true });
    expect(await outbox(owner)).toEqual(['EDITED', 'EDITED', 'VISIBILITY_CHANGED', 'HIDDEN']);
    expect(await t.db.query(`SELECT action, actor_id FROM audit_log WHERE subject_type = 'CompetenceProfile' AND subject_id = $1`, [owner.id])).toEqual([
      { action: 'AUTO_HIDE', actor_id: null },
    ]);
    expect(await t.db.query(`SELECT kind, reason_codes FROM notification WHERE recipient_id = $1`, [owner.id])).toEqual([
      { kind: 'CONTENT_HIDDEN', reason_codes: ['OFFENSIVE'] },
    ]);
  });

  it('refuses flags and decisions that do not apply, changing nothing', async () => {
    const owner = await profile();
    const secret = await profile('HIDDEN');
    const before = await state(t);
    const cases = async () => t.db.query(`SELECT subject_id, status FROM moderation_case WHERE subject_type = 'CompetenceProfile' ORDER BY subject_id`);
    const casesBefore = await cases();
    const flag = (user: TestUser | null, subjectId: string) => call.request(user, FLAG, { input: { subjectId, reason: 'SPAM' } });
    expect((await flag(null, subject(owner))).body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect((await flag(owner, subject(owner))).body.data.flagContent.userErrors).toEqual([{ field: ['input', 'subjectId'], code: 'INVALID' }]);
    expect((await flag(member!, subject(secret))).body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect((await flag(member!, unknownId('CompetenceProfile'))).body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const moderate = (user: TestUser | null, action: string, subjectId = subject(owner)) =>
      call.request(user, MODERATE, { input: { subjectId, action, reason: 'Prova' } });
    expect((await moderate(null, 'HIDE')).body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    // Profiles belong to no community: coordinators do not moderate them, staff do.
    expect((await moderate(coordinator!, 'HIDE')).body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await moderate(member!, 'HIDE')).body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await moderate(moderator!, 'DELETE')).body.data.moderate.userErrors).toEqual([{ field: ['input', 'action'], code: 'INVALID' }]);
    expect((await moderate(moderator!, 'LOCK')).body.data.moderate.userErrors).toEqual([{ field: ['input', 'action'], code: 'INVALID' }]);
    expect((await moderate(moderator!, 'HIDE', unknownId('CompetenceProfile'))).body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(await state(t)).toEqual(before);
    expect(await cases()).toEqual(casesBefore);
  });

  describe('search documents', () => {
    it('carry the name, organization, bio, skills and their areas in both languages and territories, restricted to the profile’s audience; none for a hidden one', async () => {
      const milano = await new DirectoryFactory(t.db).territory('IT-MI');
      const owner = await profile('PUBLIC', 'Lucia Ferrari');
      await call.data(owner, UPDATE, {
        input: {
          bio: 'Dieci anni di **bandi** per il Terzo settore.',
          organization: { name: 'Fondazione Comunitaria del Lecchese', kind: 'FOUNDATION' },
          territoryIds: [milano.globalId],
          languages: ['it', 'en'],
        },
      });
      const document = await kind.document(t.db.manager, owner.id);
      expect(document).toEqual({
        type: 'CompetenceProfile',
        id: owner.id,
        title: 'Lucia Ferrari',
        summary: 'Fondazione Comunitaria del Lecchese',
        body: 'Dieci anni di **bandi** per il Terzo settore.\n\nProgettazione per bandi, Grant writing, Raccolta fondi, Fundraising',
        authorId: owner.id,
        communityId: null,
        territoryIds: [milano.id],
        tags: [],
        skills: ['grant-writing'],
        createdAt: expect.any(Date),
        updatedAt: expect.any(Date),
        restrictions: [],
      });

      await call.data(owner, SET_VISIBILITY, { input: { visibility: 'MEMBERS_ONLY' } });
      expect((await kind.document(t.db.manager, owner.id))?.restrictions).toEqual([['signed-in']]);
      await call.data(moderator!, MODERATE, { input: { subjectId: subject(owner), action: 'HIDE', reason: 'Verifica' } });
      expect((await kind.document(t.db.manager, owner.id))?.restrictions).toEqual([['signed-in'], ['staff', `user:${owner.id}`]]);
      await call.data(owner, SET_VISIBILITY, { input: { visibility: 'HIDDEN' } });
      expect(await kind.document(t.db.manager, owner.id)).toBeNull();
      expect(await kind.document(t.db.manager, member!.id)).toBeNull();

      // The display name is the account's: a change records the profile for search again.
      const renamed = await profile('PUBLIC', 'Piero Neri');
      await call.data(renamed, UPDATE, { input: { displayName: 'Pietro Neri' } });
      expect((await kind.document(t.db.manager, renamed.id))?.title).toBe('Pietro Neri');
      expect((await outbox(renamed)).at(-1)).toBe('EDITED');
    });
  });
});
