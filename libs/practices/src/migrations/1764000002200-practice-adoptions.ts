import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a practice travelled: each adoption names the territory (and, when
 * known, the organization and living lab) that took it up, when, and how it
 * went. The practice counts its adoptions on its row, moved in the
 * transaction that records or removes one under the row's lock, so the count
 * stays exact and orders lists by most adopted.
 */
export class PracticeAdoptions1764000002200 implements MigrationInterface {
  name = 'PracticeAdoptions1764000002200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE practice_adoption (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
        territory_id uuid NOT NULL REFERENCES territory (id),
        organization_name text CHECK (char_length(organization_name) BETWEEN 1 AND 160),
        project_id uuid REFERENCES project (id) ON DELETE SET NULL,
        adopted_on date NOT NULL,
        notes text NOT NULL CHECK (char_length(notes) BETWEEN 1 AND 2000),
        outcome text NOT NULL CHECK (outcome IN ('ADOPTING', 'ADOPTED', 'ADAPTED', 'ABANDONED')),
        recorded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX practice_adoption_practice_idx ON practice_adoption (practice_id, adopted_on DESC, id DESC)`);
    await db.query(`ALTER TABLE practice ADD COLUMN adoption_count integer NOT NULL DEFAULT 0 CHECK (adoption_count >= 0)`);
    await db.query(`CREATE INDEX practice_most_adopted_idx ON practice (adoption_count DESC, created_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX practice_most_adopted_idx`);
    await db.query(`ALTER TABLE practice DROP COLUMN adoption_count`);
    await db.query(`DROP TABLE practice_adoption`);
  }
}
