import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SqlList, updatedRows } from '@bottega/core';
import type { AdoptionOutcome } from './practice-adoption.enums';
import { userJsonSql, type UserJson } from '@bottega/identity';
import { territoryJsonSql, type TerritoryJson } from '@bottega/territories';

export interface PracticeAdoptionRow {
  id: string;
  practiceId: string;
  territoryId: string;
  organizationName: string | null;
  projectId: string | null;
  adoptedOn: string;
  notes: string;
  outcome: AdoptionOutcome;
  recordedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** An adoption as a page lists it: with its territory and who recorded it, for their loaders. */
export interface PracticeAdoptionPageRow extends PracticeAdoptionRow {
  territory: TerritoryJson | null;
  recorder: UserJson | null;
}

/** What a record or an edit writes; a field left undefined stays as it is. */
export interface AdoptionFields {
  territoryId?: string;
  organizationName?: string | null;
  projectId?: string | null;
  adoptedOn?: string;
  notes?: string;
  outcome?: AdoptionOutcome;
}

const COLUMNS = `a.id, a.practice_id AS "practiceId", a.territory_id AS "territoryId", a.organization_name AS "organizationName",
  a.project_id AS "projectId", to_char(a.adopted_on, 'YYYY-MM-DD') AS "adoptedOn", a.notes, a.outcome, a.recorded_by AS "recordedBy",
  a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;


/** The only code that reads and writes adoptions of practices. */
@Injectable()
export class PracticeAdoptionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findByIds(ids: readonly string[]): Promise<PracticeAdoptionRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM practice_adoption a WHERE a.id = ANY($1::uuid[])`, [ids]);
  }

  /** A practice's adoptions, each with its territory and who recorded it as plain rows; order and paging are the caller's. */
  of(practiceId: string): SqlList<PracticeAdoptionPageRow> {
    return new SqlList<PracticeAdoptionPageRow>(
      `${COLUMNS}, (SELECT ${territoryJsonSql('t')} FROM territory t WHERE t.id = a.territory_id) AS territory,
       (SELECT ${userJsonSql('u')} FROM app_user u WHERE u.id = a.recorded_by) AS recorder`,
      `FROM practice_adoption a WHERE a.practice_id = :practiceId`,
      { practiceId },
      this.db,
    );
  }

  /**
   * Counts one more adoption on the practice while it is published, taking
   * its row lock (so the count is exact, and the practice cannot be archived
   * meanwhile), and records it. Null when the practice is not published.
   */
  async insert(manager: EntityManager, practiceId: string, recordedBy: string, fields: Required<AdoptionFields>): Promise<string | null> {
    const counted = updatedRows(
      await manager.query(`UPDATE practice SET adoption_count = adoption_count + 1 WHERE id = $1 AND status = 'PUBLISHED' RETURNING id`, [practiceId]),
    );
    if (counted.length === 0) return null;
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO practice_adoption (practice_id, territory_id, organization_name, project_id, adopted_on, notes, outcome, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [practiceId, fields.territoryId, fields.organizationName, fields.projectId, fields.adoptedOn, fields.notes, fields.outcome, recordedBy],
    );
    if (!row) throw new Error('An adoption was not inserted');
    return row.id;
  }

  /** Writes the fields given; false when the adoption is gone. */
  async update(manager: EntityManager, id: string, fields: AdoptionFields): Promise<boolean> {
    const sets: string[] = ['updated_at = now()'];
    const values: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    };
    if (fields.territoryId !== undefined) set('territory_id', fields.territoryId);
    if (fields.organizationName !== undefined) set('organization_name', fields.organizationName);
    if (fields.projectId !== undefined) set('project_id', fields.projectId);
    if (fields.adoptedOn !== undefined) set('adopted_on', fields.adoptedOn);
    if (fields.notes !== undefined) set('notes', fields.notes);
    if (fields.outcome !== undefined) set('outcome', fields.outcome);
    return updatedRows(await manager.query(`UPDATE practice_adoption SET ${sets.join(', ')} WHERE id = $1 RETURNING id`, values)).length === 1;
  }

  /** Removes the adoption and counts one fewer on its practice: that practice's id, or null when it was already gone. */
  async delete(manager: EntityManager, id: string): Promise<string | null> {
    const [removed] = updatedRows<{ practiceId: string }>(
      await manager.query(`DELETE FROM practice_adoption WHERE id = $1 RETURNING practice_id AS "practiceId"`, [id]),
    );
    if (!removed) return null;
    await manager.query(`UPDATE practice SET adoption_count = adoption_count - 1 WHERE id = $1`, [removed.practiceId]);
    return removed.practiceId;
  }
}
