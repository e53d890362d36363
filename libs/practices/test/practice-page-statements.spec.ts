import { CommunityFactory, ThreadFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { DirectoryFactory } from '@bottega/territories/testing';
import { COMPLETE, CREATE, PUBLISH, RECORD_ADOPTION, SUBMIT, api } from './support';

const BOOKMARK = `mutation($input: BookmarkPracticeInput!) { bookmarkPractice(input: $input) { practice { id } } }`;
const ADD_COMMENT = `mutation($input: AddPracticeCommentInput!) { addPracticeComment(input: $input) { userErrors { code } } }`;
const LINK = `mutation($input: PracticeThreadLinkInput!) { linkPracticeThread(input: $input) { userErrors { code } } }`;

/** The practice page, as a signed-in reader opens it; `linkedThreads` once the schema has it. */
const pageQuery = (linkedThreads: boolean) => `query PracticePage($slug: String!, $comments: Int!, $adoptions: Int!) { practice(slug: $slug) {
  id slug kind status title summary version publishedAt tags adoptionCount bookmarkCount
  need { html } approach { html } resources { html } results { html } difficulties { html } transferability { html }
  authors { id displayName handle } territories { code name } community { name }
  adoptions(first: $adoptions) { totalCount nodes { id adoptedOn outcome notes organizationName territory { name } recordedBy { displayName } viewerCanEdit } }
  ${linkedThreads ? 'linkedThreads { id title }' : ''}
  comments(first: $comments) { totalCount pageInfo { hasNextPage endCursor }
    nodes { id bodyHtml createdAt editedAt deleted hidden author { id displayName handle } viewerCanEdit viewerCanDelete viewerCanFlag } }
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
   * territories, adoptions and comments by as many people, linked threads.
   */
  async function practiceOf(size: number, people: TestUser[], community: { id: string; globalId: string }, territories: string[]) {
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
      const user = people[i]!;
      const recorded = await call.data(user, RECORD_ADOPTION, {
        input: { practiceId: practice.id, territoryId: territories[i % territories.length], adoptedOn: '2025-01-15', notes: `Adottata ${i}`, outcome: 'ADOPTED' },
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
    viewer = await t.users.create();
    const community = await new CommunityFactory(t.db).create({ coordinatorId: people.at(-1)!.id, memberIds: people.slice(0, -1).map((u) => u.id) });
    const directory = new DirectoryFactory(t.db);
    const territories = await Promise.all(['IT-MI', 'IT-BG', 'IT-BS', 'IT-CO', 'IT-LC', 'IT-VA', 'IT-NO', 'IT-VB'].map(async (code) => (await directory.territory(code)).globalId));
    small = await practiceOf(1, people, community, territories);
    large = await practiceOf(8, people, community, territories);
  });
  afterAll(() => t.close());

  async function open(slug: string, comments: number, adoptions: number): Promise<{ statements: number; practice: any }> {
    const response = await t.client.as(viewer.accessToken).request<any>(pageQuery(linked), { slug, comments, adoptions });
    expect(response.body.errors).toBeUndefined();
    return { statements: Number(response.headers.get('x-sql-statements')), practice: response.body.data.practice };
  }

  it('is read in the same number of statements however many authors, territories, adoptions, comments and links it shows', async () => {
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
    expect(one.statements).toBeGreaterThan(0);
    expect(eight.statements).toBe(one.statements);
  });

  it('is read in the same number of statements whatever the page size', async () => {
    const short = await open(large.slug, 2, 2);
    expect(short.practice.comments.nodes).toHaveLength(2);
    expect(short.practice.comments.pageInfo.hasNextPage).toBe(true);
    expect((await open(large.slug, 100, 100)).statements).toBe(short.statements);
  });
});
