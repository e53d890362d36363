import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IndexedDocument } from '../search-engine';
import { SearchEngineError } from '../search-engine.error';
import { toMeilisearchDocument } from './meilisearch-documents';
import { MeilisearchEngine } from './meilisearch-engine';
import { meilisearchSettings } from './meilisearch-settings';

/**
 * The engine through the official client over HTTP, against a stand-in that
 * answers the routes of Meilisearch's API it uses, as its reference
 * documents them: what goes over the wire is what Meilisearch expects, and
 * Meilisearch's answers (task objects, error bodies) come back as the
 * engine's results and errors.
 */
interface Request {
  method: string;
  path: string;
  body: unknown;
}

class MeilisearchStandIn {
  readonly requests: Request[] = [];
  readonly indexes = new Set<string>();
  /** Route (`METHOD /path`) → the error its task ends with. */
  readonly failingTasks = new Map<string, { code: string; message: string }>();
  /** Route → an HTTP error answered at once. */
  readonly rejecting = new Map<string, { status: number; code: string; message: string }>();
  storedVersions: { uid: string; version: number }[] = [];
  searchAnswer: unknown = { hits: [], processingTimeMs: 1, query: '', page: 1, hitsPerPage: 10, totalPages: 0, totalHits: 0 };
  private readonly tasks: unknown[] = [];
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server?.close((error) => (error ? reject(error) : resolve())));
  }

  /** Requests other than task polling. */
  calls(): Request[] {
    return this.requests.filter((request) => !request.path.startsWith('/tasks/'));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of request) raw += String(chunk);
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    const body: unknown = raw === '' ? undefined : JSON.parse(raw);
    this.requests.push({ method, path, body });
    const route = `${method} ${path.split('?')[0]}`;
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(payload));
    };
    const rejection = this.rejecting.get(route);
    if (rejection !== undefined) {
      send(rejection.status, { message: rejection.message, code: rejection.code, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${rejection.code}` });
      return;
    }
    const enqueue = (type: string, indexUid: string | null, work: () => void = () => undefined) => {
      const uid = this.tasks.length;
      const error = this.failingTasks.get(route) ?? null;
      if (error === null) work();
      this.tasks.push({
        uid,
        batchUid: uid,
        indexUid,
        status: error === null ? 'succeeded' : 'failed',
        type,
        canceledBy: null,
        details: {},
        error: error === null ? null : { ...error, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${error.code}` },
        duration: 'PT0.001S',
        enqueuedAt: '2026-12-03T10:00:00Z',
        startedAt: '2026-12-03T10:00:00Z',
        finishedAt: '2026-12-03T10:00:00Z',
      });
      send(202, { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: '2026-12-03T10:00:00Z' });
    };

    let match: RegExpExecArray | null;
    if (route === 'GET /health') return send(200, { status: 'available' });
    if ((match = /^GET \/tasks\/(\d+)$/.exec(route))) return send(200, this.tasks[Number(match[1])]);
    if (route === 'POST /indexes') {
      const uid = (body as { uid: string }).uid;
      return enqueue('indexCreation', uid, () => this.indexes.add(uid));
    }
    if (route === 'POST /swap-indexes') return enqueue('indexSwap', null);
    if ((match = /^GET \/indexes\/([\w-]+)$/.exec(route))) {
      if (!this.indexes.has(match[1]!)) {
        return send(404, { message: `Index \`${match[1]}\` not found.`, code: 'index_not_found', type: 'invalid_request', link: '' });
      }
      return send(200, { uid: match[1], primaryKey: 'uid', createdAt: '2026-12-03T10:00:00Z', updatedAt: '2026-12-03T10:00:00Z' });
    }
    if ((match = /^DELETE \/indexes\/([\w-]+)$/.exec(route))) {
      const uid = match[1]!;
      return enqueue('indexDeletion', uid, () => this.indexes.delete(uid));
    }
    if ((match = /^PATCH \/indexes\/([\w-]+)\/settings$/.exec(route))) return enqueue('settingsUpdate', match[1]!);
    if ((match = /^POST \/indexes\/([\w-]+)\/documents$/.exec(route))) return enqueue('documentAdditionOrUpdate', match[1]!);
    if ((match = /^POST \/indexes\/([\w-]+)\/documents\/delete-batch$/.exec(route))) return enqueue('documentDeletion', match[1]!);
    if ((match = /^POST \/indexes\/([\w-]+)\/documents\/fetch$/.exec(route))) {
      return send(200, { results: this.storedVersions, offset: 0, limit: 20, total: this.storedVersions.length });
    }
    if ((match = /^POST \/indexes\/([\w-]+)\/search$/.exec(route))) return send(200, this.searchAnswer);
    send(404, { message: `no route ${route}`, code: 'not_found', type: 'invalid_request', link: '' });
  }
}

function doc(fields: Partial<IndexedDocument> = {}): IndexedDocument {
  const id = fields.id ?? randomUUID();
  return {
    key: `Thread:${id}`,
    type: 'Thread',
    id,
    version: 2,
    title: 'Portineria di comunità',
    summary: null,
    body: 'Un punto di riferimento',
    language: 'it',
    authorId: null,
    communityId: null,
    territoryIds: [],
    places: [],
    tags: [],
    skills: [],
    createdAt: new Date('2026-02-01T00:00:00Z'),
    updatedAt: new Date('2026-02-01T00:00:00Z'),
    access: [],
    scopes: [],
    ...fields,
  };
}

describe('MeilisearchEngine over HTTP, through the official client', () => {
  let standIn: MeilisearchStandIn;
  let engine: MeilisearchEngine;

  beforeEach(async () => {
    standIn = new MeilisearchStandIn();
    engine = new MeilisearchEngine({ host: await standIn.start(), apiKey: 'test-key', index: 'bottega' });
  });
  afterEach(() => standIn.stop());

  it('creates the index and sends the settings, polling each task to its end', async () => {
    await engine.prepare();
    expect(standIn.calls()).toEqual([
      { method: 'GET', path: '/indexes/bottega', body: undefined },
      { method: 'POST', path: '/indexes', body: { uid: 'bottega', primaryKey: 'uid' } },
      { method: 'PATCH', path: '/indexes/bottega/settings', body: meilisearchSettings() },
    ]);
    expect(standIn.requests.filter((request) => request.path.startsWith('/tasks/')).map((request) => request.path)).toEqual(['/tasks/0', '/tasks/1']);
  });

  it('turns a failed task into a SearchEngineError carrying Meilisearch’s code', async () => {
    standIn.indexes.add('bottega');
    standIn.failingTasks.set('PATCH /indexes/bottega/settings', { code: 'invalid_settings_synonyms', message: 'Invalid value type at `.synonyms`.' });
    const error = await engine.prepare().then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(SearchEngineError);
    expect(error).toMatchObject({ engine: 'meilisearch', code: 'invalid_settings_synonyms' });
    expect((error as Error).message).toContain('Invalid value type at `.synonyms`.');
  });

  it('reads versions by filter, then adds the newer documents and deletes by id', async () => {
    standIn.indexes.add('bottega');
    const newer = doc({ version: 3 });
    const older = doc({ version: 1 });
    standIn.storedVersions = [{ uid: `Thread-${older.id}`, version: 2 }];
    await engine.apply({ upserts: [newer, older], removals: [{ key: 'Post:p1', version: 4 }] });
    expect(standIn.calls()).toEqual([
      {
        method: 'POST',
        path: '/indexes/bottega/documents/fetch',
        body: { filter: `uid IN ["Thread-${newer.id}", "Thread-${older.id}", "Post-p1"]`, fields: ['uid', 'version'], limit: 3 },
      },
      { method: 'POST', path: '/indexes/bottega/documents?primaryKey=uid', body: [toMeilisearchDocument(newer)] },
      { method: 'POST', path: '/indexes/bottega/documents/delete-batch', body: ['Post-p1'] },
    ]);
  });

  it('sends one search with the page, and reads Meilisearch’s answer', async () => {
    standIn.searchAnswer = {
      hits: [{ type: 'Thread', id: 't1', _formatted: { type: 'Thread', id: 't1', title: 'Portineria di \u0001comunità\u0002', summary: null, body: 'Un punto <b>di</b> riferimento' } }],
      query: 'comunita',
      processingTimeMs: 3,
      hitsPerPage: 5,
      page: 2,
      totalPages: 2,
      totalHits: 6,
      facetDistribution: { type: { Thread: 6 } },
    };
    const response = await engine.search({ query: { text: 'comunita' }, filter: {}, principals: ['everyone'], order: 'NEWEST', offset: 5, limit: 5 });
    expect(response).toMatchObject({
      hits: [{ type: 'Thread', id: 't1', title: 'Portineria di <mark>comunità</mark>', snippet: 'Un punto &lt;b&gt;di&lt;/b&gt; riferimento' }],
      total: 6,
      facets: { types: [{ value: 'Thread', count: 6 }] },
      processingTimeMs: 3,
    });
    const [search] = standIn.calls();
    expect(search).toMatchObject({ method: 'POST', path: '/indexes/bottega/search' });
    expect(search?.body).toMatchObject({ q: 'comunita', page: 2, hitsPerPage: 5, sort: ['createdAt:desc'], highlightPreTag: '\u0001', highlightPostTag: '\u0002' });
  });

  it('turns a rejected request into a SearchEngineError with the API error code', async () => {
    standIn.rejecting.set('POST /indexes/bottega/search', { status: 400, code: 'invalid_search_filter', message: 'Attribute `access0` is not filterable.' });
    await expect(engine.search({ query: { text: 'x' }, filter: {}, principals: ['everyone'], order: 'RELEVANCE', offset: 0, limit: 10 })).rejects.toMatchObject({
      name: 'SearchEngineError',
      code: 'invalid_search_filter',
      message: expect.stringContaining('Attribute `access0` is not filterable.'),
    });
  });

  it('swaps the rebuilt index in by name, then deletes the replaced one', async () => {
    standIn.indexes.add('bottega');
    async function* batches(): AsyncIterable<IndexedDocument[]> {
      yield [doc()];
    }
    expect(await engine.rebuild(batches())).toEqual({ documents: 1 });
    const calls = standIn.calls();
    const aside = (calls.find((call) => call.path === '/indexes' && call.method === 'POST')?.body as { uid: string }).uid;
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET /indexes/bottega',
      'POST /indexes',
      `PATCH /indexes/${aside}/settings`,
      `POST /indexes/${aside}/documents?primaryKey=uid`,
      'POST /swap-indexes',
      `DELETE /indexes/${aside}`,
    ]);
    expect(calls.find((call) => call.path === '/swap-indexes')?.body).toEqual([{ indexes: ['bottega', aside], rename: false }]);
  });

  it('reports health from /health and the index, without throwing', async () => {
    expect(await engine.health()).toEqual({ ok: false, detail: 'index "bottega" does not exist' });
    standIn.indexes.add('bottega');
    expect(await engine.health()).toEqual({ ok: true });
    await standIn.stop();
    expect((await engine.health()).ok).toBe(false);
    standIn = new MeilisearchStandIn();
    await standIn.start();
  });
});
