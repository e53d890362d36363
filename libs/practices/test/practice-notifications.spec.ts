import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { DirectoryFactory } from '@bottega/territories/testing';
import { COMPLETE, CREATE, PUBLISH, SUBMIT, api } from './support';

const FOLLOW = `mutation($input: FollowInput!) { follow(input: $input) { following userErrors { code } } }`;
const INBOX = `{ notifications(first: 20) { totalCount nodes { kind actor { id } subject { __typename ... on Practice { slug } } } } }`;

describe('notifications of published practices', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let [author, coAuthor, coordinator, member, tagFan, regionFan, everyFan, outsider]: TestUser[] = [];
  let community: { globalId: string };
  let privateCommunity: { globalId: string };
  let bergamo: string;
  let lombardia: string;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    [author, coAuthor, coordinator, member, tagFan, regionFan, everyFan, outsider] = await Promise.all(Array.from({ length: 8 }, () => t.users.create()));
    const communities = new CommunityFactory(t.db);
    community = await communities.create({ coordinatorId: coordinator!.id, memberIds: [author!.id] });
    privateCommunity = await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator!.id, memberIds: [author!.id, member!.id] });
    const directory = new DirectoryFactory(t.db);
    bergamo = (await directory.territory('IT-BG')).globalId;
    lombardia = (await directory.territory('IT-25')).globalId;
  });
  afterAll(() => t.close());

  const follow = async (user: TestUser, input: Record<string, unknown>) =>
    expect((await call.data(user, FOLLOW, { input })).follow).toEqual({ following: true, userErrors: [] });
  const inbox = async (user: TestUser) => (await call.data(user, INBOX)).notifications;

  async function draft(input: Record<string, unknown>): Promise<{ id: string; slug: string }> {
    const { createPractice } = await call.data(author!, CREATE, {
      input: { title: 'Orti sociali in cascina', communityId: community.globalId, coAuthorIds: [coAuthor!.globalId], ...COMPLETE, ...input },
    });
    return createPractice.practice;
  }
  async function publish(practice: { id: string }): Promise<void> {
    await call.data(author!, SUBMIT, { input: { practiceId: practice.id } });
    expect((await call.data(coordinator!, PUBLISH, { input: { practiceId: practice.id } })).publishPractice.userErrors).toEqual([]);
  }

  it('tells the followers of the practice, its tags and its territories (and the regions above them) once each, never the actor', async () => {
    await follow(tagFan!, { tag: 'Orti sociali' });
    await follow(regionFan!, { subjectId: lombardia });
    await follow(everyFan!, { tag: 'orti-sociali' });
    await follow(everyFan!, { subjectId: bergamo });
    await follow(coordinator!, { tag: 'orti-sociali' });
    await follow(outsider!, { tag: 'altro-tema' });
    const practice = await draft({ tags: ['orti-sociali'], territoryIds: [bergamo] });
    // A draft is followed by those who read it: here, a co-author.
    await follow(coAuthor!, { subjectId: practice.id });
    await follow(everyFan!, { tag: 'orti-sociali' });

    await call.data(author!, SUBMIT, { input: { practiceId: practice.id } });
    for (const user of [tagFan!, regionFan!, everyFan!, coAuthor!]) expect((await inbox(user)).totalCount).toBe(0);
    await publish(practice);

    for (const user of [tagFan!, regionFan!, everyFan!, coAuthor!]) {
      expect(await inbox(user)).toEqual({
        totalCount: 1,
        nodes: [{ kind: 'PRACTICE_PUBLISHED', actor: { id: coordinator!.globalId }, subject: { __typename: 'Practice', slug: practice.slug } }],
      });
    }
    for (const user of [coordinator!, outsider!, author!]) expect((await inbox(user)).totalCount).toBe(0);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'PRACTICE_PUBLISHED'`);
    expect(n).toBe(4);
  });

  it('tells nobody who may not read a practice of a private community', async () => {
    const [fan, memberFan] = await Promise.all([t.users.create(), t.users.create()]);
    await follow(fan, { tag: 'mutuo-aiuto' });
    await follow(member!, { tag: 'mutuo-aiuto' });
    await follow(memberFan, { subjectId: bergamo });
    const practice = await draft({ title: 'Gruppo di mutuo aiuto', communityId: privateCommunity.globalId, tags: ['mutuo-aiuto'], territoryIds: [bergamo] });
    await publish(practice);
    expect((await inbox(fan)).totalCount).toBe(0);
    expect((await inbox(memberFan)).totalCount).toBe(0);
    // The co-author is not a member: once published, the practice is the community's, and so is the news of it.
    expect((await inbox(coAuthor!)).nodes.map((n: { subject: { slug: string } }) => n.subject.slug)).not.toContain(practice.slug);
    expect((await inbox(member!)).nodes).toEqual([
      { kind: 'PRACTICE_PUBLISHED', actor: { id: coordinator!.globalId }, subject: { __typename: 'Practice', slug: practice.slug } },
    ]);
  });

  it('lets only those who read a practice follow it', async () => {
    const practice = await draft({ title: 'Bozza riservata' });
    const refused = await call.request(outsider!, FOLLOW, { input: { subjectId: practice.id } });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await t.db.query(`SELECT count(*)::int AS n FROM follow WHERE user_id = $1 AND subject_type = 'PRACTICE'`, [outsider!.id])).toEqual([{ n: 0 }]);
  });
});
