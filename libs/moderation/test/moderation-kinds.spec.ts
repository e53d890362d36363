import {
  AccessDirectory,
  Audience,
  ContentRegistry,
  OutboxChange,
  STAFF,
  USER,
  restrictedWhile,
  type ContentItem,
} from '@bottega/core';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { ModerationAction, ModerationDecisions } from '../src';

const FLAG = `mutation($input: FlagContentInput!) { flagContent(input: $input) { flag { reason } userErrors { field code message } } }`;
const MODERATE = `mutation($input: ModerateInput!) { moderate(input: $input) { userErrors { field code message } } }`;
const QUEUE = `query($status: ModerationCaseStatus!) { moderationQueue(first: 10, filter: { status: $status }) {
  nodes { status flagCount hidden resolution community { id } } } }`;

type NoteFacts = { authorId: string | null; hidden: boolean };
/** Hidden notes stay visible to their author and staff, who alone moderate notes. */
const NOTE_AUDIENCE = new Audience<NoteFacts>([restrictedWhile<NoteFacts>('hidden', [{ kind: USER, fact: 'authorId' }, STAFF])]);

/**
 * A kind of content that is not the forum's ("notes", in a table of the test's
 * own), registered like any feature's: flags, auto-hiding, decisions, the
 * queue, the outbox and the author's notice all work for it, with nothing
 * added to the moderation library.
 */
describe('moderation of any registered kind', () => {
  let t: TestApp;
  let [author, moderator, outsider]: TestUser[] = [];
  let flaggers: TestUser[] = [];

  const noteId = (id: string) => Buffer.from(`Note:${id}`).toString('base64url');
  const as = (user: TestUser) => t.client.as(user.accessToken);
  const note = async (authorId: string): Promise<string> =>
    (await t.db.query(`INSERT INTO test_note (author_id) VALUES ($1) RETURNING id`, [authorId]))[0].id;
  const hidden = async (id: string): Promise<boolean> => (await t.db.query(`SELECT hidden_at IS NOT NULL AS h FROM test_note WHERE id = $1`, [id]))[0].h;

  beforeAll(async () => {
    t = await startTestApp({ FLAG_AUTO_HIDE_THRESHOLD: '3' });
    await t.db.query(`CREATE TABLE test_note (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), author_id uuid NOT NULL,
      hidden_at timestamptz, deleted_at timestamptz)`);
    [author, moderator, outsider, ...flaggers] = await Promise.all([
      t.users.create(),
      t.users.moderator().create(),
      t.users.create(),
      ...Array.from({ length: 3 }, () => t.users.create()),
    ]);
    // Established accounts that wrote a visible note: their flags count.
    for (const user of flaggers) {
      await t.db.query(`UPDATE app_user SET created_at = now() - interval '30 days' WHERE id = $1`, [user.id]);
      await note(user.id);
    }
    const directory = t.app.get(AccessDirectory);
    const load = async (ids: readonly string[]) =>
      (await t.db.query(`SELECT id, author_id AS "authorId", hidden_at, deleted_at FROM test_note WHERE id = ANY($1)`, [ids])) as {
        id: string;
        authorId: string;
        hidden_at: Date | null;
        deleted_at: Date | null;
      }[];
    class Note {}
    t.app.get(ContentRegistry).register({
      type: 'Note',
      model: Note,
      readable: async (context, ids) => {
        const principals = await directory.of(context);
        const rows = new Map((await load(ids)).map((row) => [row.id, row]));
        return ids.map((id): ContentItem | null => {
          const row = rows.get(id);
          if (!row || row.deleted_at) return null;
          const facts = { authorId: row.authorId, hidden: row.hidden_at !== null };
          return {
            type: 'Note',
            id,
            authorId: row.authorId,
            communityId: null,
            hidden: facts.hidden,
            deleted: false,
            visible: NOTE_AUDIENCE.allows(facts, principals),
            moderators: [STAFF],
          };
        });
      },
      present: async () => new Note(),
      setHidden: async (manager, id, hide) =>
        (
          (await manager.query(
            `UPDATE test_note SET hidden_at = CASE WHEN $2 THEN now() END WHERE id = $1 AND (hidden_at IS NULL) = $2 AND deleted_at IS NULL`,
            [id, hide],
          )) as [unknown, number]
        )[1] === 1,
      readersAmong: async (manager, id, userIds) => {
        const [row] = await manager.query(`SELECT author_id AS "authorId", hidden_at IS NOT NULL AS hidden FROM test_note WHERE id = $1`, [id]);
        return row ? directory.readersAmong(manager, NOTE_AUDIENCE, row, userIds) : [];
      },
      hasVisibleContentBy: async (userId) =>
        (await t.db.query(`SELECT 1 FROM test_note WHERE author_id = $1 AND hidden_at IS NULL AND deleted_at IS NULL`, [userId])).length > 0,
      document: async () => null,
      ids: async () => [],
    });
    t.app.get(ModerationDecisions).register('Note', ModerationAction.DELETE, {
      change: OutboxChange.DELETED,
      apply: async (manager, item) =>
        ((await manager.query(`UPDATE test_note SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL`, [item.id])) as [unknown, number])[1] === 1,
    });
  });
  afterAll(() => t.close());

  it('hides a note once trusted flags weigh enough, records it and tells its author', async () => {
    const id = await note(author.id);
    for (const [i, flagger] of flaggers.entries()) {
      expect((await as(flagger).data(FLAG, { input: { subjectId: noteId(id), reason: 'SPAM' } })).flagContent.userErrors).toEqual([]);
      expect(await hidden(id)).toBe(i === flaggers.length - 1);
    }
    expect(await t.db.query(`SELECT kind, change FROM outbox_event WHERE subject_id = $1`, [id])).toEqual([{ kind: 'Note', change: OutboxChange.HIDDEN }]);
    expect(await t.db.query(`SELECT action, subject_type FROM audit_log WHERE subject_id = $1`, [id])).toEqual([
      { action: 'AUTO_HIDE', subject_type: 'Note' },
    ]);
    expect(await t.db.query(`SELECT recipient_id, subject_type FROM notification WHERE subject_id = $1`, [id])).toEqual([
      { recipient_id: author.id, subject_type: 'Note' },
    ]);
    // Hidden now: gone for the flaggers, still there for its author, and the author cannot flag their own.
    const again = await as(flaggers[0]!).data(FLAG, { input: { subjectId: noteId(id), reason: 'OTHER' } });
    expect(again.flagContent.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_STATE']);
    const own = await as(author).data(FLAG, { input: { subjectId: noteId(id), reason: 'OTHER' } });
    expect(own.flagContent.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID']);
  });

  it('lets only the moderators the kind names decide, with the kind’s own decisions and the common ones', async () => {
    const id = await note(author.id);
    await as(flaggers[0]!).data(FLAG, { input: { subjectId: noteId(id), reason: 'OFFENSIVE' } });
    const decide = (user: TestUser, action: string) => as(user).request<any>(MODERATE, { input: { subjectId: noteId(id), action, reason: 'Checked' } });

    expect((await decide(outsider, 'HIDE')).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await hidden(id)).toBe(false);
    expect((await decide(moderator, 'LOCK')).body.data.moderate.userErrors).toEqual([
      { field: ['input', 'action'], code: 'INVALID', message: 'LOCK does not apply to a note.' },
    ]);
    expect((await decide(moderator, 'HIDE')).body.data.moderate.userErrors).toEqual([]);
    expect(await hidden(id)).toBe(true);
    expect((await as(moderator).data(QUEUE, { status: 'RESOLVED' })).moderationQueue.nodes).toContainEqual({
      status: 'RESOLVED', flagCount: 1, hidden: true, resolution: 'HIDE', community: null,
    });
    expect((await decide(moderator, 'DELETE')).body.data.moderate.userErrors).toEqual([]);
    expect(await t.db.query(`SELECT change FROM outbox_event WHERE subject_id = $1 ORDER BY version`, [id])).toEqual([
      { change: OutboxChange.HIDDEN },
      { change: OutboxChange.DELETED },
    ]);
    // Deleted, it is no longer there to decide on.
    expect((await decide(moderator, 'RESTORE')).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Only staff moderate notes, so an ordinary account has no queue.
    expect((await as(outsider).request<any>(QUEUE, { status: 'PENDING' })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
