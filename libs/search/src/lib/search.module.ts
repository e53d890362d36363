import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OutboxConsumers } from '@bottega/core';
import { TerritoriesModule } from '@bottega/territories';
import { MeilisearchEngine } from './engine/meilisearch';
import { PostgresSearchEngine } from './engine/postgres/postgres-engine';
import type { SearchEngine } from './engine/search-engine';
import { SEARCH_ENGINE } from './engine/search-engine.token';
import { SearchResolver } from './graphql/search.resolver';
import { SearchService } from './graphql/search.service';
import { IndexedDocuments } from './indexing/indexed-documents';
import { SearchIndex } from './indexing/search-index';
import { SearchIndexer } from './indexing/search-indexer';
import { QueryGlossary } from './query/query-plan';
import { SEARCH_OPTIONS, type SearchOptions } from './search.options';

/** The engine the options name: Meilisearch when configured, else PostgreSQL in the API's own database. */
function engineFor(options: SearchOptions, db: DataSource): SearchEngine {
  return options.meilisearch ? new MeilisearchEngine(options.meilisearch) : new PostgresSearchEngine(db, new QueryGlossary());
}

/**
 * Search over every searchable content kind: the index kept by an outbox
 * consumer, `search` and `similar` in GraphQL, and the engine's state in
 * `/health`. Features make their kinds findable with `searchable()`.
 */
@Module({})
export class SearchModule implements OnModuleInit {
  constructor(
    @Inject(SEARCH_OPTIONS) private readonly options: SearchOptions,
    private readonly consumers: OutboxConsumers,
    private readonly indexer: SearchIndexer,
  ) {}

  static forRoot(options: SearchOptions): DynamicModule {
    return {
      module: SearchModule,
      imports: [TerritoriesModule],
      providers: [
        { provide: SEARCH_OPTIONS, useValue: options },
        { provide: SEARCH_ENGINE, inject: [getDataSourceToken()], useFactory: (db: DataSource) => engineFor(options, db) },
        IndexedDocuments,
        SearchIndexer,
        SearchIndex,
        SearchService,
        SearchResolver,
      ],
      exports: [SearchIndex, SEARCH_ENGINE],
    };
  }

  onModuleInit(): void {
    if (this.options.indexInProcess) this.consumers.register(this.indexer);
  }
}
