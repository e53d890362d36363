import type { TestApp } from '@bottega/testing';

export { api, unknownId } from '@bottega/testing';
export { toGlobalId as globalId } from '@bottega/core';
export const dbId = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1]!;

/** The id of the skill with this key. */
export async function skillId(t: TestApp, key: string): Promise<string> {
  const [row] = await t.db.query(`SELECT id FROM skill WHERE key = $1`, [key]);
  return row.id;
}

/** Everything competences keep in the database, to show an operation changed nothing. */
export async function state(t: TestApp): Promise<unknown> {
  const [skills, profiles, competences, endorsements, audit, territories, evidence, names, outbox] = await Promise.all([
    t.db.query(`SELECT id, area_id, key, label_it, label_en, merged_into, updated_at FROM skill ORDER BY id`),
    t.db.query(
      `SELECT user_id, visibility, availability, bio, bio_html, avatar_url, organization_name, organization_kind, languages, hidden_at, updated_at
         FROM competence_profile ORDER BY user_id`,
    ),
    t.db.query(`SELECT user_id, skill_id, level, evidence, position FROM competence ORDER BY user_id, skill_id`),
    t.db.query(`SELECT user_id, skill_id, endorser_id FROM endorsement ORDER BY user_id, skill_id, endorser_id`),
    t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE subject_type IN ('Skill', 'CompetenceProfile')`),
    t.db.query(`SELECT user_id, territory_id, position FROM competence_profile_territory ORDER BY user_id, territory_id`),
    t.db.query(`SELECT user_id, skill_id, subject_type, subject_id, position FROM competence_evidence ORDER BY user_id, skill_id, position`),
    t.db.query(`SELECT id, display_name FROM app_user ORDER BY id`),
    t.db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE kind = 'CompetenceProfile'`),
  ]);
  return { skills, profiles, competences, endorsements, audit, territories, evidence, names, outbox };
}
