import { ContentRegistry } from '@bottega/core';
import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { DirectoryFactory } from '@bottega/territories/testing';
import { COMPLETE, CREATE, PUBLISH, SUBMIT, api } from './support';

const BY_SLUG = `query($slug: String!) { practice(slug: $slug) { id status } }`;
const LIST = `query($filter: PracticeFilter) { practices(first: 50, filter: $filter) { totalCount nodes { id } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on Practice { status } } }`;
const FLAG = `mutation($input: FlagContentInput!) { flagContent(input: $input) { userErrors { code } } }`;
const MODERATE = `mutation($input: ModerateInput!) { moderate(input: $input) { userErrors { code } } }`;

describe('who reads a practice', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let [author, coAuthor, coordinator, member, outsider, otherCoordinator, moderator]: TestUser[] = [];
  let community: { id: string; globalId: string };
  let privateCommunity: { globalId: string };
  let project: string;
  const territory: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    const { users } = t;
    [author, coAuthor, coordinator, member, outsider, otherCoordinator, moderator] = await Promise.all([
      users.create(),
      users.create(),
      users.create(),
      users.create(),
      users.create(),
      users.create(),
      users.moderator().create(),
    ]);
    const communities = new CommunityFactory(t.db);
    community = await communities.create({ coordinatorId: coordinator!.id, memberIds: [member!.id, author!.id] });
    privateCommunity = await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator!.id, memberIds: [member!.id, author!.id] });
    await communities.create({ coordinatorId: otherCoordinator!.id });
    const directory = new DirectoryFactory(t.db);
    for (const code of ['IT-MI', 'IT-25', 'IT-21', 'IT-TO']) territory[code] = (await directory.territory(code)).globalId;
    project = (await directory.project()).globalId;
  });
  afterAll(() => t.close());

  async function create(input: Record<string, unknown> = {}): Promise<{ id: string; slug: string }> {
    const { createPractice } = await call.data(author!, CREATE, {
      input: { title: 'Orti sociali in cascina', communityId: community.globalId, coAuthorIds: [coAuthor!.globalId], ...COMPLETE, ...input },
    });
    expect(createPractice.userErrors).toEqual([]);
    return createPractice.practice;
  }
  const publish = async (practice: { id: string }) => {
    await call.data(author!, SUBMIT, { input: { practiceId: practice.id } });
    await call.data(coordinator!, PUBLISH, { input: { practiceId: practice.id } });
  };

  /** What `user` gets of the practice from `practice(slug)`, `practices` (with its totalCount) and `node`. */
  async function seen(user: TestUser | null, practice: { id: string; slug: string }, filter: Record<string, unknown> = { community: community.globalId }) {
    const [bySlug, list, node] = await Promise.all([
      call.data(user, BY_SLUG, { slug: practice.slug }),
      call.data(user, LIST, { filter }),
      call.data(user, NODE, { id: practice.id }),
    ]);
    return {
      bySlug: bySlug.practice?.id === practice.id,
      listed: list.practices.nodes.some((node: { id: string }) => node.id === practice.id),
      counted: list.practices.totalCount,
      node: node.node?.id === practice.id,
    };
  }

  it('shows drafts and practices in review to their authors and reviewers only, in practice, practices and its count, and node', async () => {
    const published = await create({ title: 'Emporio solidale' });
    await publish(published);
    const draft = await create();
    const hidden = { bySlug: false, listed: false, counted: 1, node: false };
    const shown = { bySlug: true, listed: true, counted: 2, node: true };
    const readers: [string, TestUser | null, typeof shown][] = [
      ['anonymous', null, hidden],
      ['a signed-in outsider', outsider!, hidden],
      ['a member of the community', member!, hidden],
      ['the coordinator of another community', otherCoordinator!, hidden],
      ['the creator', author!, shown],
      ['a co-author', coAuthor!, shown],
      ['the coordinator', coordinator!, shown],
      ['staff', moderator!, shown],
    ];
    for (const status of ['DRAFT', 'IN_REVIEW']) {
      if (status === 'IN_REVIEW') await call.data(coAuthor!, SUBMIT, { input: { practiceId: draft.id } });
      for (const [who, user, expected] of readers) {
        expect({ who, status, ...(await seen(user, draft)) }).toEqual({ who, status, ...expected });
      }
    }
    await call.data(coordinator!, PUBLISH, { input: { practiceId: draft.id } });
    for (const [who, user] of readers) {
      expect({ who, ...(await seen(user, draft)) }).toEqual({ who, bySlug: true, listed: true, counted: 2, node: true });
    }
  });

  it('names the same readers for notifications, and the same restrictions for search, as the API shows', async () => {
    const draft = await create({ title: 'Bozza condivisa' });
    const id: string = (await t.db.query(`SELECT id FROM practice WHERE slug = $1`, [draft.slug]))[0].id;
    const kind = t.app.get(ContentRegistry).get('Practice')!;
    const everyone = [author!, coAuthor!, coordinator!, member!, outsider!, otherCoordinator!, moderator!];
    const agree = async () => {
      const viaApi: string[] = [];
      for (const user of everyone) if ((await seen(user, draft)).node) viaApi.push(user.id);
      expect(await kind.readersAmong(t.db.manager, id, everyone.map((user) => user.id))).toEqual(viaApi);
      return viaApi;
    };
    expect(await agree()).toEqual([author!.id, coAuthor!.id, coordinator!.id, moderator!.id]);
    expect((await kind.document(t.db.manager, id))?.restrictions).toEqual([[`coordinator:${community.id}`, `practice-author:${id}`, 'staff']]);
    await publish(draft);
    expect(await agree()).toEqual(everyone.map((user) => user.id));
    expect((await kind.document(t.db.manager, id))?.restrictions).toEqual([]);
  });

  it('keeps a published practice of a private community to that community', async () => {
    const practice = await create({ title: 'Gruppo di mutuo aiuto', communityId: privateCommunity.globalId });
    await publish(practice);
    const filter = { community: privateCommunity.globalId };
    for (const user of [null, outsider!, otherCoordinator!]) {
      expect(await seen(user, practice, filter)).toEqual({ bySlug: false, listed: false, counted: 0, node: false });
    }
    for (const user of [member!, author!, moderator!]) {
      expect(await seen(user, practice, filter)).toEqual({ bySlug: true, listed: true, counted: 1, node: true });
    }
    // A co-author outside the private community reads it no more than any outsider once it is published.
    expect(await seen(coAuthor!, practice, filter)).toEqual({ bySlug: false, listed: false, counted: 0, node: false });
  });

  it('filters by territory (with the territories below it), tag, kind, status and project', async () => {
    const inMilano = await create({ title: 'Custodi di quartiere', territoryIds: [territory['IT-MI']], tags: ['Anziani soli'], projectId: project });
    const inTorino = await create({ title: 'Housing first a Torino', kind: 'STORY', territoryIds: [territory['IT-TO']], tags: ['casa'] });
    await publish(inMilano);
    await publish(inTorino);
    const ownDraft = await create({ title: 'Bozza in corso', territoryIds: [territory['IT-MI']] });
    const ids = async (user: TestUser | null, filter: Record<string, unknown>) =>
      (await call.data(user, LIST, { filter })).practices.nodes.map((node: { id: string }) => node.id);
    expect(await ids(null, { territory: territory['IT-25'] })).toEqual([inMilano.id]);
    expect(await ids(author!, { territory: territory['IT-25'] })).toEqual([ownDraft.id, inMilano.id]);
    expect(await ids(null, { territory: territory['IT-21'] })).toEqual([inTorino.id]);
    expect(await ids(null, { tag: 'anziani-soli' })).toEqual([inMilano.id]);
    expect(await ids(null, { kind: 'STORY' })).toEqual([inTorino.id]);
    expect(await ids(null, { project })).toEqual([inMilano.id]);
    expect(await ids(author!, { status: 'DRAFT', territory: territory['IT-MI'] })).toEqual([ownDraft.id]);
    expect(await ids(outsider!, { status: 'DRAFT' })).toEqual([]);
  });

  it('lets readers flag a practice and moderators hide it: gone for readers, kept for its authors and reviewers', async () => {
    const practice = await create({ title: 'Caffè sospeso per caregiver' });
    await publish(practice);
    expect((await call.data(member!, FLAG, { input: { subjectId: practice.id, reason: 'SPAM' } })).flagContent.userErrors).toEqual([]);
    expect((await call.data(moderator!, MODERATE, { input: { subjectId: practice.id, action: 'HIDE', reason: 'Pubblicità' } })).moderate.userErrors).toEqual([]);
    for (const user of [null, outsider!, member!]) {
      expect(await seen(user, practice)).toMatchObject({ bySlug: false, listed: false, node: false });
    }
    for (const user of [author!, coAuthor!, coordinator!]) {
      expect(await seen(user, practice)).toMatchObject({ bySlug: true, listed: true, node: true });
    }
    const id = (await t.db.query(`SELECT id FROM practice WHERE slug = $1`, [practice.slug]))[0].id;
    expect((await t.db.query(`SELECT change FROM outbox_event WHERE kind = 'Practice' AND subject_id = $1 ORDER BY version`, [id])).at(-1)).toEqual({ change: 'HIDDEN' });
  });
});
