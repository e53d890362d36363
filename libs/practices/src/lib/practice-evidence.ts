import type { Principals } from '@bottega/core';
import { PRACTICE_AUDIENCE, practiceColumns } from './practice.audience';
import { PracticeStatus } from './practice.enums';

/**
 * Published practices a reader may read, each with one of its authors and one
 * of its tags per row (`practice_id`, `published_at`, `author_id`,
 * `tag_slug`), as a subquery other libraries put in their own statements
 * (`FROM (${sql}) evidence`): what someone has shown on a theme, for ranking
 * people, decided by {@link PRACTICE_AUDIENCE} like every other way of
 * reading practices. The planner pushes the caller's conditions on authors
 * and tags into it.
 */
export function readablePublishedPracticesSql(reader: Principals, name = 'evidencePrincipals'): { sql: string; params: Record<string, unknown> } {
  const readable = PRACTICE_AUDIENCE.where(practiceColumns('ep', 'epc'), reader, name);
  return {
    sql: `SELECT ep.id AS practice_id, ep.published_at, epa.user_id AS author_id, epg.slug AS tag_slug
            FROM practice ep
            JOIN practice_author epa ON epa.practice_id = ep.id
            JOIN practice_tag ept ON ept.practice_id = ep.id
            JOIN tag epg ON epg.id = ept.tag_id
            LEFT JOIN community epc ON epc.id = ep.community_id
           WHERE ep.status = '${PracticeStatus.PUBLISHED}' AND ${readable.sql}`,
    params: readable.params,
  };
}
