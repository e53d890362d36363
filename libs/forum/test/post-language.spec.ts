import { backfillLanguage } from '@bottega/markdown';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { CommunityFactory, ThreadFactory } from '../src/testing';

const REPLY = `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { id language } userErrors { code } } }`;
const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { post { language } userErrors { code } } }`;
const THREAD = `query($id: ID!) { node(id: $id) { ... on Thread { language posts(first: 5) { nodes { language } } } } }`;

const ENGLISH = 'In the Ossola we mapped older people living alone with the family doctors and the village shops: they know who has not been seen for days.';
const ITALIAN = 'Da noi il medico di base e la farmacia sono stati decisivi per trovare chi vive da solo nelle frazioni.';

describe('the language of posts', () => {
  let t: TestApp;
  let author: TestUser;
  let communityId: string;
  beforeAll(async () => {
    t = await startTestApp();
    author = await t.users.create();
    communityId = (await new CommunityFactory(t.db).create({ coordinatorId: author.id })).id;
  });
  afterAll(() => t.close());

  it('is detected from the words when a post is written and again when it is edited', async () => {
    const thread = await new ThreadFactory(t.db).create({ communityId, authorId: author.id, title: 'Come raggiungere gli anziani soli nei piccoli comuni?' });
    const as = t.client.as(author.accessToken);
    const { replyToThread } = await as.data(REPLY, { input: { threadId: thread.globalId, body: ENGLISH } });
    expect(replyToThread).toMatchObject({ post: { language: 'en' }, userErrors: [] });

    const { editPost } = await as.data(EDIT, { input: { postId: replyToThread.post.id, body: ITALIAN, version: 1 } });
    expect(editPost).toMatchObject({ post: { language: 'it' }, userErrors: [] });
    const { node } = await as.data(THREAD, { id: thread.globalId });
    // The factory's opening post says "Opening post".
    expect(node).toEqual({ language: 'it', posts: { nodes: [{ language: 'en' }, { language: 'it' }] } });
  });

  it('is read once for posts written before it was kept', async () => {
    const thread = await new ThreadFactory(t.db).create({ communityId, authorId: author.id, replies: [{ authorId: author.id, body: ENGLISH }, { authorId: author.id, body: ITALIAN }] });
    await t.db.query(`UPDATE post SET language = DEFAULT WHERE thread_id = $1`, [thread.id]);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM post WHERE thread_id = $1 AND language = 'en'`, [thread.id]))[0].n).toBe(0);
    const runner = t.db.createQueryRunner();
    try {
      await backfillLanguage(runner, 'post');
    } finally {
      await runner.release();
    }
    const rows: { language: string }[] = await t.db.query(`SELECT language FROM post WHERE thread_id = $1 ORDER BY created_at`, [thread.id]);
    expect(rows.map(({ language }) => language)).toEqual(['en', 'en', 'it']);
  });
});
