import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { api, globalId, skillId, state, unknownId } from './support';

const COMPETENCE = `endorsementCount viewerHasEndorsed viewerCanEndorse skill { key } endorsements(first: 50) { totalCount nodes { endorser { id competenceProfile { id } } } }`;
const ENDORSE = `mutation($input: EndorsementInput!) { endorseCompetence(input: $input) { competence { ${COMPETENCE} } userErrors { field code message } } }`;
const WITHDRAW = `mutation($input: EndorsementInput!) { withdrawEndorsement(input: $input) { competence { ${COMPETENCE} } userErrors { field code message } } }`;
const SET_COMPETENCES = `mutation($input: SetCompetencesInput!) { setCompetences(input: $input) { userErrors { code } } }`;
const SET_VISIBILITY = `mutation($input: SetProfileVisibilityInput!) { setProfileVisibility(input: $input) { userErrors { code } } }`;

describe('endorsements', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let grantWriting: string;
  let housing: string;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    grantWriting = globalId('Skill', await skillId(t, 'grant-writing'));
    housing = globalId('Skill', await skillId(t, 'housing'));
  });
  afterAll(() => t.close());

  /** Someone with a grant-writing competence, their profile as given. */
  async function person(visibility = 'PUBLIC'): Promise<TestUser> {
    const user = await t.users.create();
    expect((await call.data(user, SET_COMPETENCES, { input: { competences: [{ skillId: grantWriting, level: 'EXPERT' }] } })).setCompetences.userErrors).toEqual([]);
    await call.data(user, SET_VISIBILITY, { input: { visibility } });
    return user;
  }

  it('endorses a competence once and withdraws it, with the count, the endorsers and the viewer’s flags', async () => {
    const owner = await person();
    const [endorser, other] = await Promise.all([person('HIDDEN'), t.users.create()]);
    const { endorseCompetence } = await call.data(endorser, ENDORSE, { input: { userId: owner.globalId, skillId: grantWriting } });
    expect(endorseCompetence).toEqual({
      competence: {
        endorsementCount: 1,
        viewerHasEndorsed: true,
        viewerCanEndorse: false,
        skill: { key: 'grant-writing' },
        endorsements: { totalCount: 1, nodes: [{ endorser: { id: endorser.globalId, competenceProfile: { id: globalId('CompetenceProfile', endorser.id) } } }] },
      },
      userErrors: [],
    });

    // Others see the endorser, but not the endorser's hidden profile.
    const seen = await call.data(other, `query($h: String!) { competenceProfile(handle: $h) { competences { ${COMPETENCE} } } }`, { h: owner.handle });
    expect(seen.competenceProfile.competences).toEqual([
      {
        endorsementCount: 1,
        viewerHasEndorsed: false,
        viewerCanEndorse: true,
        skill: { key: 'grant-writing' },
        endorsements: { totalCount: 1, nodes: [{ endorser: { id: endorser.globalId, competenceProfile: null } }] },
      },
    ]);
    const own = await call.data(owner, `query($h: String!) { competenceProfile(handle: $h) { competences { viewerCanEndorse } } }`, { h: owner.handle });
    expect(own.competenceProfile.competences).toEqual([{ viewerCanEndorse: false }]);

    const { withdrawEndorsement } = await call.data(endorser, WITHDRAW, { input: { userId: owner.globalId, skillId: grantWriting } });
    expect(withdrawEndorsement.competence).toMatchObject({ endorsementCount: 0, viewerHasEndorsed: false, viewerCanEndorse: true, endorsements: { totalCount: 0, nodes: [] } });
  });

  it('refuses the anonymous, unknown and malformed ids, a profile the endorser may not see, oneself, a skill not listed and a second endorsement, changing nothing', async () => {
    const owner = await person();
    const hidden = await person('HIDDEN');
    const membersOnly = await person('MEMBERS_ONLY');
    const endorser = await t.users.create();
    await call.data(endorser, ENDORSE, { input: { userId: owner.globalId, skillId: grantWriting } });
    const before = await state(t);
    const input = (more: Record<string, string> = {}) => ({ input: { userId: owner.globalId, skillId: grantWriting, ...more } });

    expect(await call.code(null, ENDORSE, input())).toBe('UNAUTHENTICATED');
    expect(await call.code(null, WITHDRAW, input())).toBe('UNAUTHENTICATED');
    expect(await call.code(null, ENDORSE, input({ userId: membersOnly.globalId }))).toBe('UNAUTHENTICATED');
    for (const mutation of [ENDORSE, WITHDRAW]) {
      expect(await call.code(endorser, mutation, input({ userId: unknownId('User') }))).toBe('NOT_FOUND');
      expect(await call.code(endorser, mutation, input({ skillId: unknownId('Skill') }))).toBe('NOT_FOUND');
      expect(await call.code(endorser, mutation, input({ userId: hidden.globalId }))).toBe('NOT_FOUND');
      expect(await call.code(endorser, mutation, input({ userId: grantWriting }))).toBe('BAD_USER_INPUT');
      expect(await call.code(endorser, mutation, input({ skillId: 'nope' }))).toBe('BAD_USER_INPUT');
    }
    const refused = async (user: TestUser, mutation: string, variables: Record<string, unknown>) => {
      const data = await call.data(user, mutation, variables);
      return (data.endorseCompetence ?? data.withdrawEndorsement).userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code]);
    };
    expect(await refused(owner, ENDORSE, input())).toEqual([['input.userId', 'INVALID']]);
    expect(await refused(endorser, ENDORSE, input({ skillId: housing }))).toEqual([['input.skillId', 'INVALID']]);
    expect(await refused(endorser, ENDORSE, input())).toEqual([['input.skillId', 'TAKEN']]);
    expect(await refused(owner, WITHDRAW, input())).toEqual([['input.skillId', 'INVALID_STATE']]);
    expect(await refused(endorser, WITHDRAW, input({ userId: membersOnly.globalId }))).toEqual([['input.skillId', 'INVALID_STATE']]);
    expect(await state(t)).toEqual(before);
  });

  it('counts simultaneous endorsements by many people exactly, each once', async () => {
    const owner = await person();
    const endorsers = await Promise.all(Array.from({ length: 16 }, () => t.users.create()));
    const results = await Promise.all(
      endorsers.flatMap((endorser) => [0, 1].map(() => call.data(endorser, ENDORSE, { input: { userId: owner.globalId, skillId: grantWriting } }))),
    );
    const codes = results.map((result) => result.endorseCompetence.userErrors[0]?.code ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(16);
    expect(codes.filter((code) => code === 'TAKEN')).toHaveLength(16);
    const { competenceProfile } = await call.data(null, `query($h: String!) { competenceProfile(handle: $h) { competences { endorsementCount endorsements(first: 100) { totalCount } } } }`, {
      h: owner.handle,
    });
    expect(competenceProfile.competences).toEqual([{ endorsementCount: 16, endorsements: { totalCount: 16 } }]);

    // Withdrawn at once by half of them, and endorsed again by a quarter: still exact.
    await Promise.all(endorsers.slice(0, 8).map((endorser) => call.data(endorser, WITHDRAW, { input: { userId: owner.globalId, skillId: grantWriting } })));
    await Promise.all(endorsers.slice(0, 4).map((endorser) => call.data(endorser, ENDORSE, { input: { userId: owner.globalId, skillId: grantWriting } })));
    expect(await t.db.query(`SELECT count(*)::int AS n FROM endorsement WHERE user_id = $1`, [owner.id])).toEqual([{ n: 12 }]);
  });

  it('shows no endorsement of a hidden profile: its competences cannot be reached, nor endorsed', async () => {
    const owner = await person();
    const [endorser, member, staff] = await Promise.all([t.users.create(), t.users.create(), t.users.moderator().create()]);
    await call.data(endorser, ENDORSE, { input: { userId: owner.globalId, skillId: grantWriting } });
    await call.data(owner, SET_VISIBILITY, { input: { visibility: 'HIDDEN' } });
    const reach = (viewer: TestUser) =>
      call.data(viewer, `query($h: String!, $id: ID!) { competenceProfile(handle: $h) { competences { endorsementCount } } node(id: $id) { id } user(handle: $h) { competenceProfile { id } } }`, {
        h: owner.handle,
        id: globalId('CompetenceProfile', owner.id),
      });
    expect(await reach(member)).toEqual({ competenceProfile: null, node: null, user: { competenceProfile: null } });
    expect(await reach(endorser)).toEqual({ competenceProfile: null, node: null, user: { competenceProfile: null } });
    expect(await call.code(endorser, WITHDRAW, { input: { userId: owner.globalId, skillId: grantWriting } })).toBe('NOT_FOUND');
    expect((await reach(staff)).competenceProfile).toEqual({ competences: [{ endorsementCount: 1 }] });
    expect((await reach(owner)).competenceProfile).toEqual({ competences: [{ endorsementCount: 1 }] });
  });
});
