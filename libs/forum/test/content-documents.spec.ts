import { ContentRegistry } from '@bottega/core';
import { CommunityFactory, ThreadFactory } from '../src/testing';
import { startTestApp, type TestApp } from '@bottega/identity/testing';

/** What search will be given for forum content: the words, the filters, and who may find it (from the audience). */
describe('search documents of forum content', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const documentOf = (type: string, id: string) => t.app.get(ContentRegistry).get(type)!.document(t.db.manager, id);

  it('carries a thread’s title, opening words, tags and territories, restricted as its audience is', async () => {
    const [coordinator, author] = await Promise.all([t.users.create(), t.users.create()]);
    const community = await new CommunityFactory(t.db).create({ visibility: 'PRIVATE', coordinatorId: coordinator.id, memberIds: [author.id] });
    const thread = await new ThreadFactory(t.db).create({
      communityId: community.id,
      authorId: author.id,
      title: 'Anziani soli: una rete di vicinato',
      replies: [{ authorId: coordinator.id, body: 'Abbiamo provato con i custodi sociali' }],
    });
    // The migrations load Italy's regions and provinces.
    const [territory] = await t.db.query(`SELECT id FROM territory WHERE name = 'Lecco'`);
    const [tag] = await t.db.query(`INSERT INTO tag (slug) VALUES ('anziani') RETURNING id`);
    await t.db.query(`INSERT INTO thread_tag (thread_id, tag_id) VALUES ($1, $2)`, [thread.id, tag.id]);
    await t.db.query(`INSERT INTO thread_territory (thread_id, territory_id) VALUES ($1, $2)`, [thread.id, territory.id]);
    const readers = [`invited:${community.id}`, `member:${community.id}`, 'staff'];

    expect(await documentOf('Thread', thread.id)).toMatchObject({
      type: 'Thread',
      id: thread.id,
      title: 'Anziani soli: una rete di vicinato',
      body: 'Opening post',
      authorId: author.id,
      communityId: community.id,
      tags: ['anziani'],
      territoryIds: [territory.id],
      restrictions: [readers],
    });
    const [, reply] = await t.db.query(`SELECT id FROM post WHERE thread_id = $1 ORDER BY created_at, id`, [thread.id]);
    await t.db.query(`UPDATE post SET hidden_at = now() WHERE id = $1`, [reply.id]);
    expect(await documentOf('Post', reply.id)).toMatchObject({
      type: 'Post',
      title: 'Anziani soli: una rete di vicinato',
      body: 'Abbiamo provato con i custodi sociali',
      authorId: coordinator.id,
      restrictions: [readers, [`coordinator:${community.id}`, 'staff', `user:${coordinator.id}`]],
    });

    // Gone content leaves the index.
    await t.db.query(`UPDATE thread SET deleted_at = now() WHERE id = $1`, [thread.id]);
    expect(await documentOf('Thread', thread.id)).toBeNull();
    expect(await documentOf('Post', reply.id)).toBeNull();
  });
});
