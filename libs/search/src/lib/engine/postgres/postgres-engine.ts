import type { DataSource, EntityManager } from 'typeorm';
import { planQuery, queryWords, type QueryGlossary, type TermGroup } from '../../query/query-plan';
import { accessSlots } from '../access-slots';
import { markedHtml, stripMarkers } from '../highlight';
import {
  NO_FACETS,
  type EngineHealth,
  type FacetCount,
  type IndexedDocument,
  type RemovedDocument,
  type SearchEngine,
  type SearchFacets,
  type SearchHitResult,
  type SearchRequest,
  type SearchResponse,
  type SimilarRequest,
} from '../search-engine';
import { SearchEngineError } from '../search-engine.error';
import { SEARCH_SQL, SIMILAR_SQL, filterKeys, type SearchRow } from './postgres-search.sql';

/** Words shorter than this are not corrected: too many words are one letter away. */
const MIN_CORRECTED_LENGTH = 4;
/** Nearest known words tried for an unknown one. */
const CORRECTIONS_PER_WORD = 2;
/** Values returned per facet. */
const FACET_VALUES = 30;

/** How long a concept's rarity is reused before it is counted again. */
const RARITY_TTL_MS = 10 * 60_000;
/** Concepts whose rarity is remembered at most. */
const RARITIES_REMEMBERED = 2_000;
/** Words remembered as used by documents, at most: they need no correcting, and no statement to find that out. */
const KNOWN_WORDS_REMEMBERED = 5_000;

const LIVE = 'search_document';
const NEXT = 'search_document_next';

/**
 * Search in PostgreSQL: the embedded default. Documents live in
 * `search_document` with their words weighted under Italian and English
 * configurations; a query's words are corrected against the words the
 * documents use (trigrams), expanded with the glossary, and matched as any of
 * its concepts, ranked first by how many of them a document has, then by
 * where and how densely. Access is part of the query: what a reader may not
 * see is neither returned nor counted.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;

  /**
   * Each concept's rarity (by its alternatives) as last counted: counting
   * reads up to thousands of documents, and it changes slowly.
   */
  private readonly rarities = new Map<string, { rarity: number; until: number }>();
  /** Words documents use, as last looked up, until when (as long as a rarity); a rebuild forgets them. */
  private readonly knownWords = new Map<string, number>();

  constructor(
    private readonly db: DataSource,
    private readonly glossary: QueryGlossary,
  ) {}

  async prepare(): Promise<void> {
    // The index is made by migrations; this only proves it is there.
    await this.query(`SELECT 1 FROM ${LIVE} LIMIT 1`);
  }

  async apply(changes: { upserts: IndexedDocument[]; removals: RemovedDocument[] }, transaction?: EntityManager): Promise<void> {
    const runner = transaction ?? this.db.manager;
    try {
      if (changes.upserts.length > 0) await upsert(runner, LIVE, changes.upserts, { newerOnly: true });
      if (changes.removals.length > 0) {
        await runner.query(
          `DELETE FROM ${LIVE} d USING jsonb_to_recordset($1::jsonb) AS r(key text, version bigint) WHERE d.key = r.key AND d.version <= r.version`,
          [JSON.stringify(changes.removals)],
        );
      }
    } catch (error) {
      throw new SearchEngineError(this.name, 'could not apply changes to the index', { cause: error });
    }
  }

  async dependents(scope: string): Promise<string[]> {
    const rows: { key: string }[] = await this.query(`SELECT key FROM ${LIVE} WHERE scopes @> ARRAY[$1::text] ORDER BY key`, [scope]);
    return rows.map((row) => row.key);
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    const started = performance.now();
    const words = queryWords(request.query.text);
    const browse = words.length === 0;
    // Typed something, but nothing that is a word (only punctuation): nothing can match.
    if (browse && request.query.text.trim() !== '') return empty(started);
    const groups = browse ? [] : planQuery(words, this.glossary, await this.corrections(words));
    const { filter } = request;
    const [row]: SearchRow[] = await this.query(SEARCH_SQL(request.order, groups.length, request.facets !== false), [
      this.concepts(groups),
      browse,
      [...request.principals],
      filter.types ? filterKeys.types(filter.types) : null,
      filter.territoryIds ? filterKeys.territories(filter.territoryIds) : null,
      filter.tags ? filterKeys.tags(filter.tags) : null,
      filter.communityIds ? filterKeys.communities(filter.communityIds) : null,
      filter.authorId ?? null,
      filter.from ?? null,
      filter.to ?? null,
      request.limit,
      request.offset,
    ]);
    if (row) this.remember(groups, row.rarities);
    return {
      hits: (row?.hits ?? []).map(toHit),
      total: Number(row?.total ?? 0),
      facets: facetsOf(row?.facets ?? []),
      processingTimeMs: Math.round(performance.now() - started),
    };
  }

  async similar(request: SimilarRequest): Promise<SearchHitResult[]> {
    const words = queryWords(`${request.title} ${request.body}`);
    if (words.length === 0) return [];
    const groups = planQuery(words, this.glossary, await this.corrections(words));
    const rows: { hit: SearchRow['hits'][number] }[] = await this.query(SIMILAR_SQL(groups.length), [
      this.concepts(groups),
      [...request.principals],
      request.types,
      request.limit,
    ]);
    return rows.map((row) => toHit(row.hit));
  }

  async health(): Promise<EngineHealth> {
    try {
      await this.prepare();
      return { ok: true };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async rebuild(batches: AsyncIterable<IndexedDocument[]>): Promise<{ documents: number }> {
    let documents = 0;
    try {
      await this.db.query(`DROP TABLE IF EXISTS ${NEXT}`);
      await this.db.query(`CREATE TABLE ${NEXT} (LIKE ${LIVE} INCLUDING ALL)`);
      // The table's storage parameters (how large a row stays whole), which LIKE does not copy.
      const [live]: { options: string[] | null }[] = await this.db.query(`SELECT reloptions AS options FROM pg_class WHERE oid = '${LIVE}'::regclass`);
      if (live?.options?.length) await this.db.query(`ALTER TABLE ${NEXT} SET (${live.options.join(', ')})`);
      // Indexes other than the key are built once the rows are in: a GIN index built in bulk is smaller and
      // quicker to read than one grown row by row, and building it costs less than maintaining it.
      const deferred: { name: string; definition: string }[] = await this.db.query(
        `SELECT quote_ident(i.relname) AS name, pg_get_indexdef(x.indexrelid) AS definition
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = '${NEXT}'::regclass AND NOT x.indisprimary`,
      );
      for (const { name } of deferred) await this.db.query(`DROP INDEX ${name}`);
      for await (const batch of batches) {
        if (batch.length === 0) continue;
        await upsert(this.db.manager, NEXT, batch, { newerOnly: false });
        documents += batch.length;
      }
      for (const { definition } of deferred) await this.db.query(definition);
      // Statistics before it serves: ranking weighs words by their rarity against the table's size, and the planner needs them.
      await this.db.query(`ANALYZE ${NEXT}`);
      // Searches wait only for the renames; the indexer is held off by the caller until this returns.
      await this.db.transaction(async (manager) => {
        await manager.query(`ALTER TABLE ${LIVE} RENAME TO search_document_old`);
        await manager.query(`ALTER TABLE ${NEXT} RENAME TO ${LIVE}`);
        await manager.query(`DROP TABLE search_document_old`);
      });
      this.rarities.clear();
      this.knownWords.clear();
    } catch (error) {
      throw new SearchEngineError(this.name, 'could not rebuild the index', { cause: error });
    }
    return { documents };
  }

  /** The statements' concepts (`$1`): alternatives, weight, and the rarity when it is remembered. */
  private concepts(groups: TermGroup[]): string {
    const now = Date.now();
    return JSON.stringify(
      groups.map(({ alternatives, weight }) => {
        const known = this.rarities.get(JSON.stringify(alternatives));
        return known && known.until > now ? { alternatives, weight, rarity: known.rarity } : { alternatives, weight };
      }),
    );
  }

  private remember(groups: TermGroup[], rarities: Record<string, number>): void {
    const now = Date.now();
    groups.forEach((group, index) => {
      const rarity = rarities[String(index + 1)];
      const key = JSON.stringify(group.alternatives);
      // A rarity the statement was given comes back as it was: it keeps the time it was counted at.
      if (rarity === undefined || (this.rarities.get(key)?.until ?? 0) > now) return;
      this.rarities.delete(key);
      this.rarities.set(key, { rarity, until: now + RARITY_TTL_MS });
      if (this.rarities.size > RARITIES_REMEMBERED) this.rarities.delete(this.rarities.keys().next().value as string);
    });
  }

  /** For each word no document uses (and the glossary does not know), the nearest words that documents do use. */
  private async corrections(words: string[]): Promise<Map<string, string[]>> {
    const now = Date.now();
    const candidates = [
      ...new Set(
        words.filter((word) => word.length >= MIN_CORRECTED_LENGTH && !this.glossary.equivalents(word) && (this.knownWords.get(word) ?? 0) <= now),
      ),
    ];
    if (candidates.length === 0) return new Map();
    const rows: { word: string; nearest: string[] }[] = await this.query(
      `SELECT t.word, array(SELECT w.word FROM search_word w WHERE w.word % t.word ORDER BY w.word <-> t.word, w.word LIMIT ${CORRECTIONS_PER_WORD}) AS nearest
         FROM unnest($1::text[]) AS t(word)
        WHERE NOT EXISTS (SELECT 1 FROM search_word k WHERE k.word = t.word)`,
      [candidates],
    );
    const unknown = new Set(rows.map((row) => row.word));
    for (const word of candidates) {
      if (unknown.has(word)) continue;
      this.knownWords.delete(word);
      this.knownWords.set(word, now + RARITY_TTL_MS);
      if (this.knownWords.size > KNOWN_WORDS_REMEMBERED) this.knownWords.delete(this.knownWords.keys().next().value as string);
    }
    return new Map(rows.filter((row) => row.nearest.length > 0).map((row) => [row.word, row.nearest]));
  }

  private async query<T = any>(sql: string, parameters?: unknown[]): Promise<T[]> {
    try {
      return await this.db.query(sql, parameters);
    } catch (error) {
      throw new SearchEngineError(this.name, 'the search query failed', { cause: error });
    }
  }
}

/** Writes documents into `table`; with `newerOnly`, a stored document keeps its place against an older version. */
async function upsert(runner: EntityManager, table: string, documents: IndexedDocument[], options: { newerOnly: boolean }): Promise<void> {
  const rows = documents.map(toRow);
  await runner.query(
    `INSERT INTO ${table} (key, type, id, version, title, summary, body, language, author_id, community_id, territory_ids, tags, skills, places,
                          created_at, updated_at, access0, access1, access2, access3, scopes)
     SELECT r.key, r.type, r.id, r.version, r.title, r.summary, r.body, r.language, r.author_id, r.community_id, r.territory_ids, r.tags, r.skills, r.places,
            r.created_at, r.updated_at, r.access0, r.access1, r.access2, r.access3, r.scopes
       FROM jsonb_to_recordset($1::jsonb) AS r(key text, type text, id uuid, version bigint, title text, summary text, body text, language text,
            author_id uuid, community_id uuid, territory_ids uuid[], tags text[], skills text[], places text[], created_at timestamptz, updated_at timestamptz,
            access0 text[], access1 text[], access2 text[], access3 text[], scopes text[])
     ON CONFLICT (key) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title, summary = EXCLUDED.summary, body = EXCLUDED.body,
            language = EXCLUDED.language, author_id = EXCLUDED.author_id, community_id = EXCLUDED.community_id,
            territory_ids = EXCLUDED.territory_ids, tags = EXCLUDED.tags, skills = EXCLUDED.skills, places = EXCLUDED.places, created_at = EXCLUDED.created_at,
            updated_at = EXCLUDED.updated_at, access0 = EXCLUDED.access0, access1 = EXCLUDED.access1, access2 = EXCLUDED.access2,
            access3 = EXCLUDED.access3, scopes = EXCLUDED.scopes
      ${options.newerOnly ? `WHERE ${table}.version <= EXCLUDED.version` : ''}`,
    [JSON.stringify(rows)],
  );
  // The words documents use, for correcting the words of queries.
  await runner.query(
    `INSERT INTO search_word (word)
     SELECT DISTINCT w FROM jsonb_array_elements_text($1::jsonb) AS t(text), unnest(tsvector_to_array(to_tsvector('simple', unaccent(t.text)))) AS w
      WHERE length(w) BETWEEN 3 AND 40 AND w ~ '^[[:alpha:]]+$'
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(documents.map((document) => `${document.title} ${document.summary ?? ''} ${document.body}`))],
  );
}

function toRow(document: IndexedDocument) {
  const [access0, access1, access2, access3] = accessSlots('postgres', document.key, document.access);
  return {
    key: document.key,
    type: document.type,
    id: document.id,
    version: document.version,
    title: stripMarkers(document.title),
    summary: document.summary === null ? null : stripMarkers(document.summary),
    body: stripMarkers(document.body),
    language: document.language,
    author_id: document.authorId,
    community_id: document.communityId,
    territory_ids: document.territoryIds,
    tags: document.tags,
    skills: document.skills,
    places: document.places,
    created_at: document.createdAt.toISOString(),
    updated_at: document.updatedAt.toISOString(),
    access0,
    access1,
    access2,
    access3,
    scopes: document.scopes,
  };
}

function toHit(row: SearchRow['hits'][number]): SearchHitResult {
  return { type: row.type, id: row.id, title: markedHtml(row.title), snippet: markedHtml(row.snippet) };
}

function facetsOf(rows: SearchRow['facets']): SearchFacets {
  const of = (facet: string): FacetCount[] =>
    rows
      .filter((row) => row.facet === facet)
      .map((row) => ({ value: row.value, count: Number(row.count) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
      .slice(0, FACET_VALUES);
  return { types: of('type'), territories: of('territory'), tags: of('tag'), skills: of('skill') };
}

function empty(started: number): SearchResponse {
  return { hits: [], total: 0, facets: NO_FACETS, processingTimeMs: Math.round(performance.now() - started) };
}
