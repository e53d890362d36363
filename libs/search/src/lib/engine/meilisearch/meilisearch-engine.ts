import { Meilisearch, type EnqueuedTask, type FacetDistribution, type RecordAny, type SearchParams, type Settings, type Task } from 'meilisearch';
import { foldTerm, GLOSSARY, type Glossary } from '../../../glossary/glossary';
import {
  NO_FACETS,
  type EngineHealth,
  type FacetCount,
  type IndexedDocument,
  type RemovedDocument,
  type SearchEngine,
  type SearchHitResult,
  type SearchRequest,
  type SearchResponse,
  type SimilarRequest,
} from '../search-engine';
import { SearchEngineError } from '../search-engine.error';
import type { MeilisearchClient, MeilisearchIndexClient } from './meilisearch-client';
import { meilisearchUid, toMeilisearchDocument, uidOfKey, type MeilisearchDocument } from './meilisearch-documents';
import { scopeFilter, searchFilter, similarFilter, uidFilter } from './meilisearch-filter';
import { HIGHLIGHT_END, HIGHLIGHT_START, markedHtml } from '../highlight';
import { snippetOf } from './meilisearch-highlight';
import { meilisearchSettings } from './meilisearch-settings';
import { ENGLISH_STOP_WORDS, ITALIAN_STOP_WORDS } from './meilisearch-stop-words';

export interface MeilisearchEngineOptions {
  host: string;
  apiKey?: string;
  /** The live index's uid; `bottega` unless set. */
  index?: string;
  glossary?: Glossary;
  /** The official client or anything with the same methods (tests pass a fake). */
  client?: MeilisearchClient;
  /** How long to wait for one Meilisearch task (settings on a large index take a while). */
  taskTimeoutMs?: number;
  /** How long one HTTP request may take before it fails (so that an indexer never hangs on a silent server). */
  requestTimeoutMs?: number;
}

const PRIMARY_KEY = 'uid';
const FACETS = ['type', 'territoryIds', 'tags', 'skills'];
/** Ids per version lookup, and documents per page when listing dependents. */
const PAGE_SIZE = 500;
/** Words of a draft weighed for a "similar" query, title first. */
const SIMILAR_CANDIDATE_WORDS = 16;
/** Meilisearch reads the first ten words of a query. */
const QUERY_WORDS = 10;
const STOP_WORDS = new Set([...ITALIAN_STOP_WORDS, ...ENGLISH_STOP_WORDS].flatMap((word) => [word, foldTerm(word)]));
const INDEX_UID = /^[A-Za-z0-9_-]{1,400}$/;
const WORD = /[\p{L}\p{N}]/u;

/** Highlighting and cropping asked of every search: matches marked with sentinels, turned into `<mark>` after escaping. */
const FORMATTING: SearchParams = {
  attributesToRetrieve: ['type', 'id'],
  attributesToHighlight: ['title', 'summary', 'body'],
  attributesToCrop: ['summary', 'body'],
  cropLength: 30,
  cropMarker: '…',
  highlightPreTag: HIGHLIGHT_START,
  highlightPostTag: HIGHLIGHT_END,
};

/** The Meilisearch adapter of the search port (`MEILI_HOST`). */
export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  private readonly client: MeilisearchClient;
  private readonly indexUid: string;
  private readonly settings: Settings;
  private readonly taskTimeoutMs: number;

  constructor(private readonly options: MeilisearchEngineOptions) {
    this.indexUid = options.index ?? 'bottega';
    if (!INDEX_UID.test(this.indexUid)) throw new RangeError(`"${this.indexUid}" is not a valid Meilisearch index uid`);
    this.client =
      options.client ??
      new Meilisearch({
        host: options.host,
        ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
        timeout: options.requestTimeoutMs ?? 30_000,
      });
    this.settings = meilisearchSettings(options.glossary ?? GLOSSARY);
    this.taskTimeoutMs = options.taskTimeoutMs ?? 120_000;
  }

  async prepare(): Promise<void> {
    await this.ensureIndex(this.indexUid);
    await this.runTask(`apply the settings of index "${this.indexUid}"`, () => this.index().updateSettings(this.settings));
  }

  async apply(changes: { upserts: IndexedDocument[]; removals: RemovedDocument[] }): Promise<void> {
    // One change per key, the newest; at the same version a removal wins over an upsert.
    const latest = new Map<string, { version: number; document: MeilisearchDocument | null }>();
    const consider = (uid: string, version: number, document: MeilisearchDocument | null) => {
      const current = latest.get(uid);
      if (current === undefined || version > current.version || (version === current.version && document === null)) {
        latest.set(uid, { version, document });
      }
    };
    for (const document of changes.upserts) consider(meilisearchUid(document.type, document.id), document.version, toMeilisearchDocument(document));
    for (const removal of changes.removals) consider(uidOfKey(removal.key), removal.version, null);
    if (latest.size === 0) return;

    const stored = await this.storedVersions([...latest.keys()]);
    const upserts: MeilisearchDocument[] = [];
    const removals: string[] = [];
    for (const [uid, change] of latest) {
      const version = stored.get(uid);
      // An older version never overwrites a newer one (retries and out-of-order batches).
      if (version !== undefined && change.version < version) continue;
      if (change.document === null) removals.push(uid);
      else upserts.push(change.document);
    }
    if (upserts.length > 0) {
      await this.runTask(`index ${upserts.length} documents`, () => this.index().addDocuments(upserts, { primaryKey: PRIMARY_KEY }));
    }
    if (removals.length > 0) {
      await this.runTask(`remove ${removals.length} documents`, () => this.index().deleteDocuments(removals));
    }
  }

  async dependents(scope: string): Promise<string[]> {
    const keys: string[] = [];
    for (let offset = 0; ; ) {
      const page = await this.call(`list the documents of scope ${scope}`, () =>
        this.index().getDocuments({ filter: scopeFilter(scope), fields: ['type', 'id'], limit: PAGE_SIZE, offset }),
      );
      for (const document of page.results) keys.push(`${stringField(document, 'type')}:${stringField(document, 'id')}`);
      offset += page.results.length;
      if (page.results.length < PAGE_SIZE || offset >= page.total) return keys;
    }
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    const { offset, limit } = request;
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
    // Meilisearch counts exactly only with page/hitsPerPage, so an offset must fall on a page boundary.
    if (!Number.isInteger(offset) || offset < 0 || offset % limit !== 0) {
      throw new RangeError(`offset must be a multiple of limit (${limit}), got ${offset}`);
    }
    const params: SearchParams = {
      ...FORMATTING,
      filter: searchFilter(request.filter, request.principals),
      ...(request.facets === false ? {} : { facets: FACETS }),
      page: offset / limit + 1,
      hitsPerPage: limit,
      ...(request.order === 'NEWEST' ? { sort: ['createdAt:desc'] } : {}),
    };
    const text = request.query.text.trim();
    // Meilisearch reads a query without a single word (only punctuation) as "everything"; it asks for nothing.
    if (text !== '' && !WORD.test(text)) return { hits: [], total: 0, facets: NO_FACETS, processingTimeMs: 0 };
    const answer = await this.call('search', () => this.index().search(text, params));
    if (typeof answer.totalHits !== 'number') {
      throw new SearchEngineError('meilisearch', 'search: the answer has no totalHits', { code: 'unexpected_response' });
    }
    return {
      hits: answer.hits.map(hitOf),
      total: answer.totalHits,
      facets:
        request.facets === false
          ? NO_FACETS
          : {
              types: facetCounts(answer.facetDistribution, 'type'),
              territories: facetCounts(answer.facetDistribution, 'territoryIds'),
              tags: facetCounts(answer.facetDistribution, 'tags'),
              skills: facetCounts(answer.facetDistribution, 'skills'),
            },
      processingTimeMs: answer.processingTimeMs,
    };
  }

  /**
   * A draft's words that occur in what the reader may see, rarest first, as
   * one query that Meilisearch relaxes from the end ("last"): documents
   * sharing the most distinctive words come first. Words found nowhere are
   * left out, since under "last" a query whose first word matches nothing
   * finds nothing.
   */
  async similar(request: SimilarRequest): Promise<SearchHitResult[]> {
    if (request.limit < 1) return [];
    const candidates = draftWords(`${request.title} ${request.body}`).slice(0, SIMILAR_CANDIDATE_WORDS);
    if (candidates.length === 0) return [];
    const filter = similarFilter(request.types, request.principals);
    const counts = await this.call('weigh the words of a draft', () =>
      this.client.multiSearch({
        queries: candidates.map((word) => ({ indexUid: this.indexUid, q: word, filter, limit: 0, matchingStrategy: 'all' as const })),
      }),
    );
    const present = candidates
      .map((word, index) => ({ word, hits: counts.results[index]?.estimatedTotalHits ?? counts.results[index]?.totalHits ?? 0 }))
      .filter((candidate) => candidate.hits > 0)
      .sort((a, b) => a.hits - b.hits)
      .slice(0, QUERY_WORDS);
    if (present.length === 0) return [];
    const answer = await this.call('find similar documents', () =>
      this.index().search(present.map((candidate) => candidate.word).join(' '), {
        ...FORMATTING,
        filter,
        limit: request.limit,
        matchingStrategy: 'last',
      }),
    );
    return answer.hits.map(hitOf);
  }

  async health(): Promise<EngineHealth> {
    try {
      await this.client.health();
    } catch (error) {
      return { ok: false, detail: `Meilisearch at ${this.options.host} is unreachable: ${messageOf(error)}` };
    }
    try {
      await this.client.getRawIndex(this.indexUid);
      return { ok: true };
    } catch (error) {
      if (errorCode(error) === 'index_not_found') return { ok: false, detail: `index "${this.indexUid}" does not exist` };
      return { ok: false, detail: `index "${this.indexUid}": ${messageOf(error)}` };
    }
  }

  async rebuild(batches: AsyncIterable<IndexedDocument[]>): Promise<{ documents: number }> {
    // The live index keeps serving searches while the new one fills up aside.
    await this.ensureIndex(this.indexUid);
    const aside = `${this.indexUid}_${Date.now()}`;
    let documents = 0;
    try {
      await this.runTask(`create index "${aside}"`, () => this.client.createIndex(aside, { primaryKey: PRIMARY_KEY }));
      await this.runTask(`apply the settings of index "${aside}"`, () => this.client.index(aside).updateSettings(this.settings));
      for await (const batch of batches) {
        if (batch.length === 0) continue;
        const converted = batch.map(toMeilisearchDocument);
        await this.runTask(`index ${converted.length} documents into "${aside}"`, () =>
          this.client.index(aside).addDocuments(converted, { primaryKey: PRIMARY_KEY }),
        );
        documents += converted.length;
      }
      await this.runTask(`swap "${aside}" in for "${this.indexUid}"`, () =>
        this.client.swapIndexes([{ indexes: [this.indexUid, aside], rename: false }]),
      );
    } catch (error) {
      await this.dropQuietly(aside);
      throw error;
    }
    // After the swap, `aside` holds the replaced documents.
    await this.runTask(`delete the replaced index "${aside}"`, () => this.client.deleteIndex(aside));
    return { documents };
  }

  private index(): MeilisearchIndexClient {
    return this.client.index(this.indexUid);
  }

  private async ensureIndex(uid: string): Promise<void> {
    let primaryKey: string | undefined;
    try {
      primaryKey = (await this.client.getRawIndex(uid)).primaryKey ?? undefined;
    } catch (error) {
      if (errorCode(error) !== 'index_not_found') throw engineError(`read index "${uid}"`, error);
      // Another process may create it at the same moment: that is as good.
      await this.runTask(`create index "${uid}"`, () => this.client.createIndex(uid, { primaryKey: PRIMARY_KEY }), ['index_already_exists']);
      return;
    }
    if (primaryKey !== undefined && primaryKey !== PRIMARY_KEY) {
      throw new SearchEngineError('meilisearch', `index "${uid}" has primary key "${primaryKey}", not "${PRIMARY_KEY}"`, { code: 'primary_key_mismatch' });
    }
  }

  /** Ids → stored versions of those present. */
  private async storedVersions(uids: string[]): Promise<Map<string, number>> {
    const versions = new Map<string, number>();
    for (let start = 0; start < uids.length; start += PAGE_SIZE) {
      const chunk = uids.slice(start, start + PAGE_SIZE);
      const page = await this.call('read stored versions', () =>
        this.index().getDocuments({ filter: uidFilter(chunk), fields: ['uid', 'version'], limit: chunk.length }),
      );
      for (const document of page.results) {
        const version: unknown = document['version'];
        if (typeof version === 'number') versions.set(stringField(document, 'uid'), version);
      }
    }
    return versions;
  }

  /** Enqueues a task and waits for it; a failed or canceled task throws {@link SearchEngineError} with Meilisearch's code. */
  private async runTask(action: string, enqueue: () => Promise<EnqueuedTask>, tolerated: string[] = []): Promise<Task> {
    const task = await this.call(action, async () => {
      const enqueued = await enqueue();
      return this.client.tasks.waitForTask(enqueued.taskUid, { timeout: this.taskTimeoutMs });
    });
    if (task.status === 'succeeded') return task;
    const code = task.error?.code;
    if (code !== undefined && tolerated.includes(code)) return task;
    const reason = task.error === null ? task.status : `${task.status}: ${task.error.message}`;
    throw new SearchEngineError('meilisearch', `${action}: task ${task.uid} ${reason}`, {
      code: code ?? `task_${task.status}`,
      cause: task.error ?? undefined,
    });
  }

  private async call<T>(action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw engineError(action, error);
    }
  }

  private async dropQuietly(uid: string): Promise<void> {
    try {
      await this.client.deleteIndex(uid);
    } catch {
      // The rebuild's own error is the one to report; a left-over index is harmless and named by its time.
    }
  }
}

function hitOf(hit: RecordAny): SearchHitResult {
  const formatted: Record<string, unknown> = typeof hit['_formatted'] === 'object' && hit['_formatted'] !== null ? hit['_formatted'] : {};
  const title = formatted['title'];
  return {
    type: stringField(hit, 'type'),
    id: stringField(hit, 'id'),
    title: markedHtml(typeof title === 'string' ? title : ''),
    snippet: snippetOf(formatted),
  };
}

/** The distinct words of a text that can make a match, in order: lower case, no stop words, no single letters. */
export function draftWords(text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word));
  return [...new Set(words)];
}

function facetCounts(distribution: FacetDistribution | undefined, field: string): FacetCount[] {
  return Object.entries(distribution?.[field] ?? {})
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

function stringField(document: RecordAny, field: string): string {
  const value: unknown = document[field];
  if (typeof value !== 'string') {
    throw new SearchEngineError('meilisearch', `a stored document has no string "${field}"`, { code: 'unexpected_response' });
  }
  return value;
}

/** Meilisearch's error code: from an API error's body (`cause`), or the client's error class. */
function errorCode(error: unknown): string | undefined {
  if (error instanceof SearchEngineError) return error.code;
  if (!(error instanceof Error)) return undefined;
  const cause: unknown = error.cause;
  if (typeof cause === 'object' && cause !== null && typeof (cause as { code?: unknown }).code === 'string') {
    return (cause as { code: string }).code;
  }
  switch (error.name) {
    case 'MeilisearchRequestError':
      return 'request_failed';
    case 'MeilisearchRequestTimeOutError':
      return 'request_timeout';
    case 'MeilisearchTaskTimeOutError':
      return 'task_timeout';
    default:
      return undefined;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function engineError(action: string, error: unknown): SearchEngineError {
  if (error instanceof SearchEngineError) return error;
  const code = errorCode(error);
  return new SearchEngineError('meilisearch', `${action}: ${messageOf(error)}`, { ...(code === undefined ? {} : { code }), cause: error });
}
