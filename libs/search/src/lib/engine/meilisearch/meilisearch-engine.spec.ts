import { randomUUID } from 'node:crypto';
import {
  MeilisearchApiError,
  MeilisearchRequestError,
  type DocumentOptions,
  type DocumentsQuery,
  type EnqueuedTask,
  type Health,
  type IndexObject,
  type IndexOptions,
  type IndexSwap,
  type MultiSearchParams,
  type RecordAny,
  type ResourceResults,
  type SearchParams,
  type Settings,
  type Task,
  type TaskType,
} from 'meilisearch';
import { parseGlossary } from '../../../glossary/glossary';
import type { IndexedDocument, SearchRequest } from '../search-engine';
import { SearchEngineError } from '../search-engine.error';
import type { MeilisearchClient, MeilisearchIndexClient, MeilisearchSearchAnswer } from './meilisearch-client';
import { toMeilisearchDocument } from './meilisearch-documents';
import { MeilisearchEngine, draftWords } from './meilisearch-engine';
import { accessFilter } from './meilisearch-filter';
import { meilisearchSettings } from './meilisearch-settings';

interface Call {
  method: string;
  index?: string;
  args: unknown[];
}

interface FakeIndexState {
  primaryKey: string | undefined;
  documents: Map<string, RecordAny>;
  settings: Settings | null;
}

function apiError(status: number, code: string, message: string): MeilisearchApiError {
  return new MeilisearchApiError(new Response(null, { status }), { message, code, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${code}` });
}

/** Reads the two filter shapes the engine sends to documents/fetch: `field IN [..]` and `field = ".."`. */
function matcher(filter: unknown): (document: RecordAny) => boolean {
  if (typeof filter !== 'string') throw new Error('the fake reads string filters');
  const literal = (text: string) => [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]!.replace(/\\(.)/g, '$1'));
  const anyOf = /^(\w+) IN \[(.*)\]$/s.exec(filter);
  const equals = /^(\w+) = (".*")$/s.exec(filter);
  const [field, values] = anyOf ? [anyOf[1]!, literal(anyOf[2]!)] : equals ? [equals[1]!, literal(equals[2]!)] : [null, []];
  if (field === null) throw new Error(`the fake cannot read ${filter}`);
  return (document) => {
    const value: unknown = document[field];
    return Array.isArray(value) ? value.some((item) => values.includes(item)) : values.includes(value as string);
  };
}

/** An in-memory Meilisearch: tasks run at once, and a method can be told to fail its task or throw. */
class FakeMeilisearch implements MeilisearchClient {
  readonly calls: Call[] = [];
  readonly indexes = new Map<string, FakeIndexState>();
  /** Method name → the task error it fails with. */
  readonly failingTasks = new Map<string, { code: string; message: string }>();
  /** Method name → what it throws instead of answering. */
  readonly throwing = new Map<string, Error>();
  readonly searchAnswers: MeilisearchSearchAnswer[] = [];
  reachable = true;
  private readonly taskResults = new Map<number, Task>();
  private nextTask = 1;

  readonly tasks = {
    waitForTask: async (taskUid: number): Promise<Task> => {
      this.calls.push({ method: 'waitForTask', args: [taskUid] });
      const task = this.taskResults.get(taskUid);
      if (task === undefined) throw new Error(`no task ${taskUid}`);
      return task;
    },
  };

  index(uid: string): MeilisearchIndexClient {
    const record = async (method: string, args: unknown[]) => {
      this.calls.push({ method, index: uid, args });
      const error = this.throwing.get(method);
      if (error !== undefined) throw error;
    };
    return {
      search: async (query: string | null, options: SearchParams) => {
        await record('search', [query, options]);
        return this.searchAnswers.shift() ?? { hits: [], processingTimeMs: 1, totalHits: 0 };
      },
      getDocuments: async (params: DocumentsQuery): Promise<ResourceResults<RecordAny[]>> => {
        await record('getDocuments', [params]);
        const state = this.state(uid);
        const matches = [...state.documents.values()].filter(matcher(params.filter));
        const offset = params.offset ?? 0;
        const limit = params.limit ?? 20;
        const fields = Array.isArray(params.fields) ? params.fields : null;
        const page = matches
          .slice(offset, offset + limit)
          .map((document) => (fields === null ? document : Object.fromEntries(fields.map((field) => [field, document[field]]))));
        return { results: page, total: matches.length, offset, limit };
      },
      addDocuments: async (documents: RecordAny[], options?: DocumentOptions) => {
        await record('addDocuments', [documents, options]);
        return this.enqueue('addDocuments', 'documentAdditionOrUpdate', uid, () => {
          const state = this.state(uid);
          for (const document of documents) state.documents.set(document['uid'] as string, document);
        });
      },
      deleteDocuments: async (ids: string[]) => {
        await record('deleteDocuments', [ids]);
        return this.enqueue('deleteDocuments', 'documentDeletion', uid, () => {
          for (const id of ids) this.state(uid).documents.delete(id);
        });
      },
      updateSettings: async (settings: Settings) => {
        await record('updateSettings', [settings]);
        return this.enqueue('updateSettings', 'settingsUpdate', uid, () => {
          // Like Meilisearch, a settings update creates a missing index.
          const state = this.indexes.get(uid) ?? { primaryKey: undefined, documents: new Map(), settings: null };
          state.settings = settings;
          this.indexes.set(uid, state);
        });
      },
    };
  }

  async getRawIndex(uid: string): Promise<IndexObject> {
    this.calls.push({ method: 'getRawIndex', args: [uid] });
    if (!this.reachable) throw new MeilisearchRequestError(`http://meili/indexes/${uid}`, new TypeError('fetch failed'));
    const state = this.indexes.get(uid);
    if (state === undefined) throw apiError(404, 'index_not_found', `Index \`${uid}\` not found.`);
    return { uid, ...(state.primaryKey === undefined ? {} : { primaryKey: state.primaryKey }), createdAt: '', updatedAt: '' };
  }

  async createIndex(uid: string, options?: IndexOptions): Promise<EnqueuedTask> {
    this.calls.push({ method: 'createIndex', args: [uid, options] });
    return this.enqueue('createIndex', 'indexCreation', uid, () => {
      if (this.indexes.has(uid)) throw { code: 'index_already_exists', message: `Index \`${uid}\` already exists.` };
      this.indexes.set(uid, { primaryKey: options?.primaryKey, documents: new Map(), settings: null });
    });
  }

  async deleteIndex(uid: string): Promise<EnqueuedTask> {
    this.calls.push({ method: 'deleteIndex', args: [uid] });
    return this.enqueue('deleteIndex', 'indexDeletion', uid, () => {
      if (!this.indexes.delete(uid)) throw { code: 'index_not_found', message: `Index \`${uid}\` not found.` };
    });
  }

  async swapIndexes(swaps: IndexSwap[]): Promise<EnqueuedTask> {
    this.calls.push({ method: 'swapIndexes', args: [swaps] });
    return this.enqueue('swapIndexes', 'indexSwap', null, () => {
      for (const { indexes } of swaps) {
        const [a, b] = indexes.map((uid) => this.indexes.get(uid));
        if (a === undefined || b === undefined) throw { code: 'index_not_found', message: 'Indexes not found.' };
        this.indexes.set(indexes[0], b);
        this.indexes.set(indexes[1], a);
      }
    });
  }

  /** Counts the documents whose text holds the word, as the engine's word weighing needs. */
  async multiSearch(request: MultiSearchParams): Promise<{ results: MeilisearchSearchAnswer[] }> {
    this.calls.push({ method: 'multiSearch', args: [request] });
    return {
      results: request.queries.map((query) => {
        const state = this.state(query.indexUid);
        const word = (query.q ?? '').toLowerCase();
        const count = [...state.documents.values()].filter((document) =>
          [document['title'], document['summary'], document['body']].some((text) => typeof text === 'string' && text.toLowerCase().includes(word)),
        ).length;
        return { hits: [], processingTimeMs: 0, estimatedTotalHits: count };
      }),
    };
  }

  async health(): Promise<Health> {
    this.calls.push({ method: 'health', args: [] });
    if (!this.reachable) throw new MeilisearchRequestError('http://meili/health', new TypeError('fetch failed'));
    return { status: 'available' };
  }

  methods(): string[] {
    return this.calls.map((call) => call.method);
  }

  callsOf(method: string): Call[] {
    return this.calls.filter((call) => call.method === method);
  }

  state(uid: string): FakeIndexState {
    const state = this.indexes.get(uid);
    if (state === undefined) throw apiError(404, 'index_not_found', `Index \`${uid}\` not found.`);
    return state;
  }

  private enqueue(method: string, type: TaskType, indexUid: string | null, work: () => void): EnqueuedTask {
    const taskUid = this.nextTask++;
    let error = this.failingTasks.get(method) ?? null;
    if (error === null) {
      try {
        work();
      } catch (thrown) {
        error = thrown as { code: string; message: string };
      }
    }
    this.taskResults.set(taskUid, {
      uid: taskUid,
      indexUid,
      status: error === null ? 'succeeded' : 'failed',
      type,
      enqueuedAt: '',
      batchUid: null,
      canceledBy: null,
      error: error === null ? null : { ...error, type: 'invalid_request', link: '' },
      duration: null,
      startedAt: null,
      finishedAt: null,
    });
    return { taskUid, indexUid, status: 'enqueued', type, enqueuedAt: '' };
  }
}

const glossary = parseGlossary({ groups: [{ terms: ['anziani', 'terza età'], note: 'older people' }], oneWay: [] });

function setup(options: { index?: string } = {}) {
  const client = new FakeMeilisearch();
  const engine = new MeilisearchEngine({ host: 'http://meili', client, glossary, ...options });
  return { client, engine };
}

function doc(fields: Partial<IndexedDocument> = {}): IndexedDocument {
  const type = fields.type ?? 'Practice';
  const id = fields.id ?? randomUUID();
  return {
    key: `${type}:${id}`,
    type,
    id,
    version: 1,
    title: 'Titolo',
    summary: null,
    body: '',
    language: 'it',
    authorId: null,
    communityId: null,
    territoryIds: [],
    places: [],
    tags: [],
    skills: [],
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    access: [],
    scopes: [],
    ...fields,
  };
}

function request(overrides: Partial<SearchRequest> = {}): SearchRequest {
  return { query: { text: 'anziani' }, filter: {}, principals: ['everyone'], order: 'RELEVANCE', offset: 0, limit: 10, ...overrides };
}

async function failure(promise: Promise<unknown>): Promise<SearchEngineError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof SearchEngineError)) throw new Error(`expected a SearchEngineError, got ${String(error)}`);
  return error;
}

describe('MeilisearchEngine.prepare', () => {
  it('creates the missing index with primary key uid, applies the settings, and waits for each task', async () => {
    const { client, engine } = setup();
    await engine.prepare();
    expect(client.methods()).toEqual(['getRawIndex', 'createIndex', 'waitForTask', 'updateSettings', 'waitForTask']);
    expect(client.callsOf('createIndex')[0]?.args).toEqual(['bottega', { primaryKey: 'uid' }]);
    expect(client.state('bottega').settings).toEqual(meilisearchSettings(glossary));
  });

  it('is idempotent: a second start only applies the settings again', async () => {
    const { client, engine } = setup({ index: 'search_test' });
    await engine.prepare();
    client.calls.length = 0;
    await engine.prepare();
    expect(client.methods()).toEqual(['getRawIndex', 'updateSettings', 'waitForTask']);
    expect(client.indexes.has('search_test')).toBe(true);
  });

  it('accepts an index another process created at the same moment', async () => {
    const { client, engine } = setup();
    client.failingTasks.set('createIndex', { code: 'index_already_exists', message: 'Index `bottega` already exists.' });
    await expect(engine.prepare()).resolves.toBeUndefined();
  });

  it('surfaces a failed settings task as a SearchEngineError with Meilisearch’s code and message', async () => {
    const { client, engine } = setup();
    client.failingTasks.set('updateSettings', { code: 'invalid_settings_ranking_rules', message: '`createdAt:desc` ranking rule is invalid.' });
    const error = await failure(engine.prepare());
    expect(error.engine).toBe('meilisearch');
    expect(error.code).toBe('invalid_settings_ranking_rules');
    expect(error.message).toContain('`createdAt:desc` ranking rule is invalid.');
    expect(error.message).toMatch(/task \d+ failed/);
    expect(error.cause).toMatchObject({ code: 'invalid_settings_ranking_rules' });
  });

  it('refuses an index keyed by another field', async () => {
    const { client, engine } = setup();
    client.indexes.set('bottega', { primaryKey: 'id', documents: new Map(), settings: null });
    expect((await failure(engine.prepare())).code).toBe('primary_key_mismatch');
  });

  it('reports an unreachable server as a SearchEngineError', async () => {
    const { client, engine } = setup();
    client.reachable = false;
    const error = await failure(engine.prepare());
    expect(error.code).toBe('request_failed');
    expect(error.cause).toBeInstanceOf(MeilisearchRequestError);
  });

  it('refuses an index name Meilisearch would reject', () => {
    expect(() => new MeilisearchEngine({ host: 'http://meili', client: new FakeMeilisearch(), index: 'bad name' })).toThrow(RangeError);
  });
});

describe('MeilisearchEngine.apply', () => {
  async function prepared() {
    const context = setup();
    await context.engine.prepare();
    context.client.calls.length = 0;
    return context;
  }
  const stored = (client: FakeMeilisearch, document: IndexedDocument) => client.state('bottega').documents.get(`${document.type}-${document.id}`);

  it('reads the stored versions of the keys involved, then writes and waits', async () => {
    const { client, engine } = await prepared();
    const a = doc({ title: 'A' });
    await engine.apply({ upserts: [a], removals: [{ key: 'Thread:gone', version: 1 }] });
    expect(client.methods()).toEqual(['getDocuments', 'addDocuments', 'waitForTask', 'deleteDocuments', 'waitForTask']);
    expect(client.callsOf('getDocuments')[0]?.args[0]).toEqual({
      filter: `uid IN ["Practice-${a.id}", "Thread-gone"]`,
      fields: ['uid', 'version'],
      limit: 2,
    });
    expect(client.callsOf('addDocuments')[0]?.args).toEqual([[toMeilisearchDocument(a)], { primaryKey: 'uid' }]);
    expect(client.callsOf('deleteDocuments')[0]?.args).toEqual([['Thread-gone']]);
  });

  it('never lets an older version overwrite or remove a newer one', async () => {
    const { client, engine } = await prepared();
    const item = doc({ version: 5, title: 'Versione cinque' });
    await engine.apply({ upserts: [item], removals: [] });
    const other = doc({ title: 'Altro' });

    client.calls.length = 0;
    await engine.apply({ upserts: [{ ...item, version: 4, title: 'Versione quattro' }, other], removals: [] });
    expect(stored(client, item)?.['title']).toBe('Versione cinque');
    expect(stored(client, other)?.['title']).toBe('Altro');
    expect(client.callsOf('addDocuments')[0]?.args[0]).toEqual([toMeilisearchDocument(other)]);

    client.calls.length = 0;
    await engine.apply({ upserts: [], removals: [{ key: item.key, version: 3 }] });
    expect(client.methods()).toEqual(['getDocuments']);
    expect(stored(client, item)).toBeDefined();

    await engine.apply({ upserts: [{ ...item, version: 5, title: 'Versione cinque, di nuovo' }], removals: [] });
    expect(stored(client, item)?.['title']).toBe('Versione cinque, di nuovo');

    await engine.apply({ upserts: [], removals: [{ key: item.key, version: 6 }] });
    expect(stored(client, item)).toBeUndefined();
  });

  it('keeps only the newest change of a key within one batch; at the same version the removal wins', async () => {
    const { client, engine } = await prepared();
    const item = doc({ version: 1, title: 'Uno' });
    await engine.apply({ upserts: [{ ...item, version: 3, title: 'Tre' }, item, { ...item, version: 2, title: 'Due' }], removals: [{ key: item.key, version: 2 }] });
    expect(client.callsOf('addDocuments')[0]?.args[0]).toEqual([toMeilisearchDocument({ ...item, version: 3, title: 'Tre' })]);
    expect(client.callsOf('deleteDocuments')).toEqual([]);

    const other = doc();
    await engine.apply({ upserts: [other], removals: [{ key: other.key, version: 1 }] });
    expect(stored(client, other)).toBeUndefined();
  });

  it('reads versions in pages of ids', async () => {
    const { client, engine } = await prepared();
    const many = Array.from({ length: 1_100 }, () => doc());
    await engine.apply({ upserts: many, removals: [] });
    expect(client.callsOf('getDocuments').map((call) => (call.args[0] as DocumentsQuery).limit)).toEqual([500, 500, 100]);
    expect(client.state('bottega').documents.size).toBe(1_100);
  });

  it('writes nothing when a document cannot be stored', async () => {
    const { client, engine } = await prepared();
    const tooRestricted = doc({ access: [['a'], ['b'], ['c'], ['d'], ['e']] });
    const error = await failure(engine.apply({ upserts: [doc(), tooRestricted], removals: [] }));
    expect(error.code).toBe('too_many_access_clauses');
    expect(client.calls).toEqual([]);
  });

  it('surfaces a failed indexing task with its code', async () => {
    const { client, engine } = await prepared();
    client.failingTasks.set('addDocuments', { code: 'invalid_document_fields', message: 'The document is invalid.' });
    const error = await failure(engine.apply({ upserts: [doc()], removals: [] }));
    expect(error.code).toBe('invalid_document_fields');
    expect(error.message).toContain('The document is invalid.');
  });

  it('surfaces a rejected request with the API error code and keeps the original as cause', async () => {
    const { client, engine } = await prepared();
    const rejected = apiError(400, 'invalid_document_filter', 'Attribute `uid` is not filterable.');
    client.throwing.set('getDocuments', rejected);
    const error = await failure(engine.apply({ upserts: [doc()], removals: [] }));
    expect(error.code).toBe('invalid_document_filter');
    expect(error.message).toContain('Attribute `uid` is not filterable.');
    expect(error.cause).toBe(rejected);
    expect(client.methods()).not.toContain('addDocuments');
  });

  it('does nothing for an empty batch', async () => {
    const { client, engine } = await prepared();
    await engine.apply({ upserts: [], removals: [] });
    expect(client.calls).toEqual([]);
  });
});

describe('MeilisearchEngine.search', () => {
  const S = '\u0001';
  const E = '\u0002';

  it('asks for an exact count by page, the reader’s filter, facets and marked, cropped text', async () => {
    const { client, engine } = setup();
    await engine.search(request({ filter: { tags: ['" OR type = "x'] }, principals: ['everyone', 'user:1'], offset: 20, limit: 10 }));
    const [query, params] = client.callsOf('search')[0]!.args as [string, SearchParams];
    expect(query).toBe('anziani');
    expect(params).toMatchObject({
      page: 3,
      hitsPerPage: 10,
      facets: ['type', 'territoryIds', 'tags', 'skills'],
      filter: `${accessFilter(['everyone', 'user:1'])} AND tags IN ["\\" OR type = \\"x"]`,
      attributesToHighlight: ['title', 'summary', 'body'],
      attributesToCrop: ['summary', 'body'],
      cropLength: 30,
      highlightPreTag: S,
      highlightPostTag: E,
    });
    expect(params.sort).toBeUndefined();
    expect(params.offset).toBeUndefined();
    expect(params.limit).toBeUndefined();
  });

  it('asks for no facets when they will not be read, and answers none', async () => {
    const { client, engine } = setup();
    client.searchAnswers.push({ hits: [], processingTimeMs: 1, totalHits: 0, facetDistribution: { type: { Practice: 1 } } });
    const response = await engine.search(request({ facets: false }));
    const [, params] = client.callsOf('search')[0]!.args as [string, SearchParams];
    expect(params.facets).toBeUndefined();
    expect(response.facets).toEqual({ types: [], territories: [], tags: [], skills: [] });
  });

  it('sorts by creation date for NEWEST and browses with an empty query', async () => {
    const { client, engine } = setup();
    await engine.search(request({ query: { text: '   ' }, order: 'NEWEST' }));
    const [query, params] = client.callsOf('search')[0]!.args as [string, SearchParams];
    expect(query).toBe('');
    expect(params.sort).toEqual(['createdAt:desc']);
  });

  it('maps hits, escaped and marked, with facets by count then value and the engine’s time', async () => {
    const { client, engine } = setup();
    client.searchAnswers.push({
      hits: [
        {
          type: 'Practice',
          id: 'p1',
          _formatted: { type: 'Practice', id: 'p1', title: `${S}Anziani${E} & <script>`, summary: 'Sintesi', body: `…i ${S}nonni${E} <b>soli</b>…` },
        },
        { type: 'Thread', id: 't1', _formatted: { type: 'Thread', id: 't1', title: 'Domande', summary: `${S}anziani${E} e vicini`, body: 'Nessun riscontro' } },
        { type: 'Post', id: 'o1', _formatted: { type: 'Post', id: 'o1', title: 'Risposta', summary: null, body: 'Testo <i>libero</i>' } },
      ],
      processingTimeMs: 7,
      totalHits: 42,
      facetDistribution: { type: { Thread: 2, Practice: 5, Post: 2 }, territoryIds: { lecco: 1 }, tags: {}, skills: { fundraising: 3, cura: 3 } },
    });
    const response = await engine.search(request());
    expect(response).toEqual({
      hits: [
        { type: 'Practice', id: 'p1', title: '<mark>Anziani</mark> &amp; &lt;script&gt;', snippet: '…i <mark>nonni</mark> &lt;b&gt;soli&lt;/b&gt;…' },
        { type: 'Thread', id: 't1', title: 'Domande', snippet: '<mark>anziani</mark> e vicini' },
        { type: 'Post', id: 'o1', title: 'Risposta', snippet: 'Testo &lt;i&gt;libero&lt;/i&gt;' },
      ],
      total: 42,
      facets: {
        types: [
          { value: 'Practice', count: 5 },
          { value: 'Post', count: 2 },
          { value: 'Thread', count: 2 },
        ],
        territories: [{ value: 'lecco', count: 1 }],
        tags: [],
        skills: [
          { value: 'cura', count: 3 },
          { value: 'fundraising', count: 3 },
        ],
      },
      processingTimeMs: 7,
    });
  });

  it('refuses an offset off a page boundary before asking Meilisearch', async () => {
    const { client, engine } = setup();
    await expect(engine.search(request({ offset: 5, limit: 10 }))).rejects.toThrow(RangeError);
    await expect(engine.search(request({ limit: 0 }))).rejects.toThrow(RangeError);
    expect(client.calls).toEqual([]);
  });

  it('finds nothing for a query without a word, instead of everything', async () => {
    const { client, engine } = setup();
    const response = await engine.search(request({ query: { text: '!!! ??? ...' } }));
    expect(response.total).toBe(0);
    expect(response.hits).toEqual([]);
    expect(client.calls).toEqual([]);
  });

  it('turns a rejected search into a SearchEngineError', async () => {
    const { client, engine } = setup();
    client.throwing.set('search', apiError(400, 'invalid_search_filter', 'Attribute `access0` is not filterable.'));
    expect((await failure(engine.search(request()))).code).toBe('invalid_search_filter');
  });

  it('fails loudly on an answer without an exact count', async () => {
    const { client, engine } = setup();
    client.searchAnswers.push({ hits: [], processingTimeMs: 1, estimatedTotalHits: 3 });
    expect((await failure(engine.search(request()))).code).toBe('unexpected_response');
  });
});

describe('MeilisearchEngine.similar', () => {
  it('queries the words found in what the reader may see, rarest first, relaxed from the end', async () => {
    const { client, engine } = setup();
    await engine.prepare();
    const documents = [
      doc({ title: 'Anziani soli: visite a domicilio', body: 'Volontari per gli anziani' }),
      doc({ title: 'Anziani e tecnologia' }),
      doc({ title: 'Domicilio e anziani' }),
    ];
    await engine.apply({ upserts: documents, removals: [] });
    client.calls.length = 0;

    await engine.similar({ title: 'Come raggiungere gli anziani soli?', body: 'Visite a domicilio', types: ['Practice', 'Thread'], principals: ['everyone'], limit: 3 });

    const filter = `${accessFilter(['everyone'])} AND type IN ["Practice", "Thread"]`;
    const [weighing] = client.callsOf('multiSearch')[0]!.args as [MultiSearchParams];
    expect(weighing.queries.map((query) => query.q)).toEqual(['raggiungere', 'anziani', 'soli', 'visite', 'domicilio']);
    expect(weighing.queries.every((query) => query.filter === filter && query.limit === 0 && query.indexUid === 'bottega')).toBe(true);
    const [query, params] = client.callsOf('search')[0]!.args as [string, SearchParams];
    expect(query).toBe('soli visite domicilio anziani');
    expect(params).toMatchObject({ filter, limit: 3, matchingStrategy: 'last', highlightPreTag: '\u0001' });
  });

  it('suggests nothing when no word of the draft occurs anywhere', async () => {
    const { client, engine } = setup();
    await engine.prepare();
    client.calls.length = 0;
    expect(await engine.similar({ title: 'Qualcosa di nuovo', body: '', types: [], principals: ['everyone'], limit: 5 })).toEqual([]);
    expect(client.methods()).toEqual(['multiSearch']);
    expect(await engine.similar({ title: '?!', body: 'e il', types: [], principals: ['everyone'], limit: 5 })).toEqual([]);
    expect(client.methods()).toEqual(['multiSearch']);
  });

  it('splits a draft into distinct words without stop words', () => {
    expect(draftWords("L'anziano e l’assistente: l'anziano, 2 volte a casa della famiglia")).toEqual(['anziano', 'assistente', 'volte', 'casa', 'famiglia']);
  });
});

describe('MeilisearchEngine.dependents', () => {
  it('pages through every document naming the scope', async () => {
    const { client, engine } = setup();
    await engine.prepare();
    const scoped = Array.from({ length: 1_050 }, () => doc({ type: 'Post', scopes: ['Thread:t1', 'Community:c1'] }));
    const unrelated = doc({ scopes: ['Thread:t2'] });
    await engine.apply({ upserts: [...scoped, unrelated], removals: [] });
    client.calls.length = 0;

    const keys = await engine.dependents('Thread:t1');
    expect(keys.sort()).toEqual(scoped.map((document) => document.key).sort());
    expect(client.callsOf('getDocuments').map((call) => call.args[0])).toEqual([
      { filter: 'scopes = "Thread:t1"', fields: ['type', 'id'], limit: 500, offset: 0 },
      { filter: 'scopes = "Thread:t1"', fields: ['type', 'id'], limit: 500, offset: 500 },
      { filter: 'scopes = "Thread:t1"', fields: ['type', 'id'], limit: 500, offset: 1000 },
    ]);
    expect(await engine.dependents('Thread:none')).toEqual([]);
  });
});

describe('MeilisearchEngine.health', () => {
  it('is ok when the server answers and the index exists', async () => {
    const { engine } = setup();
    await engine.prepare();
    expect(await engine.health()).toEqual({ ok: true });
  });

  it('says why not, without throwing', async () => {
    const { client, engine } = setup();
    expect(await engine.health()).toEqual({ ok: false, detail: 'index "bottega" does not exist' });
    client.reachable = false;
    const unreachable = await engine.health();
    expect(unreachable.ok).toBe(false);
    expect(unreachable.detail).toMatch(/^Meilisearch at http:\/\/meili is unreachable/);
  });
});

describe('MeilisearchEngine.rebuild', () => {
  async function* batches(...lists: IndexedDocument[][]): AsyncIterable<IndexedDocument[]> {
    for (const list of lists) yield list;
  }

  it('fills a new index aside, swaps it in, and deletes the replaced one', async () => {
    const { client, engine } = setup();
    const old = doc({ title: 'Vecchio' });
    await engine.prepare();
    await engine.apply({ upserts: [old], removals: [] });
    client.calls.length = 0;

    const fresh = [doc(), doc(), doc()];
    expect(await engine.rebuild(batches(fresh.slice(0, 2), [], fresh.slice(2)))).toEqual({ documents: 3 });

    const [aside] = client.callsOf('createIndex')[0]!.args as [string, IndexOptions];
    expect(aside).toMatch(/^bottega_\d+$/);
    expect(client.callsOf('createIndex')[0]!.args[1]).toEqual({ primaryKey: 'uid' });
    expect(client.callsOf('updateSettings')[0]).toMatchObject({ index: aside, args: [meilisearchSettings(glossary)] });
    expect(client.callsOf('addDocuments').map((call) => call.index)).toEqual([aside, aside]);
    expect(client.callsOf('swapIndexes')[0]!.args).toEqual([[{ indexes: ['bottega', aside], rename: false }]]);
    expect(client.callsOf('deleteIndex')[0]!.args).toEqual([aside]);
    expect([...client.indexes.keys()]).toEqual(['bottega']);
    expect([...client.state('bottega').documents.keys()].sort()).toEqual(fresh.map((document) => `Practice-${document.id}`).sort());
  });

  it('creates the live index first when it is missing, so that there is something to swap', async () => {
    const { client, engine } = setup();
    expect(await engine.rebuild(batches([doc()]))).toEqual({ documents: 1 });
    expect(client.callsOf('createIndex')[0]!.args).toEqual(['bottega', { primaryKey: 'uid' }]);
    expect(client.state('bottega').documents.size).toBe(1);
  });

  it('leaves the live index alone and drops the one aside when a batch fails', async () => {
    const { client, engine } = setup();
    const live = doc();
    await engine.prepare();
    await engine.apply({ upserts: [live], removals: [] });
    async function* failing(): AsyncIterable<IndexedDocument[]> {
      yield [doc()];
      throw new Error('the database went away');
    }
    await expect(engine.rebuild(failing())).rejects.toThrow('the database went away');
    expect(client.methods()).not.toContain('swapIndexes');
    expect([...client.indexes.keys()]).toEqual(['bottega']);
    expect([...client.state('bottega').documents.keys()]).toEqual([`Practice-${live.id}`]);
  });

  it('surfaces a failed swap with its code', async () => {
    const { client, engine } = setup();
    client.failingTasks.set('swapIndexes', { code: 'invalid_swap_duplicate_index_found', message: 'Indexes must be declared only once.' });
    const error = await failure(engine.rebuild(batches([doc()])));
    expect(error.code).toBe('invalid_swap_duplicate_index_found');
    expect([...client.indexes.keys()]).toEqual(['bottega']);
  });
});
