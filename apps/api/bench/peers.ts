import type { Pool } from 'pg';
import { dbId, toGlobalId, type PageResult } from './forum-pages';
import { postGraphQL, runHttpLoad, sqlStatementsPerRequest, type LoadOptions } from './http-load';
import { runSqlLoad } from './sql-load';

const FIRST = 20;
const STATEMENT_SAMPLES = 5;
/** A newcomer in Milan asking, in Italian, for people who know fundraising elsewhere. */
const NEED_TEXT = 'raccolta fondi';
const NEED_TERRITORY = 'IT-MI';

export const SUGGEST_PEERS_QUERY = `query SuggestPeers($need: PeerNeedInput!) { suggestPeers(need: $need, first: ${FIRST}) {
  pageInfo { hasNextPage endCursor }
  nodes { score endorsementCount evidenceCount territoryMatch reasons
    profile { id availability user { displayName handle } }
    matchedSkills { level endorsementCount skill { key label } }
    evidence { id title } } } }`;

/** The skills whose names occur in the text: labels, their areas', merged skills' and the tags they stand for (as the API reads them). */
const SKILLS_SQL = `
  WITH name AS (
    SELECT coalesce(s.merged_into, s.id) AS skill_id, n.label FROM skill s CROSS JOIN LATERAL (VALUES (s.label_it), (s.label_en)) n(label)
    UNION ALL
    SELECT s.id, n.label FROM skill s JOIN skill_area a ON a.id = s.area_id CROSS JOIN LATERAL (VALUES (a.label_it), (a.label_en)) n(label)
     WHERE s.merged_into IS NULL
    UNION ALL
    SELECT coalesce(s.merged_into, s.id), st.tag_slug FROM skill_tag st JOIN skill s ON s.id = st.skill_id),
  named AS (SELECT skill_id, trim(regexp_replace(lower(unaccent(label)), '[^a-z0-9]+', ' ', 'g')) AS words FROM name)
  SELECT DISTINCT skill_id AS id FROM named
   WHERE words <> '' AND (' ' || $1 || ' ' LIKE '% ' || words || ' %' OR (char_length($1) >= 4 AND ' ' || words LIKE '% ' || $1 || '%'))`;

/**
 * The same ranking as a hand-written handler would run it for a signed-in
 * reader who is not staff (public and members-only profiles not hidden by
 * moderation; published practices outside private communities): the page
 * with names, skills and the evidence's titles, in one statement.
 */
const RANKING_SQL = `
  WITH need_tag AS (
    SELECT DISTINCT st.tag_slug FROM skill_tag st JOIN skill s ON s.id = st.skill_id WHERE coalesce(s.merged_into, s.id) = ANY($1::uuid[])),
  matched AS (
    SELECT c.user_id, c.skill_id, c.level,
           CASE c.level WHEN 'AWARE' THEN 10 WHEN 'PRACTITIONER' THEN 20 WHEN 'EXPERIENCED' THEN 30 ELSE 40 END AS points,
           (SELECT count(*)::int FROM endorsement e WHERE e.user_id = c.user_id AND e.skill_id = c.skill_id) AS endorsements
      FROM competence c JOIN competence_profile p ON p.user_id = c.user_id
     WHERE c.skill_id = ANY($1::uuid[]) AND p.availability <> 'NOT_AVAILABLE' AND p.visibility IN ('PUBLIC', 'MEMBERS_ONLY')
       AND p.hidden_at IS NULL AND p.user_id <> $2),
  person AS (
    SELECT user_id, sum(points)::int AS skill_points, sum(least(endorsements, 10) * 2)::int AS endorsement_points,
           json_agg(json_build_object('skill', skill_id, 'level', level, 'endorsements', endorsements) ORDER BY points DESC, endorsements DESC, skill_id) AS matched
      FROM matched GROUP BY user_id),
  shown AS (
    SELECT DISTINCT pa.user_id, pr.id, pr.title, pr.published_at
      FROM practice pr JOIN practice_author pa ON pa.practice_id = pr.id
      JOIN practice_tag pt ON pt.practice_id = pr.id JOIN tag g ON g.id = pt.tag_id
      LEFT JOIN community pc ON pc.id = pr.community_id
     WHERE pr.status = 'PUBLISHED' AND pr.hidden_at IS NULL AND coalesce(pc.visibility, 'PUBLIC') <> 'PRIVATE'
       AND pa.user_id IN (SELECT user_id FROM person) AND g.slug IN (SELECT tag_slug FROM need_tag)),
  evidence AS (
    SELECT user_id, count(*)::int AS n, (array_agg(json_build_object('id', id, 'title', title) ORDER BY published_at DESC, id))[1:3] AS shown
      FROM shown GROUP BY user_id),
  place AS (
    SELECT pt.user_id, bool_or(t.path <@ (SELECT path FROM territory WHERE id = $3)) AS inside
      FROM competence_profile_territory pt JOIN territory t ON t.id = pt.territory_id
     WHERE pt.user_id IN (SELECT user_id FROM person) GROUP BY pt.user_id)
  SELECT person.user_id, u.display_name, u.handle, p.availability, person.matched, evidence.shown,
         person.skill_points + person.endorsement_points + least(coalesce(evidence.n, 0), 5) * 6
           + CASE WHEN NOT place.inside THEN 15 ELSE 0 END AS score
    FROM person JOIN competence_profile p ON p.user_id = person.user_id JOIN app_user u ON u.id = person.user_id
    LEFT JOIN evidence ON evidence.user_id = person.user_id LEFT JOIN place ON place.user_id = person.user_id
   ORDER BY score DESC, person.user_id
   LIMIT ${FIRST + 1}`;

interface RankedRow {
  user_id: string;
  score: number;
}

/** Two statements: the need's skills from its words, then the ranked page with all it shows. */
async function loadSuggestions(pool: Pool, viewerId: string, territoryId: string): Promise<RankedRow[]> {
  const skills = await pool.query<{ id: string }>(SKILLS_SQL, [NEED_TEXT]);
  const ranked = await pool.query<RankedRow>(RANKING_SQL, [skills.rows.map((row) => row.id), viewerId, territoryId]);
  return ranked.rows.slice(0, FIRST);
}

interface ApiSuggestions {
  suggestPeers?: { nodes?: { score: number; profile: { id: string } }[] };
}

/**
 * `suggestPeers` over the seeded people and practices, for a signed-in reader
 * in Milan asking in Italian for fundraising from other territories: the first
 * 20 with their names, matched skills, reasons and evidence, against the
 * minimal raw SQL computing the same ranking. Verified once (the same people,
 * in the same order, with the same scores), statements counted, then both
 * loaded at the same concurrency.
 */
export async function runSuggestPeers(
  pool: Pool,
  graphqlUrl: string,
  viewer: { userId: string; accessToken: string },
  load: LoadOptions,
  progress: (message: string) => void,
): Promise<PageResult> {
  const territory = await pool.query<{ id: string }>(`SELECT id FROM territory WHERE code = $1`, [NEED_TERRITORY]);
  const territoryId = territory.rows[0]?.id;
  if (!territoryId) throw new Error(`suggestPeers: no territory ${NEED_TERRITORY}`);
  const headers = { authorization: `Bearer ${viewer.accessToken}` };
  const need = { text: NEED_TEXT, territoryId: toGlobalId('Territory', territoryId), preferOtherTerritories: true };
  const body = JSON.stringify({ query: SUGGEST_PEERS_QUERY, operationName: 'SuggestPeers', variables: { need } });

  const api = ((await postGraphQL(graphqlUrl, body, headers)) as ApiSuggestions).suggestPeers?.nodes ?? [];
  const sql = await loadSuggestions(pool, viewer.userId, territoryId);
  const apiKey = api.map((node) => `${dbId(node.profile.id, 'CompetenceProfile')}:${node.score}`);
  const sqlKey = sql.map((row) => `${row.user_id}:${row.score}`);
  if (apiKey.length !== FIRST || JSON.stringify(apiKey) !== JSON.stringify(sqlKey)) {
    throw new Error(`suggestPeers: API (${apiKey.slice(0, 3).join(', ')}…) and raw SQL (${sqlKey.slice(0, 3).join(', ')}…) disagree`);
  }
  const checked = `${FIRST} people in order with their scores (${sql[0]?.score} to ${sql.at(-1)?.score})`;
  const statements = await sqlStatementsPerRequest(load.statementsUrl, body, headers, STATEMENT_SAMPLES);
  progress(`suggestPeers: raw SQL, ${load.connections} workers, ${load.warmupS} s warm-up + ${load.durationS} s…`);
  const sqlLoad = await runSqlLoad(pool, load, (p) => loadSuggestions(p, viewer.userId, territoryId));
  progress(`suggestPeers: GraphQL API, ${load.connections} connections, ${load.warmupS} s warm-up + ${load.durationS} s…`);
  const http = await runHttpLoad(graphqlUrl, body, load, headers);
  return { name: 'suggestPeers', sql: sqlLoad, http, statements, sqlStatements: 2, checked };
}
