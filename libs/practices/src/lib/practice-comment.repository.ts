import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SqlList, updatedRows } from '@bottega/core';
import { userJsonSql, type UserJson } from '@bottega/identity';

/** A comment as every page reads it. */
export interface PracticeCommentRow {
  id: string;
  practiceId: string;
  authorId: string | null;
  bodySource: string;
  bodyHtml: string;
  /** ISO 639-1, detected from the comment's own words when written. */
  language: string;
  version: number;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  deletedBy: string | null;
  hiddenAt: Date | null;
}

/** A comment as a list reads it: its Markdown source, as large as its HTML, only when the list shows it. */
export type ListedCommentRow = Omit<PracticeCommentRow, 'bodySource'> & { bodySource?: string };

export const withItsSource = (row: ListedCommentRow): row is PracticeCommentRow => row.bodySource !== undefined;

/** A comment as a page lists it: with its author, for the user loader. */
export type PracticeCommentPageRow = ListedCommentRow & { author: UserJson | null };

/** A comment's body as written and as shown, rendered once when written. */
export interface CommentBody {
  bodySource: string;
  bodyHtml: string;
  bodyText: string;
  language: string;
}

const LISTED_COLUMNS = `c.id, c.practice_id AS "practiceId", c.author_id AS "authorId", c.body_html AS "bodyHtml", c.language,
  c.version, c.created_at AS "createdAt", c.edited_at AS "editedAt", c.deleted_at AS "deletedAt", c.deleted_by AS "deletedBy",
  c.hidden_at AS "hiddenAt"`;
const SOURCE_COLUMN = 'c.body_source AS "bodySource"';
const COLUMNS = `${LISTED_COLUMNS}, ${SOURCE_COLUMN}`;

/** The only code that reads and writes comments on practices. */
@Injectable()
export class PracticeCommentRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findByIds(ids: readonly string[], runner: DataSource | EntityManager = this.db): Promise<PracticeCommentRow[]> {
    return runner.query(`SELECT ${COLUMNS} FROM practice_comment c WHERE c.id = ANY($1::uuid[])`, [ids]);
  }

  /**
   * A practice's comments as plain rows, placeholders of deleted ones
   * included, each with its author as a plain row (for the user loader), and
   * its source `withSource`; order and paging are the caller's.
   */
  of(practiceId: string, { withSource }: { withSource: boolean }): SqlList<PracticeCommentPageRow> {
    return new SqlList<PracticeCommentPageRow>(
      `${withSource ? COLUMNS : LISTED_COLUMNS}, (SELECT ${userJsonSql('u')} FROM app_user u WHERE u.id = c.author_id) AS author`,
      `FROM practice_comment c WHERE c.practice_id = :practiceId`,
      { practiceId },
      this.db,
    );
  }

  /**
   * Adds a comment while the practice is published. The practice's row is
   * read FOR SHARE, so a concurrent archive (whose UPDATE locks the row)
   * either waits for the comment or makes it find the practice archived.
   * Null when the practice is not published.
   */
  async insert(manager: EntityManager, practiceId: string, authorId: string, body: CommentBody): Promise<string | null> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO practice_comment (practice_id, author_id, body_source, body_html, body_text, language)
       SELECT p.id, $2, $3, $4, $5, $6 FROM (SELECT id FROM practice WHERE id = $1 AND status = 'PUBLISHED' FOR SHARE) p
       RETURNING id`,
      [practiceId, authorId, body.bodySource, body.bodyHtml, body.bodyText, body.language],
    );
    return row?.id ?? null;
  }

  /**
   * Replaces the body if the comment is still at `version`, not deleted, and
   * its practice still published (read FOR SHARE, as {@link insert}); returns
   * the new version, or null when any of these no longer holds.
   */
  async edit(manager: EntityManager, id: string, version: number, body: CommentBody): Promise<number | null> {
    const [row] = updatedRows<{ version: number }>(
      await manager.query(
        `UPDATE practice_comment c SET body_source = $3, body_html = $4, body_text = $5, language = $6, version = c.version + 1, edited_at = now()
          WHERE c.id = $1 AND c.version = $2 AND c.deleted_at IS NULL
            AND EXISTS (SELECT 1 FROM practice p WHERE p.id = c.practice_id AND p.status = 'PUBLISHED' FOR SHARE)
          RETURNING c.version`,
        [id, version, body.bodySource, body.bodyHtml, body.bodyText, body.language],
      ),
    );
    return row?.version ?? null;
  }

  /** Soft delete, the body kept for moderators' records but never shown; false when it was already deleted. */
  async softDelete(manager: EntityManager, id: string, deletedBy: string): Promise<boolean> {
    const rows = updatedRows(
      await manager.query(`UPDATE practice_comment SET deleted_at = now(), deleted_by = $2 WHERE id = $1 AND deleted_at IS NULL RETURNING id`, [
        id,
        deletedBy,
      ]),
    );
    return rows.length === 1;
  }

  /** Hides or shows a comment again; false when it already was so, or is deleted. */
  async setHidden(manager: EntityManager, id: string, hidden: boolean): Promise<boolean> {
    const rows = updatedRows(
      await manager.query(
        `UPDATE practice_comment SET hidden_at = CASE WHEN $2 THEN now() END
          WHERE id = $1 AND (hidden_at IS NULL) = $2 AND deleted_at IS NULL RETURNING id`,
        [id, hidden],
      ),
    );
    return rows.length === 1;
  }

  /** Whether the account has a comment that anyone reading its practice sees: neither deleted nor hidden, on a shown practice. */
  async hasVisibleBy(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM practice_comment c JOIN practice p ON p.id = c.practice_id
        WHERE c.author_id = $1 AND c.deleted_at IS NULL AND c.hidden_at IS NULL
          AND p.status IN ('PUBLISHED', 'ARCHIVED') AND p.hidden_at IS NULL LIMIT 1`,
      [userId],
    );
    return rows.length > 0;
  }

  /** The plain words of a comment, for its search document. */
  async text(manager: EntityManager, id: string): Promise<string | null> {
    const [row]: { text: string }[] = await manager.query(`SELECT body_text AS text FROM practice_comment WHERE id = $1`, [id]);
    return row?.text ?? null;
  }
}
