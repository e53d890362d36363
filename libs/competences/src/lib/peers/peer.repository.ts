import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SqlList, type Principals } from '@bottega/core';
import { readablePublishedPracticesSql } from '@bottega/practices';
import { PROFILE_AUDIENCE, profileColumns } from '../profiles/profile.audience';
import { Availability, CompetenceLevel } from '../profiles/profile.enums';
import { TerritoryMatch } from './peer.enums';

/** One suggested person, as ranked in SQL. */
export interface PeerRow {
  userId: string;
  availability: Availability;
  score: number;
  /** Their competences in the need's skills, highest level first. */
  matched: { skillId: string; level: CompetenceLevel; endorsements: number }[];
  endorsementCount: number;
  evidenceCount: number;
  /** The newest few of those practices. */
  evidenceIds: string[];
  territoryMatch: TerritoryMatch;
}

/** What a need is ranked on, its skills resolved to live ones. */
export interface RankedNeed {
  skillIds: string[];
  territoryId: string | null;
  preferOtherTerritories: boolean;
  /** Excluded from the suggestions: one does not need oneself. */
  viewerId: string | null;
}

/**
 * Points, so that ranking reads plainly: a matched skill by level, each
 * endorsement of it (up to 10 per competence), each published practice on
 * its themes (up to 5), and the territory asked for (or, to learn from
 * elsewhere, another).
 */
export const POINTS = {
  level: { AWARE: 10, PRACTITIONER: 20, EXPERIENCED: 30, EXPERT: 40 } satisfies Record<CompetenceLevel, number>,
  endorsement: 2,
  endorsementsCounted: 10,
  practice: 6,
  practicesCounted: 5,
  territory: 15,
} as const;

/** The newest practices a suggestion shows as its evidence. */
export const EVIDENCE_SHOWN = 3;

const LEVEL_POINTS = `CASE c.level ${Object.entries(POINTS.level)
  .map(([level, points]) => `WHEN '${level}' THEN ${points}`)
  .join(' ')} END`;

/** A label or tag as words: lower case, no accents, letters and digits separated by one space (as `searchPrefix` reads text). */
const words = (column: string) => `trim(regexp_replace(lower(unaccent(${column})), '[^a-z0-9]+', ' ', 'g'))`;

/** The only code that reads the ranking of peers. */
@Injectable()
export class PeerRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The live skills whose names occur in `text` (already read by
   * `searchPrefix`) as whole words, or, for 4 characters or more, that have
   * the text as the start of a word: names are the skill's labels in Italian
   * and English, those of its area (standing for the area's skills), of the
   * skills merged into it, and the tags it stands for.
   */
  async skillsNamedIn(text: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `WITH name AS (
         SELECT coalesce(s.merged_into, s.id) AS skill_id, n.label
           FROM skill s CROSS JOIN LATERAL (VALUES (s.label_it), (s.label_en)) n(label)
         UNION ALL
         SELECT s.id, n.label
           FROM skill s JOIN skill_area a ON a.id = s.area_id CROSS JOIN LATERAL (VALUES (a.label_it), (a.label_en)) n(label)
          WHERE s.merged_into IS NULL
         UNION ALL
         SELECT coalesce(s.merged_into, s.id), st.tag_slug FROM skill_tag st JOIN skill s ON s.id = st.skill_id),
       named AS (SELECT skill_id, ${words('label')} AS words FROM name)
       SELECT DISTINCT skill_id AS id FROM named
        WHERE words <> ''
          AND (' ' || $1 || ' ' LIKE '% ' || words || ' %' OR (char_length($1) >= 4 AND ' ' || words LIKE '% ' || $1 || '%'))
        ORDER BY skill_id`,
      [text],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Everyone available whom the reader may see (the reader aside) with a
   * competence in the need's skills, ranked in one statement: points by level
   * and endorsements of those competences, their published practices on the
   * themes of those skills that the reader may read, and their territories
   * against the need's. Order and paging are the caller's (score, then id).
   *
   * Written so that its cost stays proportional to the competences in those
   * skills whatever the planner guesses of the audience conditions (opaque
   * to its estimates): each candidate competence asks for its profile by key,
   * evidence and places are each read once as a whole (from the need's tags,
   * and from the candidates), and the three are added up per person in one
   * aggregate rather than joined.
   */
  rank(reader: Principals, need: RankedNeed): SqlList<PeerRow> {
    const visible = PROFILE_AUDIENCE.where(profileColumns('p'), reader);
    const practices = readablePublishedPracticesSql(reader);
    return new SqlList<PeerRow>(
      `ranked.user_id AS "userId", ranked.availability, ranked.score, ranked.matched, ranked.endorsement_count AS "endorsementCount",
       ranked.evidence_count AS "evidenceCount", ranked.evidence_ids AS "evidenceIds", ranked.territory_match AS "territoryMatch"`,
      `FROM (
         WITH need_tag AS MATERIALIZED (
           SELECT DISTINCT st.tag_slug FROM skill_tag st JOIN skill s ON s.id = st.skill_id
            WHERE coalesce(s.merged_into, s.id) = ANY(CAST(:skillIds AS uuid[]))),
         need_tag_id AS MATERIALIZED (SELECT g.id FROM tag g WHERE g.slug IN (SELECT tag_slug FROM need_tag)),
         competence_seen AS MATERIALIZED (
           SELECT c.user_id, c.skill_id, c.level,
                  (SELECT p.availability FROM competence_profile p
                    WHERE p.user_id = c.user_id AND p.availability <> '${Availability.NOT_AVAILABLE}' AND ${visible.sql}) AS availability
             FROM competence c
            WHERE c.skill_id = ANY(CAST(:skillIds AS uuid[])) AND c.user_id IS DISTINCT FROM CAST(:viewerId AS uuid)),
         matched AS MATERIALIZED (
           SELECT c.user_id, c.skill_id, c.level, c.availability, ${LEVEL_POINTS} AS points,
                  (SELECT count(*)::int FROM endorsement e WHERE e.user_id = c.user_id AND e.skill_id = c.skill_id) AS endorsements
             FROM competence_seen c WHERE c.availability IS NOT NULL),
         evidence AS MATERIALIZED (
           SELECT shown.author_id AS user_id, count(*)::int AS n,
                  (array_agg(shown.practice_id ORDER BY shown.published_at DESC, shown.practice_id))[1:${EVIDENCE_SHOWN}] AS ids
             FROM (SELECT DISTINCT ev.author_id, ev.practice_id, ev.published_at
                     FROM (${practices.sql}) ev WHERE ev.tag_id IN (SELECT id FROM need_tag_id)) shown
            GROUP BY shown.author_id),
         place AS MATERIALIZED (
           SELECT pt.user_id, bool_or(t.path <@ need_place.path) AS inside
             FROM competence_profile_territory pt
             JOIN territory t ON t.id = pt.territory_id
             CROSS JOIN (SELECT path FROM territory WHERE id = CAST(:territoryId AS uuid)) need_place
            WHERE pt.user_id IN (SELECT user_id FROM matched)
            GROUP BY pt.user_id),
         fact AS (
           SELECT m.user_id, m.skill_id, m.level, m.availability, m.points, m.endorsements, NULL::int AS practices, NULL::uuid[] AS practice_ids, NULL::boolean AS inside
             FROM matched m
           UNION ALL
           SELECT e.user_id, NULL, NULL, NULL, NULL, NULL, e.n, e.ids, NULL FROM evidence e
           UNION ALL
           SELECT pl.user_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, pl.inside FROM place pl),
         person AS (
           SELECT f.user_id, max(f.availability) AS availability,
                  sum(f.points)::int AS skill_points,
                  sum(least(f.endorsements, ${POINTS.endorsementsCounted}) * ${POINTS.endorsement}) FILTER (WHERE f.skill_id IS NOT NULL)::int AS endorsement_points,
                  coalesce(sum(f.endorsements), 0)::int AS endorsement_count,
                  json_agg(json_build_object('skillId', f.skill_id, 'level', f.level, 'endorsements', f.endorsements)
                           ORDER BY f.points DESC, f.endorsements DESC, f.skill_id) FILTER (WHERE f.skill_id IS NOT NULL) AS matched,
                  coalesce(max(f.practices), 0) AS evidence_count,
                  coalesce(max(f.practice_ids), '{}'::uuid[]) AS evidence_ids,
                  bool_or(f.inside) AS inside
             FROM fact f
            GROUP BY f.user_id
           HAVING count(f.skill_id) > 0)
         SELECT person.user_id, person.availability, person.matched, person.endorsement_count, person.evidence_count, person.evidence_ids,
                CASE WHEN person.inside THEN '${TerritoryMatch.SAME}' WHEN NOT person.inside THEN '${TerritoryMatch.OTHER}'
                     ELSE '${TerritoryMatch.UNKNOWN}' END AS territory_match,
                person.skill_points + person.endorsement_points
                  + least(person.evidence_count, ${POINTS.practicesCounted}) * ${POINTS.practice}
                  + CASE WHEN person.inside <> CAST(:preferOther AS boolean) THEN ${POINTS.territory} ELSE 0 END AS score
           FROM person
       ) ranked WHERE true`,
      {
        ...visible.params,
        ...practices.params,
        skillIds: need.skillIds,
        viewerId: need.viewerId,
        territoryId: need.territoryId,
        preferOther: need.preferOtherTerritories,
      },
      this.db,
    );
  }
}
