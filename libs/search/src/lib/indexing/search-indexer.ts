import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxConsumer, OutboxEvent } from '@bottega/core';
import type { SearchEngine } from '../engine/search-engine';
import { SEARCH_ENGINE } from '../engine/search-engine.token';
import { IndexedDocuments, type Subject } from './indexed-documents';

/** The search consumer's name in the outbox: its position is stored under it. */
export const SEARCH_CONSUMER = 'search';

/**
 * Keeps the index in step with the outbox: for each changed item, its
 * document as it is now (or its removal), and the documents that depend on
 * it (a thread's replies when it is hidden, a community's content when its
 * visibility changes). Idempotent: documents are built from the database and
 * stamped with their outbox version, and engines keep the newer of two. A
 * batch that fails comes again, with back-off, so an engine outage loses
 * nothing.
 */
@Injectable()
export class SearchIndexer implements OutboxConsumer {
  readonly name = SEARCH_CONSUMER;

  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly documents: IndexedDocuments,
  ) {}

  async handle(events: OutboxEvent[], manager: EntityManager): Promise<void> {
    const subjects: Subject[] = events.map((event) => ({ type: event.kind, id: event.subjectId }));
    for (const scope of new Set(events.map((event) => `${event.kind}:${event.subjectId}`))) {
      for (const key of await this.engine.dependents(scope)) subjects.push(subjectOf(key));
    }
    const changes = await this.documents.build(manager, subjects);
    if (changes.upserts.length > 0 || changes.removals.length > 0) await this.engine.apply(changes, manager);
  }
}

function subjectOf(key: string): Subject {
  const at = key.indexOf(':');
  return { type: key.slice(0, at), id: key.slice(at + 1) };
}
