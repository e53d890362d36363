import { CommunityFactory, ThreadFactory } from '@bottega/forum/testing';
import type { TestUser } from '@bottega/identity/testing';
import { startTestApp, type TestApp } from './support/test-app';

const THREAD_PAGE = `query ThreadPage($id: ID!) { node(id: $id) { id ... on Thread { title tags postCount community { name } author { handle }
  posts(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id bodyHtml createdAt author { id handle }
    reactions { kind count viewerHasReacted } viewerCanEdit } } } } } }`;
const THREAD_LIST = `query ThreadList($c: ID!, $withAuthor: Boolean!) { threads(first: 2, filter: { community: $c }) { totalCount
  pageInfo { hasNextPage } nodes { id title ...Counts author @include(if: $withAuthor) { displayName } tags } } }
  fragment Counts on Thread { postCount participantCount lastActivityAt }`;
const BAD_CURSOR = `query Page($id: ID!) { node(id: $id) { ... on Thread { title posts(first: 2, after: "not-a-cursor") { totalCount } } } }`;
const VIEWER = `query Viewer { viewer { id handle } }`;
/** An input object in a variable: its fields' defaults apply (`status: PENDING`), as graphql-js has it. */
const DEFAULTED = `query Queue($filter: ModerationQueueFilter) { moderationQueue(first: 5, filter: $filter) { totalCount } }`;

/**
 * A query is compiled from its second run on (see `graphql-options.ts`): it
 * must answer exactly as its first run, through graphql-js, did, errors included.
 */
describe('compiled queries', () => {
  let t: TestApp;
  let reader: TestUser;
  let coordinator: TestUser;
  let threadGlobalId: string;
  let communityGlobalId: string;
  beforeAll(async () => {
    t = await startTestApp();
    reader = await t.users.create();
    const author = await t.users.create();
    coordinator = author;
    const community = await new CommunityFactory(t.db).create({ coordinatorId: author.id, memberIds: [reader.id] });
    const threads = new ThreadFactory(t.db);
    const thread = await threads.create({
      communityId: community.id,
      authorId: author.id,
      replies: [{ authorId: reader.id }, { authorId: author.id, body: 'A **reply**' }, { authorId: reader.id }],
    });
    await threads.create({ communityId: community.id, authorId: reader.id });
    await threads.create({ communityId: community.id, authorId: author.id });
    await t.db.query(`INSERT INTO post_reaction (post_id, user_id, kind) VALUES ($1, $2, 'LIKE')`, [thread.openingPostId, reader.id]);
    threadGlobalId = thread.globalId;
    communityGlobalId = community.globalId;
  });
  afterAll(() => t.close());

  const threeRuns = async (token: string | null, query: string, variables: Record<string, unknown> = {}) => {
    const client = t.client.as(token);
    const runs = [];
    for (let run = 0; run < 3; run += 1) {
      const { status, body } = await client.request(query, variables);
      runs.push({ status, body });
    }
    return runs;
  };

  it('answers a thread page the same on every run', async () => {
    const [first, ...later] = await threeRuns(reader.accessToken, THREAD_PAGE, { id: threadGlobalId });
    expect(first?.body.errors).toBeUndefined();
    expect(first?.body.data?.['node']).toMatchObject({ postCount: 4, posts: { totalCount: 4, pageInfo: { hasNextPage: true } } });
    for (const run of later) expect(run).toEqual(first);
  });

  it('answers a thread list with fragments and @include the same on every run', async () => {
    for (const withAuthor of [true, false]) {
      const [first, ...later] = await threeRuns(null, THREAD_LIST, { c: communityGlobalId, withAuthor });
      expect(first?.body.errors).toBeUndefined();
      expect(first?.body.data?.['threads']).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      for (const run of later) expect(run).toEqual(first);
    }
  });

  it('reports errors the same on every run: codes, messages, paths and locations', async () => {
    const [cursor, ...laterCursors] = await threeRuns(reader.accessToken, BAD_CURSOR, { id: threadGlobalId });
    expect(cursor?.body.errors?.[0]).toMatchObject({ path: ['node', 'posts'], extensions: { code: 'BAD_USER_INPUT', field: ['after'] } });
    for (const run of laterCursors) expect(run).toEqual(cursor);

    const [viewer, ...laterViewers] = await threeRuns('not-a-token', VIEWER);
    expect(viewer?.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    for (const run of laterViewers) expect(run).toEqual(viewer);
  });

  it('applies the defaults of input fields given through variables on every run', async () => {
    const [first, ...later] = await threeRuns(coordinator.accessToken, DEFAULTED, { filter: { community: communityGlobalId } });
    expect(first?.body.errors).toBeUndefined();
    for (const run of later) expect(run).toEqual(first);
  });
});
