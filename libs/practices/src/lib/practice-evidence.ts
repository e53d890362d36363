import type { Principals } from '@bottega/core';
import { PRACTICE_AUDIENCE, practiceColumns } from './practice.audience';
import { PracticeStatus } from './practice.enums';

/**
 * Published practices a reader may read, one row per tag and author
 * (`practice_id`, `tag_id`, `author_id`, `published_at`), as a subquery other
 * libraries put in their own statements (`FROM (${sql}) evidence WHERE
 * evidence.tag_id IN (…)`): what someone has shown on a theme, for ranking
 * people, decided by {@link PRACTICE_AUDIENCE} like every other way of
 * reading practices. Rows start from the practice's tags, so a condition on
 * `tag_id` drives the plan through `practice_tag`'s tag index; whether each
 * practice is readable is asked of it by key (the audience's conditions are
 * opaque to the planner's estimates, which would otherwise start from the
 * whole practice table).
 */
export function readablePublishedPracticesSql(reader: Principals, name = 'evidencePrincipals'): { sql: string; params: Record<string, unknown> } {
  const readable = PRACTICE_AUDIENCE.where(practiceColumns('rp', 'rc'), reader, name);
  return {
    sql: `SELECT ept.practice_id, ept.tag_id, epa.user_id AS author_id, ep.published_at
            FROM practice_tag ept
            JOIN practice_author epa ON epa.practice_id = ept.practice_id
            JOIN practice ep ON ep.id = ept.practice_id
           WHERE (SELECT ${readable.sql} FROM practice rp LEFT JOIN community rc ON rc.id = rp.community_id
                   WHERE rp.id = ept.practice_id AND rp.status = '${PracticeStatus.PUBLISHED}')`,
    params: readable.params,
  };
}
