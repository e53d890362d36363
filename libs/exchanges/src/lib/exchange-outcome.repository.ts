import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface FollowUpValue {
  description: string;
  ownerId: string | null;
  /** YYYY-MM-DD. */
  dueOn: string;
}

/** An exchange's outcomes with their follow-up actions and the practices adopted, in order. */
export interface OutcomeRow {
  exchangeId: string;
  summarySource: string;
  summaryHtml: string;
  learningsSource: string;
  learningsHtml: string;
  recordedBy: string | null;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  followUps: FollowUpValue[];
  adoptedPracticeIds: string[];
}

/** A practice adopted at an exchange, with the adoption it recorded on the practice (null once removed there). */
export interface AdoptedPracticeRow {
  practiceId: string;
  adoptionId: string | null;
  /** Where it was taken up. */
  territoryId: string;
}

export interface OutcomeFields {
  summary: { source: string; html: string };
  learnings: { source: string; html: string };
  followUps: FollowUpValue[];
}

const COLUMNS = `o.exchange_id AS "exchangeId", o.summary_source AS "summarySource", o.summary_html AS "summaryHtml",
  o.learnings_source AS "learningsSource", o.learnings_html AS "learningsHtml", o.recorded_by AS "recordedBy", o.updated_by AS "updatedBy",
  o.created_at AS "createdAt", o.updated_at AS "updatedAt", o.version,
  coalesce((SELECT jsonb_agg(jsonb_build_object('description', f.description, 'ownerId', f.owner_id, 'dueOn', to_char(f.due_on, 'YYYY-MM-DD')) ORDER BY f.position)
     FROM peer_exchange_follow_up f WHERE f.exchange_id = o.exchange_id), '[]'::jsonb) AS "followUps",
  ARRAY(SELECT a.practice_id FROM peer_exchange_adopted_practice a WHERE a.exchange_id = o.exchange_id ORDER BY a.position) AS "adoptedPracticeIds"`;

/** The only code that reads and writes exchanges' outcomes, follow-up actions and adopted practices. */
@Injectable()
export class ExchangeOutcomeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findByExchangeIds(ids: readonly string[], manager: EntityManager | DataSource = this.db): Promise<OutcomeRow[]> {
    return manager.query(`SELECT ${COLUMNS} FROM peer_exchange_outcome o WHERE o.exchange_id = ANY($1::uuid[])`, [ids]);
  }

  adoptedPractices(manager: EntityManager, exchangeId: string): Promise<AdoptedPracticeRow[]> {
    return manager.query(
      `SELECT practice_id AS "practiceId", adoption_id AS "adoptionId", territory_id AS "territoryId" FROM peer_exchange_adopted_practice WHERE exchange_id = $1 ORDER BY position`,
      [exchangeId],
    );
  }

  /**
   * Writes the outcomes, as a first version or the next one when `version`
   * (if given) is still current: whether they were first published now, or
   * null when `version` is not current. Follow-up actions become exactly
   * those given.
   */
  async write(manager: EntityManager, exchangeId: string, userId: string, fields: OutcomeFields, version: number | null): Promise<{ first: boolean } | null> {
    const rows: { first: boolean }[] = await manager.query(
        `INSERT INTO peer_exchange_outcome AS o (exchange_id, summary_source, summary_html, learnings_source, learnings_html, recorded_by, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT (exchange_id) DO UPDATE
           SET summary_source = EXCLUDED.summary_source, summary_html = EXCLUDED.summary_html, learnings_source = EXCLUDED.learnings_source,
               learnings_html = EXCLUDED.learnings_html, updated_by = EXCLUDED.updated_by, updated_at = now(), version = o.version + 1
           WHERE $7::int IS NULL OR o.version = $7::int
         RETURNING (o.xmax = 0) AS first`,
      [exchangeId, fields.summary.source, fields.summary.html, fields.learnings.source, fields.learnings.html, userId, version],
    );
    const [written] = rows;
    if (rows.length !== 1 || !written) return null;
    await manager.query(`DELETE FROM peer_exchange_follow_up WHERE exchange_id = $1`, [exchangeId]);
    await manager.query(
      `INSERT INTO peer_exchange_follow_up (exchange_id, position, description, owner_id, due_on)
       SELECT $1, f.n, f.description, f.owner_id, f.due_on FROM unnest($2::text[], $3::uuid[], $4::date[]) WITH ORDINALITY AS f(description, owner_id, due_on, n)`,
      [exchangeId, fields.followUps.map((f) => f.description), fields.followUps.map((f) => f.ownerId), fields.followUps.map((f) => f.dueOn)],
    );
    return { first: written.first };
  }

  /** The practices adopted become exactly `adopted`, in order, each with the adoption recorded for it. */
  async setAdopted(manager: EntityManager, exchangeId: string, adopted: AdoptedPracticeRow[]): Promise<void> {
    await manager.query(`DELETE FROM peer_exchange_adopted_practice WHERE exchange_id = $1`, [exchangeId]);
    await manager.query(
      `INSERT INTO peer_exchange_adopted_practice (exchange_id, practice_id, position, adoption_id, territory_id)
       SELECT $1, a.practice_id, a.n, a.adoption_id, a.territory_id
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) WITH ORDINALITY AS a(practice_id, adoption_id, territory_id, n)`,
      [exchangeId, adopted.map((a) => a.practiceId), adopted.map((a) => a.adoptionId), adopted.map((a) => a.territoryId)],
    );
  }
}
