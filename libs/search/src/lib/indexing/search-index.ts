import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { CORE_OPTIONS, ContentRegistry, HealthChecks, OutboxRunner, type CoreOptions, type HealthReport } from '@bottega/core';
import type { IndexedDocument, SearchEngine } from '../engine/search-engine';
import { SEARCH_ENGINE } from '../engine/search-engine.token';
import { isSearchable } from '../searchable';
import { IndexedDocuments } from './indexed-documents';
import { SEARCH_CONSUMER } from './search-indexer';

/** Items read from the database per batch when the index is rebuilt. */
const REBUILD_BATCH = 500;
/** Changes behind beyond which search reports itself degraded. */
const LAGGING_EVENTS = 1_000;

/**
 * The index as a whole: built from the database when it never was (a new
 * installation, a new engine), rebuilt on demand (`npm run reindex`), and
 * reported in `/health`.
 */
@Injectable()
export class SearchIndex implements OnApplicationBootstrap {
  private readonly logger: Logger;

  constructor(
    @Inject(CORE_OPTIONS) options: CoreOptions,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: ContentRegistry,
    private readonly documents: IndexedDocuments,
    private readonly runner: OutboxRunner,
    checks: HealthChecks,
  ) {
    this.logger = options.logger.child({ component: 'search' });
    checks.register('search', () => this.health());
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.engine.prepare();
      if (!(await this.built())) await ((await this.anythingToIndex()) ? this.rebuild() : this.markBuilt(0));
    } catch (err) {
      // Search is not the API: it starts without it, reports it in /health, and the indexer catches up later.
      this.logger.error({ err, engine: this.engine.name }, 'search engine not ready; search and indexing will fail until it is');
    }
  }

  /**
   * Builds a new index from every searchable item and swaps it in; searches
   * use the old one until then, and the indexer, held meanwhile, then applies
   * again what changed during the build.
   */
  async rebuild(): Promise<{ documents: number }> {
    const started = performance.now();
    const result = await this.runner.hold(SEARCH_CONSUMER, async () => {
      const built = await this.engine.rebuild(this.everything());
      await this.markBuilt(built.documents);
      return built;
    });
    this.logger.info({ engine: this.engine.name, documents: result.documents, ms: Math.round(performance.now() - started) }, 'search index built');
    return result;
  }

  private async *everything(): AsyncGenerator<IndexedDocument[]> {
    for (const kind of this.registry.all().filter((candidate) => isSearchable(candidate.type))) {
      let after: string | null = null;
      for (;;) {
        const ids = await kind.ids(this.db.manager, after, REBUILD_BATCH);
        if (ids.length === 0) break;
        const changes = await this.documents.build(
          this.db.manager,
          ids.map((id) => ({ type: kind.type, id })),
        );
        yield changes.upserts;
        after = ids.at(-1) ?? null;
      }
    }
  }

  /** Whether any searchable item exists: a new, empty installation has nothing to build. */
  private async anythingToIndex(): Promise<boolean> {
    for (const kind of this.registry.all().filter((candidate) => isSearchable(candidate.type))) {
      if ((await kind.ids(this.db.manager, null, 1)).length > 0) return true;
    }
    return false;
  }

  private async markBuilt(documents: number): Promise<void> {
    await this.db.query(
      `INSERT INTO search_build (engine, documents) VALUES ($1, $2) ON CONFLICT (engine) DO UPDATE SET documents = $2, built_at = now()`,
      [this.engine.name, documents],
    );
  }

  private async built(): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM search_build WHERE engine = $1`, [this.engine.name]);
    return rows.length > 0;
  }

  private async health(): Promise<HealthReport> {
    const [engine, lag] = await Promise.all([this.engine.health(), this.runner.lag(SEARCH_CONSUMER)]);
    const behind = lag.events > LAGGING_EVENTS;
    return {
      status: !engine.ok ? 'down' : behind ? 'degraded' : 'up',
      engine: this.engine.name,
      ...(engine.detail ? { detail: engine.detail } : {}),
      lag,
    };
  }
}
