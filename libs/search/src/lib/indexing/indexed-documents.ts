import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ContentRegistry, Outbox, type SearchDocument } from '@bottega/core';
import { languageOf } from '@bottega/markdown';
import { territoryAncestry, type Ancestry } from '@bottega/territories';
import type { IndexedDocument, RemovedDocument } from '../engine/search-engine';
import { isSearchable } from '../searchable';

/** One item to index again: a registered kind and an id. */
export interface Subject {
  type: string;
  id: string;
}

export interface DocumentChanges {
  upserts: IndexedDocument[];
  removals: RemovedDocument[];
}

/**
 * Builds what engines index from what the content kinds say of their items
 * (`ContentKind.document`), as a transaction sees the database: each item
 * stamped with its outbox version, its territories with their ancestors, its
 * language, and the scopes whose changes must rebuild it.
 */
@Injectable()
export class IndexedDocuments {
  constructor(
    private readonly registry: ContentRegistry,
    private readonly outbox: Outbox,
  ) {}

  async build(manager: EntityManager, subjects: readonly Subject[]): Promise<DocumentChanges> {
    const indexable = uniqueSubjects(subjects).filter((subject) => isSearchable(subject.type) && this.registry.get(subject.type));
    const versions = await this.outbox.versions(
      manager,
      indexable.map((subject) => ({ kind: subject.type, id: subject.id })),
    );
    const built: { document: SearchDocument; version: number }[] = [];
    const removals: RemovedDocument[] = [];
    for (const subject of indexable) {
      const key = `${subject.type}:${subject.id}`;
      const version = versions.get(key) ?? 0;
      const document = await this.registry.get(subject.type)?.document(manager, subject.id);
      if (document) built.push({ document, version });
      else removals.push({ key, version });
    }
    const ancestry = await territoryAncestry(
      manager,
      built.flatMap(({ document }) => document.territoryIds),
    );
    return {
      upserts: built.map(({ document, version }) => indexed(document, version, ancestry)),
      removals,
    };
  }
}

function indexed(document: SearchDocument, version: number, ancestry: Map<string, Ancestry>): IndexedDocument {
  const places = document.territoryIds.map((id) => ancestry.get(id) ?? { ids: [id], names: [] });
  return {
    key: `${document.type}:${document.id}`,
    type: document.type,
    id: document.id,
    version,
    title: document.title,
    summary: document.summary,
    body: document.body,
    language: languageOf(`${document.title}\n${document.summary ?? ''}\n${document.body}`),
    authorId: document.authorId,
    communityId: document.communityId,
    territoryIds: [...new Set(places.flatMap((place) => place.ids))],
    places: [...new Set(places.flatMap((place) => place.names))],
    tags: document.tags,
    skills: document.skills ?? [],
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
    access: document.restrictions,
    scopes: [...new Set([...(document.scopes ?? []), ...(document.communityId ? [`Community:${document.communityId}`] : [])])],
  };
}

function uniqueSubjects(subjects: readonly Subject[]): Subject[] {
  const seen = new Map<string, Subject>();
  for (const subject of subjects) seen.set(`${subject.type}:${subject.id}`, subject);
  return [...seen.values()];
}
