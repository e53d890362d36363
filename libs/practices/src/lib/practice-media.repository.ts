import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PracticeKind, PracticeStatus } from './practice.enums';
import type { PracticeMediaKind } from './practice-media.enums';
import { updatedRows } from '@bottega/core';

/** Media a practice holds at most: its page shows them all. */
export const MEDIA_LIMIT = 30;

/** Who consented to a medium's use, as the author recorded it. */
export interface MediaConsentRow {
  givenBy: string;
  givenOn: string;
  use: string;
  recordedBy: string | null;
  recordedAt: Date;
}

export interface PracticeMediaRow {
  id: string;
  practiceId: string;
  kind: PracticeMediaKind;
  url: string;
  caption: string;
  altText: string;
  credit: string;
  transcript: string;
  position: number;
  consent: MediaConsentRow | null;
  createdAt: Date;
}

/** What an addition or an edit writes; a field left undefined stays as it is. */
export interface MediaFields {
  kind?: PracticeMediaKind;
  url?: string;
  caption?: string;
  altText?: string;
  credit?: string;
  transcript?: string;
}

export type MediaConsentFields = Pick<MediaConsentRow, 'givenBy' | 'givenOn' | 'use'>;

/** The practice a media change holds locked. */
export interface LockedPractice {
  id: string;
  kind: PracticeKind;
  status: PracticeStatus;
}

const COLUMNS = `m.id, m.practice_id AS "practiceId", m.kind, m.url, m.caption, m.alt_text AS "altText", m.credit, m.transcript, m.position,
  CASE WHEN m.consent_given_by IS NULL THEN NULL ELSE jsonb_build_object(
    'givenBy', m.consent_given_by, 'givenOn', to_char(m.consent_given_on, 'YYYY-MM-DD'), 'use', m.consent_use,
    'recordedBy', m.consent_recorded_by, 'recordedAt', m.consent_recorded_at) END AS consent,
  m.created_at AS "createdAt"`;


/** The only code that reads and writes the media of practices and their consents. */
@Injectable()
export class PracticeMediaRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async findByIds(ids: readonly string[], runner: DataSource | EntityManager = this.db): Promise<PracticeMediaRow[]> {
    return (await runner.query(`SELECT ${COLUMNS} FROM practice_media m WHERE m.id = ANY($1::uuid[])`, [ids])).map(withDates);
  }

  /** The media of some practices, in their order. */
  async ofPractices(practiceIds: readonly string[], runner: DataSource | EntityManager = this.db): Promise<PracticeMediaRow[]> {
    const rows = await runner.query(`SELECT ${COLUMNS} FROM practice_media m WHERE m.practice_id = ANY($1::uuid[]) ORDER BY m.position, m.id`, [
      practiceIds,
    ]);
    return rows.map(withDates);
  }

  /**
   * Locks the practice while it is in one of `statuses`, so its media change
   * one writer at a time and never after it moved on (a practice in review
   * waits for its reviewers). Null when it is not.
   */
  async lockPractice(manager: EntityManager, practiceId: string, statuses: readonly PracticeStatus[]): Promise<LockedPractice | null> {
    const [row]: LockedPractice[] = await manager.query(
      `SELECT id, kind, status FROM practice WHERE id = $1 AND status = ANY($2::text[]) FOR UPDATE`,
      [practiceId, statuses],
    );
    return row ?? null;
  }

  /** Adds a medium last (the caller holds the practice's lock); null when the practice already has {@link MEDIA_LIMIT}. */
  async insert(
    manager: EntityManager,
    practiceId: string,
    createdBy: string,
    fields: Required<Pick<MediaFields, 'kind' | 'url'>> & MediaFields,
  ): Promise<string | null> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO practice_media (practice_id, kind, url, caption, alt_text, credit, transcript, position, created_by)
       SELECT $1, $2, $3, $4, $5, $6, $7, coalesce(max(position), 0) + 1, $8 FROM practice_media WHERE practice_id = $1
       HAVING count(*) < $9
       RETURNING id`,
      [practiceId, fields.kind, fields.url, fields.caption ?? '', fields.altText ?? '', fields.credit ?? '', fields.transcript ?? '', createdBy, MEDIA_LIMIT],
    );
    return row?.id ?? null;
  }

  /** Whether the medium still belongs to the practice (read under the practice's lock, which every media change takes). */
  async belongs(manager: EntityManager, practiceId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM practice_media WHERE id = $1 AND practice_id = $2`, [id, practiceId]);
    return rows.length === 1;
  }

  async update(manager: EntityManager, id: string, fields: MediaFields): Promise<void> {
    const sets: string[] = [];
    const values: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    };
    if (fields.kind !== undefined) set('kind', fields.kind);
    if (fields.url !== undefined) set('url', fields.url);
    if (fields.caption !== undefined) set('caption', fields.caption);
    if (fields.altText !== undefined) set('alt_text', fields.altText);
    if (fields.credit !== undefined) set('credit', fields.credit);
    if (fields.transcript !== undefined) set('transcript', fields.transcript);
    if (sets.length > 0) await manager.query(`UPDATE practice_media SET ${sets.join(', ')} WHERE id = $1`, values);
  }

  /** Puts the medium at `position` (1 is first; past the end is last) and numbers the others around it. */
  async move(manager: EntityManager, practiceId: string, id: string, position: number): Promise<void> {
    await manager.query(
      `WITH others AS (
         SELECT id, row_number() OVER (ORDER BY position, id) AS n FROM practice_media WHERE practice_id = $1 AND id <> $2
       ), placed AS (
         SELECT id, CASE WHEN n < $3::int THEN n ELSE n + 1 END AS n FROM others
         UNION ALL SELECT $2::uuid, $3::int
       ), numbered AS (SELECT id, row_number() OVER (ORDER BY n) AS position FROM placed)
       UPDATE practice_media m SET position = numbered.position FROM numbered WHERE m.id = numbered.id AND m.position <> numbered.position`,
      [practiceId, id, position],
    );
  }

  /** Removes a medium and closes the gap it leaves. */
  async delete(manager: EntityManager, practiceId: string, id: string): Promise<void> {
    await manager.query(`DELETE FROM practice_media WHERE id = $1`, [id]);
    await manager.query(
      `WITH numbered AS (SELECT id, row_number() OVER (ORDER BY position, id) AS position FROM practice_media WHERE practice_id = $1)
       UPDATE practice_media m SET position = numbered.position FROM numbered WHERE m.id = numbered.id AND m.position <> numbered.position`,
      [practiceId],
    );
  }

  /** Records the consent (replacing one recorded before), or withdraws it with null. */
  async setConsent(manager: EntityManager, id: string, consent: MediaConsentFields | null, recordedBy: string): Promise<void> {
    await manager.query(
      `UPDATE practice_media SET consent_given_by = $2, consent_given_on = $3, consent_use = $4,
              consent_recorded_by = CASE WHEN $2::text IS NULL THEN NULL ELSE $5::uuid END,
              consent_recorded_at = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END
        WHERE id = $1`,
      [id, consent?.givenBy ?? null, consent?.givenOn ?? null, consent?.use ?? null, recordedBy],
    );
  }

  /**
   * Counts the practice's media without consent onto its row, where the
   * UPDATE that submits or publishes it reads them. False, writing nothing,
   * when that would leave a story in review or published with such media:
   * the caller rolls back.
   */
  async recount(manager: EntityManager, practiceId: string): Promise<boolean> {
    const rows = updatedRows(
      await manager.query(
        `UPDATE practice p SET media_without_consent = c.n
           FROM (SELECT count(*)::int AS n FROM practice_media WHERE practice_id = $1 AND consent_given_by IS NULL) c
          WHERE p.id = $1 AND (p.status = 'DRAFT' OR p.kind <> 'STORY' OR c.n = 0)
          RETURNING p.id`,
        [practiceId],
      ),
    );
    return rows.length === 1;
  }
}

const withDates = (row: PracticeMediaRow): PracticeMediaRow =>
  row.consent ? { ...row, consent: { ...row.consent, recordedAt: new Date(row.consent.recordedAt) } } : row;
