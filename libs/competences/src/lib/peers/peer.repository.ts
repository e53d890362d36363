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
   */
  rank(reader: Principals, need: RankedNeed): SqlList<PeerRow> {
    const visible = PROFILE_AUDIENCE.where(profileColumns('p'), reader);
    const practices = readablePublishedPracticesSql(reader);
    return new SqlList<PeerRow>(
      `ranked.user_id AS "userId", ranked.availability, ranked.score, ranked.matched, ranked.endorsement_count AS "endorsementCount",
       ranked.evidence_count AS "evidenceCount", ranked.evidence_ids AS "evidenceIds", ranked.territory_match AS "territoryMatch"`,
      `FROM (
         WITH need_tag AS (
           SELECT DISTINCT st.tag_slug FROM skill_tag st JOIN skill s ON s.id = st.skill_id
            WHERE coalesce(s.merged_into, s.id) = ANY(CAST(:skillIds AS uuid[]))),
         matched AS (
           SELECT c.user_id, c.skill_id, c.level, ${LEVEL_POINTS} AS points,
                  (SELECT count(*)::int FROM endorsement e WHERE e.user_id = c.user_id AND e.skill_id = c.skill_id) AS endorsements
             FROM competence c JOIN competence_profile p ON p.user_id = c.user_id
            WHERE c.skill_id = ANY(CAST(:skillIds AS uuid[])) AND p.availability <> '${Availability.NOT_AVAILABLE}'
              AND p.user_id IS DISTINCT FROM CAST(:viewerId AS uuid) AND ${visible.sql}),
         person AS (
           SELECT m.user_id, sum(m.points)::int AS skill_points,
                  sum(least(m.endorsements, ${POINTS.endorsementsCounted}) * ${POINTS.endorsement})::int AS endorsement_points,
                  sum(m.endorsements)::int AS endorsement_count,
                  json_agg(json_build_object('skillId', m.skill_id, 'level', m.level, 'endorsements', m.endorsements)
                           ORDER BY m.points DESC, m.endorsements DESC, m.skill_id) AS matched
             FROM matched m GROUP BY m.user_id),
         shown AS (
           SELECT DISTINCT ev.author_id, ev.practice_id, ev.published_at
             FROM (${practices.sql}) ev
            WHERE ev.author_id IN (SELECT user_id FROM person) AND ev.tag_slug IN (SELECT tag_slug FROM need_tag)),
         evidence AS (
           SELECT author_id AS user_id, count(*)::int AS n,
                  (array_agg(practice_id ORDER BY published_at DESC, practice_id))[1:${EVIDENCE_SHOWN}] AS ids
             FROM shown GROUP BY author_id),
         place AS (
           SELECT pt.user_id, bool_or(t.path <@ need_place.path) AS inside
             FROM competence_profile_territory pt
             JOIN territory t ON t.id = pt.territory_id
             CROSS JOIN (SELECT path FROM territory WHERE id = CAST(:territoryId AS uuid)) need_place
            WHERE pt.user_id IN (SELECT user_id FROM person)
            GROUP BY pt.user_id)
         SELECT person.user_id, p.availability, person.matched, person.endorsement_count,
                coalesce(evidence.n, 0) AS evidence_count, coalesce(evidence.ids, '{}') AS evidence_ids,
                CASE WHEN place.inside THEN '${TerritoryMatch.SAME}' WHEN NOT place.inside THEN '${TerritoryMatch.OTHER}'
                     ELSE '${TerritoryMatch.UNKNOWN}' END AS territory_match,
                person.skill_points + person.endorsement_points
                  + least(coalesce(evidence.n, 0), ${POINTS.practicesCounted}) * ${POINTS.practice}
                  + CASE WHEN place.inside <> CAST(:preferOther AS boolean) THEN ${POINTS.territory} ELSE 0 END AS score
           FROM person
           JOIN competence_profile p ON p.user_id = person.user_id
           LEFT JOIN evidence ON evidence.user_id = person.user_id
           LEFT JOIN place ON place.user_id = person.user_id
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
