import { CommunityFactory, ThreadFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { DirectoryFactory } from '@bottega/territories/testing';
import { COMPLETE, CREATE, PUBLISH, RECORD_ADOPTION, SUBMIT, api } from './support';

const BOOKMARK = `mutation($input: BookmarkPracticeInput!) { bookmarkPractice(input: $input) { practice { id } } }`;
const ADD_COMMENT = `mutation($input: AddPracticeCommentInput!) { addPracticeComment(input: $input) { userErrors { code } } }`;
const LINK = `mutation($input: PracticeThreadLinkInput!) { linkPracticeThread(input: $input) { userErrors { code } } }`;

const USER = 'id displayName handle role createdAt';
const TERRITORY = 'id code name level istatCode';
const COMMUNITY = 'id slug name description kind visibility memberCount createdAt';

/**
 * The statements of the page, once the viewer's session (with their
 * principals) is remembered: the practice with its community, authors,
 * territories, linked thread ids and the viewer's bookmark; a page of adoptions with their territories and
 * recorders; a page of comments with their authors; the linked threads with
 * their communities.
 */
const PAGE_STATEMENTS = 4;

/** The practice page, as a signed-in reader opens it; `linkedThreads` once the schema has it. */
const pageQuery = (linkedThreads: boolean) => `query PracticePage($slug: String!, $comments: Int!, $adoptions: Int!) { practice(slug: $slug) {
  id slug kind status title summary version publishedAt tags adoptionCount bookmarkCount
  need { html } approach { html } resources { html } results { html } difficulties { html } transferability { html }
  authors { ${USER} } territories { ${TERRITORY} } community { ${COMMUNITY} }
  adoptions(first: $adoptions) { totalCount nodes { id adoptedOn outcome notes organizationName territory { ${TERRITORY} } recordedBy { ${USER} } viewerCanEdit } }
  ${linkedThreads ? 'linkedThreads { id title }' : ''}
  comments(first: $comments) { totalCount pageInfo { hasNextPage endCursor }
    nodes { id bodyHtml createdAt editedAt deleted hidden author { ${USER} } viewerCanEdit viewerCanDelete viewerCanFlag } }
  viewerCanEdit viewerCanSubmit viewerCanPublish viewerCanReturn viewerCanArchive viewerCanRecordAdoption viewerCanComment viewerHasBookmarked } }`;

describe('the practice page', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let viewer: TestUser;
  let linked = false;
  let small: { slug: string };
  let large: { slug: string };

  /**
   * A published practice with `size` of everything the page shows: co-authors,
   * territories, adoptions and comments by as many other people (in other
   * territories, so that nothing the page shows deeper down was loaded with
   * the practice), linked threads.
   */
  async function practiceOf(
    size: number,
    people: TestUser[],
    readers: TestUser[],
    community: { id: string; globalId: string },
    territories: string[],
    elsewhere: string[],
  ) {
    const [author, ...others] = people;
    const { createPractice } = await call.data(author!, CREATE, {
      input: {
        title: `Pratica con ${size} di tutto`,
        communityId: community.globalId,
        coAuthorIds: others.slice(0, size - 1).map((user) => user.globalId),
        territoryIds: territories.slice(0, size),
        tags: ['welfare-di-comunita'],
        ...COMPLETE,
      },
    });
    const practice: { id: string; slug: string } = createPractice.practice;
    await call.data(author!, SUBMIT, { input: { practiceId: practice.id } });
    expect((await call.data(people.at(-1)!, PUBLISH, { input: { practiceId: practice.id } })).publishPractice.userErrors).toEqual([]);
    for (let i = 0; i < size; i += 1) {
      const user = readers[i]!;
      const recorded = await call.data(user, RECORD_ADOPTION, {
        input: { practiceId: practice.id, territoryId: elsewhere[i % elsewhere.length], adoptedOn: '2025-01-15', notes: `Adottata ${i}`, outcome: 'ADOPTED' },
      });
      expect(recorded.recordAdoption.userErrors).toEqual([]);
      expect((await call.data(user, ADD_COMMENT, { input: { practiceId: practice.id, body: `Commento **${i}**` } })).addPracticeComment.userErrors).toEqual([]);
      if (linked) {
        const thread = await new ThreadFactory(t.db).create({ communityId: community.id, authorId: author!.id, title: `Discussione ${i}` });
        expect((await call.data(author!, LINK, { input: { practiceId: practice.id, threadId: thread.globalId } })).linkPracticeThread.userErrors).toEqual([]);
      }
    }
    await call.data(viewer, BOOKMARK, { input: { practiceId: practice.id } });
    return practice;
  }

  beforeAll(async () => {
    t = await startTestApp({ EXPOSE_SQL_STATEMENT_COUNT: 'true' });
    call = api(t);
    const practiceType = await call.data(null, `{ __type(name: "Practice") { fields { name } } }`);
    linked = practiceType.__type.fields.some((field: { name: string }) => field.name === 'linkedThreads');
    const people = await Promise.all(Array.from({ length: 9 }, () => t.users.create()));
    const readers = await Promise.all(Array.from({ length: 8 }, () => t.users.create()));
    viewer = await t.users.create();
    const community = await new CommunityFactory(t.db).create({ coordinatorId: people.at(-1)!.id, memberIds: people.slice(0, -1).map((u) => u.id) });
    const directory = new DirectoryFactory(t.db);
    const globalIds = (codes: string[]) => Promise.all(codes.map(async (code) => (await directory.territory(code)).globalId));
    const territories = await globalIds(['IT-MI', 'IT-BG', 'IT-BS', 'IT-CO', 'IT-LC', 'IT-VA', 'IT-NO', 'IT-VB']);
    const elsewhere = await globalIds(['IT-CR', 'IT-LO', 'IT-MN', 'IT-MB', 'IT-PV', 'IT-SO', 'IT-25', 'IT-21']);
    small = await practiceOf(1, people, readers, community, territories, elsewhere);
    large = await practiceOf(8, people, readers, community, territories, elsewhere);
  });
  afterAll(() => t.close());

  async function open(slug: string, comments: number, adoptions: number): Promise<{ statements: number; practice: any }> {
    const response = await t.client.as(viewer.accessToken).request<any>(pageQuery(linked), { slug, comments, adoptions });
    expect(response.body.errors).toBeUndefined();
    return { statements: Number(response.headers.get('x-sql-statements')), practice: response.body.data.practice };
  }

  it('is read in the same number of statements however many authors, territories, adoptions, comments and links it shows', async () => {
    // The viewer's session is read with their first request, then remembered: count after it.
    await open(small.slug, 50, 20);
    const one = await open(small.slug, 50, 20);
    const eight = await open(large.slug, 50, 20);
    // Positive control: the large page really shows eight of each.
    expect(eight.practice.authors).toHaveLength(8);
    expect(eight.practice.territories).toHaveLength(8);
    expect(eight.practice.adoptions.nodes).toHaveLength(8);
    expect(eight.practice.comments.nodes).toHaveLength(8);
    expect(new Set(eight.practice.comments.nodes.map((c: { author: { id: string } }) => c.author.id)).size).toBe(8);
    if (linked) expect(eight.practice.linkedThreads).toHaveLength(8);
    expect(one.practice.comments.nodes).toHaveLength(1);
    expect(eight.practice).toMatchObject({ viewerHasBookmarked: true, viewerCanComment: true, viewerCanRecordAdoption: true, viewerCanEdit: false });
    expect(one.statements).toBe(linked ? PAGE_STATEMENTS : PAGE_STATEMENTS - 1);
    expect(eight.statements).toBe(one.statements);
  });

  it('shows the people, places and community it read with the practice, its adoptions and comments as their own loaders show them', async () => {
    const { practice } = await open(large.slug, 50, 20);
    const users: Record<string, unknown>[] = [
      ...practice.authors,
      ...practice.adoptions.nodes.map((a: { recordedBy: unknown }) => a.recordedBy),
      ...practice.comments.nodes.map((c: { author: unknown }) => c.author),
    ];
    const territories: Record<string, unknown>[] = [...practice.territories, ...practice.adoptions.nodes.map((a: { territory: unknown }) => a.territory)];
    // Positive control: sixteen people and sixteen places, half of each only deeper in the page.
    expect(new Set(users.map((user) => user['id'])).size).toBe(16);
    expect(new Set(territories.map((territory) => territory['id'])).size).toBe(16);
    const byNode = await call.data(
      viewer,
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on User { ${USER} } ... on Territory { ${TERRITORY} } ... on Community { ${COMMUNITY} } } }`,
      { ids: [...users, ...territories, practice.community].map((item) => item['id']) },
    );
    expect(practice.community.name).toBeTruthy();
    expect([...users, ...territories, practice.community]).toEqual(byNode.nodes);
  });

  it('is read in the same number of statements whatever the page size', async () => {
    const short = await open(large.slug, 2, 2);
    expect(short.practice.comments.nodes).toHaveLength(2);
    expect(short.practice.comments.pageInfo.hasNextPage).toBe(true);
    expect((await open(large.slug, 100, 100)).statements).toBe(short.statements);
  });
});
