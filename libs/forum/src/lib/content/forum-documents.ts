import type { EntityManager } from 'typeorm';
import type { SearchDocument } from '@bottega/core';
import { POST_AUDIENCE, THREAD_AUDIENCE, type PostFacts } from '../threads/thread.audience';

/** A thread's or post's row with what its audience and its document need. */
type DocumentRow = PostFacts & {
  id: string;
  threadId: string;
  openingPostId: string | null;
  opening?: boolean;
  title: string;
  text: string;
  tags: string[];
  territoryIds: string[];
  createdAt: Date;
  updatedAt: Date;
};

const THREAD_FACTS = `c.id AS "communityId", c.visibility, t.title, t.id AS "threadId",
  t.author_id AS "threadAuthorId", t.hidden_at IS NOT NULL AS "threadHidden", t.deleted_at IS NOT NULL AS "threadDeleted",
  ARRAY(SELECT g.slug FROM thread_tag tt JOIN tag g ON g.id = tt.tag_id WHERE tt.thread_id = t.id ORDER BY g.slug) AS tags,
  ARRAY(SELECT tr.territory_id FROM thread_territory tr WHERE tr.thread_id = t.id ORDER BY tr.territory_id) AS "territoryIds"`;

/** A thread's document: its title, and its opening post's words. */
export async function threadDocument(manager: EntityManager, id: string): Promise<SearchDocument | null> {
  const [row]: DocumentRow[] = await manager.query(
    `SELECT t.id, ${THREAD_FACTS}, coalesce(op.body_text, '') AS text, op.id AS "openingPostId", t.created_at AS "createdAt",
            greatest(t.created_at, op.edited_at) AS "updatedAt"
       FROM thread t JOIN community c ON c.id = t.community_id
       LEFT JOIN LATERAL (SELECT id, body_text, edited_at FROM post WHERE thread_id = t.id ORDER BY created_at, id LIMIT 1) op ON true
      WHERE t.id = $1`,
    [id],
  );
  if (!row || row.threadDeleted) return null;
  // Its words are its opening post's: editing that post changes the thread's document.
  return document('Thread', row, row.threadAuthorId, THREAD_AUDIENCE.restrictions(row), row.openingPostId ? [`Post:${row.openingPostId}`] : []);
}

/** A reply's document: its words, found under its thread's title. An opening post is found as its thread, and has none. */
export async function postDocument(manager: EntityManager, id: string): Promise<SearchDocument | null> {
  const [row]: DocumentRow[] = await manager.query(
    `SELECT p.id, ${THREAD_FACTS}, p.body_text AS text, p.created_at AS "createdAt", coalesce(p.edited_at, p.created_at) AS "updatedAt",
            p.author_id AS "postAuthorId", p.hidden_at IS NOT NULL AS "postHidden", p.deleted_at IS NOT NULL AS "postDeleted",
            p.id = (SELECT first.id FROM post first WHERE first.thread_id = t.id ORDER BY first.created_at, first.id LIMIT 1) AS opening
       FROM post p JOIN thread t ON t.id = p.thread_id JOIN community c ON c.id = t.community_id
      WHERE p.id = $1`,
    [id],
  );
  if (!row || row.threadDeleted || row.postDeleted || row.opening) return null;
  return document('Post', row, row.postAuthorId, POST_AUDIENCE.restrictions(row), [`Thread:${row.threadId}`]);
}

function document(type: string, row: DocumentRow, authorId: string | null, restrictions: string[][], scopes: string[]): SearchDocument {
  return {
    type,
    id: row.id,
    title: row.title,
    summary: null,
    body: row.text,
    authorId,
    communityId: row.communityId,
    territoryIds: row.territoryIds,
    tags: row.tags,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    restrictions,
    scopes,
  };
}
