import { HIGHLIGHT_END, HIGHLIGHT_START } from '../highlight';
import type { SearchOrder } from '../search-engine';

/** What the search statement answers: one row. */
export interface SearchRow {
  total: string;
  /** Each concept's rarity by its position in the query (from 1), for the engine to remember. */
  rarities: Record<string, number>;
  facets: { facet: string; value: string; count: string }[];
  hits: { type: string; id: string; title: string; snippet: string }[];
}

/**
 * Documents counted at most, to weigh a concept by its rarity: beyond this a
 * word is common, and counting further reads the index for nothing.
 */
const RARITY_COUNT_LIMIT = 2_000;

/**
 * The query's concepts as tsqueries (`$1`: a JSON array of concepts, each its
 * alternatives and its weight): each alternative a phrase under both
 * configurations, a concept any of its alternatives under either (`exact`,
 * and `loose` where a phrase's words may be apart), matched against each
 * document's words in its own language; a word that is a stop word in
 * either language ('the', 'with', 'come') drops out.
 */
const CONCEPTS = `
  alternative AS (
    SELECT c.ord, a.n, (c.concept->>'weight')::float8 AS share, (c.concept->>'rarity')::float8 AS known_rarity, phraseto_tsquery('bottega_it', a.text) AS it, phraseto_tsquery('bottega_en', a.text) AS en,
           -- The words as typed (two at most, elided articles aside: "valutazione d'impatto") may also be found apart;
           -- an equivalent, or a longer phrase, only as the phrase it is.
           CASE WHEN a.n = 1 AND numnode(plainto_tsquery('bottega_it', a_loose.loose)) <= 3 THEN plainto_tsquery('bottega_it', a_loose.loose) ELSE phraseto_tsquery('bottega_it', a.text) END AS loose_it,
           CASE WHEN a.n = 1 AND numnode(plainto_tsquery('bottega_en', a_loose.loose)) <= 3 THEN plainto_tsquery('bottega_en', a_loose.loose) ELSE phraseto_tsquery('bottega_en', a.text) END AS loose_en
      FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS c(concept, ord),
           jsonb_array_elements_text(c.concept->'alternatives') WITH ORDINALITY AS a(text, n),
           regexp_replace(a.text, '\\m[[:alpha:]]\\M', ' ', 'g') AS a_loose(loose)
  ),
  concept_query AS (
    SELECT ord, min(share) AS share, min(known_rarity) AS known_rarity, search_any(it) FILTER (WHERE numnode(it) > 0) AS it, search_any(en) FILTER (WHERE numnode(en) > 0) AS en,
           search_any(loose_it) FILTER (WHERE numnode(loose_it) > 0) AS loose_it, search_any(loose_en) FILTER (WHERE numnode(loose_en) > 0) AS loose_en,
           min(it::text) FILTER (WHERE n = 1 AND numnode(it) > 0)::tsquery AS first_it, min(en::text) FILTER (WHERE n = 1 AND numnode(en) > 0)::tsquery AS first_en
      FROM alternative GROUP BY ord HAVING bool_or(numnode(it) > 0 AND numnode(en) > 0)
  ),
  -- Either language's analysis: a tsquery OR'ed with a missing one is missing, hence the fallbacks.
  either AS (
    SELECT c.*, coalesce(c.it || c.en, c.it, c.en) AS exact, coalesce(c.loose_it || c.loose_en, c.loose_it, c.loose_en) AS loose,
           coalesce(c.first_it || c.first_en, c.first_it, c.first_en) AS first
      FROM concept_query c
  ),
  weighed AS MATERIALIZED (
    SELECT c.ord, c.share, c.exact, c.loose, c.loose_it, c.loose_en,
           -- Known from an earlier search (the engine remembers it a while), or counted now.
           coalesce(c.known_rarity,
                    ln(1 + greatest((SELECT reltuples FROM pg_class WHERE oid = 'search_document'::regclass), 1)
                           / (1 + coalesce(nullif((SELECT count(*) FROM (SELECT FROM search_document d WHERE d.words @@ c.first LIMIT ${RARITY_COUNT_LIMIT}) AS f), 0),
                                           (SELECT count(*) FROM (SELECT FROM search_document d WHERE d.words @@ c.exact LIMIT ${RARITY_COUNT_LIMIT}) AS f))))) AS rarity
      FROM either c
  ),
  concept AS (SELECT c.*, c.share * c.rarity AS weight FROM weighed c),
  query AS (
    SELECT count(*) AS concepts, search_any(loose) AS words, search_any(loose_it) AS it, search_any(loose_en) AS en,
           array_agg(exact) AS exacts, array_agg(loose) AS looses, array_agg(weight) AS weights, sum(weight) AS weight
      FROM concept
  )`;

/** The document's words read once (`w`): each test below would otherwise read the stored words again. */
const WORDS = `LATERAL (SELECT d.words || ''::tsvector AS words OFFSET 0) AS w`;

/** Whether the document has the query's `i`th concept (from 1): its words, anywhere. */
const has = (i: number) => `(w.words @@ q.looses[${i}])`;
/** Whether it has the concept as written: a phrase's words together, in order. */
const hasExactly = (i: number) => `(w.words @@ q.exacts[${i}])`;
/** Whether it has it in its title, summary or tags (a reply: its thread's title), not only somewhere in its body. */
const hasProminently = (i: number) => `(d.head @@ q.looses[${i}])`;
/** How much covering the query outweighs density: the density score (`ts_rank_cd`, normalized) stays well below it. */
const COVERAGE = 8;
/** What a phrase's words count for when they are in the document but not together. */
const SCATTERED = 0.4;

/**
 * The sum of `term` over the query's concepts, written out for each: a
 * subquery over the concepts for each row cost more than the terms (2–3 ms
 * of a filtered search's 38 at 100,000 documents). `concepts` is how many
 * the query was planned with;
 * the statement drops those that are only stop words, and a term past the
 * last concept is null, so it adds nothing.
 */
const overConcepts = (concepts: number, term: (i: number) => string) =>
  concepts === 0 ? '0' : Array.from({ length: concepts }, (_, k) => `coalesce(${term(k + 1)}, 0)`).join(' + ');

/**
 * How well a document answers: first the share of the query's concepts it
 * has, each weighing by the rarity of the words typed (a document with the
 * rare words of a question beats one with its common ones; one about all of
 * them beats one that repeats one; a concept's equivalents do not make it
 * weigh less; the verb that frames a question weighs less than its
 * subject), a concept in the title, summary or tags counting twice one only
 * somewhere in the body, a phrase whose words are apart less than one
 * written as typed; then, only between documents that cover the query
 * alike, where and how densely they occur (title over summary over body,
 * cover density, shorter documents favoured), for the query as analysed in
 * the document's language. A reply weighs less than what it answers at
 * equal match.
 */
const score = (concepts: number) => `
  (${COVERAGE} * coalesce((${overConcepts(
    concepts,
    (i) =>
      `CASE WHEN ${has(i)} THEN q.weights[${i}] * CASE WHEN ${hasProminently(i)} THEN 1 ELSE 0.5 END * CASE WHEN ${hasExactly(i)} THEN 1 ELSE ${SCATTERED} END END`,
  )}) / nullif(q.weight, 0), 0)
   + coalesce(ts_rank_cd('{0.1, 0.3, 0.6, 1.0}', w.words, CASE WHEN d.language = 'en' THEN q.en ELSE q.it END, 1), 0))
  * CASE d.type WHEN 'Post' THEN 0.7 ELSE 1 END`;

/**
 * A first score every match gets, from the words of its title, summary and
 * tags alone (stored with the row): the share of the query's concepts they
 * hold. The {@link RANKED} best by it are scored in full.
 */
const rough = (concepts: number) => `
  coalesce((${overConcepts(concepts, (i) => `CASE WHEN ${hasProminently(i)} THEN q.weights[${i}] END`)}) / nullif(q.weight, 0), 0)`;

/**
 * How many matches are scored in full, best first by {@link rough}; the
 * others follow in that order. More than anyone pages through, few enough
 * that a common word does not make every match read its words.
 */
export const RANKED = 200;

/** A reader sees a document when they hold a principal of each of its access slots (`$n`: the principals). */
export const readable = (principals: string) =>
  `d.access0 && ${principals} AND d.access1 && ${principals} AND d.access2 && ${principals} AND d.access3 && ${principals}`;

/** Characters of a hit's summary and body a snippet is taken from: marking a whole long record costs more than it shows. */
const HEADLINE_TEXT = 4_000;

const HEADLINE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}`;

/** The hit as shown: its title with matches marked, and a passage of its summary or body. */
const HIT = `json_build_object(
  'type', p.type, 'id', p.id,
  'title', CASE WHEN q.concepts = 0 THEN p.title
                WHEN p.language = 'en' THEN ts_headline('bottega_en', p.title, q.en, 'HighlightAll=true, ${HEADLINE}')
                ELSE ts_headline('bottega_it', p.title, q.it, 'HighlightAll=true, ${HEADLINE}') END,
  'snippet', CASE WHEN q.concepts = 0 THEN left(coalesce(nullif(p.summary, ''), p.body), 240)
                  WHEN p.language = 'en' THEN ts_headline('bottega_en', left(coalesce(nullif(p.summary, ''), '') || ' ' || p.body, ${HEADLINE_TEXT}), q.en,
                                                          'MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … ", ${HEADLINE}')
                  ELSE ts_headline('bottega_it', left(coalesce(nullif(p.summary, ''), '') || ' ' || p.body, ${HEADLINE_TEXT}), q.it,
                                   'MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … ", ${HEADLINE}') END)`;

/**
 * The keys a filter's values are stored under in a document's `filter_keys`
 * (see the SearchFilterKeys migration): a document passes a filter when it
 * has one of the filter's keys.
 */
export const filterKeys = {
  types: (types: readonly string[]) => types.map((type) => `type:${type}`),
  territories: (ids: readonly string[]) => ids.map((id) => `territory:${id}`),
  /** A tag filter finds a profile's skills too. */
  tags: (tags: readonly string[]) => tags.map((tag) => `tag:${tag}`),
  communities: (ids: readonly string[]) => ids.map((id) => `community:${id}`),
};

/** Each facet's values among the matches, with how many have each. */
const FACET_COUNTS = `
    SELECT 'type' AS facet, type AS value, count(*) AS count FROM matched GROUP BY type
    UNION ALL SELECT 'territory', t::text, count(*) FROM matched, unnest(territory_ids) AS t GROUP BY t
    UNION ALL SELECT 'tag', g, count(*) FROM matched, unnest(tags) AS g GROUP BY g
    UNION ALL SELECT 'skill', s, count(*) FROM matched, unnest(skills) AS s GROUP BY s
  `;

/**
 * One search, one statement: the matches the reader may see, filtered
 * (`$2` browse without words; `$3` principals; `$4`–`$7` {@link filterKeys}
 * of types, places, tags and communities, `$8`… the others; `$11` limit,
 * `$12` offset), their count, their facets and one page of hits;
 * `concepts`: how many the query was planned with; without `facets`, none
 * are counted.
 */
export const SEARCH_SQL = (order: SearchOrder, concepts: number, facets: boolean) => `
  WITH ${CONCEPTS},
  matched AS MATERIALIZED (
    SELECT d.key, d.type, d.id, d.created_at, d.territory_ids, d.tags, d.skills,
           CASE WHEN $2 THEN 0 ELSE ${rough(concepts)} END AS rough
      FROM search_document d, query q
     WHERE ($2 OR d.words @@ q.words)
       AND ${readable('$3::text[]')}
       AND ($4::text[] IS NULL OR d.filter_keys && $4)
       AND ($5::text[] IS NULL OR d.filter_keys && $5)
       AND ($6::text[] IS NULL OR d.filter_keys && $6)
       AND ($7::text[] IS NULL OR d.filter_keys && $7)
       AND ($8::uuid IS NULL OR d.author_id = $8)
       AND ($9::timestamptz IS NULL OR d.created_at >= $9)
       AND ($10::timestamptz IS NULL OR d.created_at < $10)
  ),
  ${order === 'RELEVANCE' ? `scored AS (
    SELECT m.key, ${score(concepts)} AS score
      FROM (SELECT key FROM matched WHERE NOT $2 ORDER BY rough DESC, created_at DESC, key LIMIT ${RANKED}) AS m
      JOIN search_document d ON d.key = m.key, query q, ${WORDS}
  ),
  ordered AS (
    SELECT m.key, m.created_at, row_number() OVER (ORDER BY s.score DESC NULLS LAST, m.rough DESC, m.created_at DESC, m.key) AS position
      FROM matched m LEFT JOIN scored s ON s.key = m.key
  ),` : `ordered AS (
    SELECT m.key, m.created_at, row_number() OVER (ORDER BY m.created_at DESC, m.key) AS position FROM matched m
  ),`}
  -- The words are read for the page only: the matches carry what ordering and facets need.
  page AS (
    SELECT o.position, d.type, d.id, d.title, d.summary, d.body, d.language
      FROM (SELECT * FROM ordered ORDER BY position LIMIT $11 OFFSET $12) AS o JOIN search_document d ON d.key = o.key
  ),
  facet_count AS (${facets ? FACET_COUNTS : `SELECT NULL::text AS facet, NULL::text AS value, 0::bigint AS count WHERE false`})
  SELECT (SELECT count(*) FROM matched) AS total,
         (SELECT coalesce(json_object_agg(ord, rarity), '{}') FROM weighed) AS rarities,
         (SELECT coalesce(json_agg(f), '[]') FROM facet_count f) AS facets,
         (SELECT coalesce(json_agg(${HIT} ORDER BY p.position), '[]') FROM page p, query q) AS hits`;

/**
 * Documents like a text being written (`$1` its concepts, `$2` the
 * principals, `$3` the types, `$4` how many): those with the largest share
 * of its concepts, best first (`concepts`: how many).
 */
export const SIMILAR_SQL = (concepts: number) => `
  WITH ${CONCEPTS},
  page AS (
    SELECT d.*, ${score(concepts)} AS score
      FROM search_document d, query q, ${WORDS}
     WHERE d.words @@ q.words AND ${readable('$2::text[]')} AND d.type = ANY($3::text[])
     ORDER BY score DESC, created_at DESC, key LIMIT $4
  )
  SELECT ${HIT} AS hit FROM page p, query q ORDER BY score DESC, created_at DESC, key`;
