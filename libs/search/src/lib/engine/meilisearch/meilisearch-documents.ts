import { stripMarkers } from '../highlight';
import { MAX_ACCESS_CLAUSES, type IndexedDocument } from '../search-engine';
import { SearchEngineError } from '../search-engine.error';
import { accessSlots, reducedClauses } from '../access-slots';

/** An {@link IndexedDocument} as stored in Meilisearch. */
export interface MeilisearchDocument {
  /** `<type>-<id>`: Meilisearch ids allow only letters, digits, `-` and `_`. */
  uid: string;
  type: string;
  id: string;
  version: number;
  title: string;
  summary: string | null;
  body: string;
  language: 'it' | 'en';
  authorId: string | null;
  communityId: string | null;
  territoryIds: string[];
  places: string[];
  tags: string[];
  skills: string[];
  /** Epoch milliseconds, so that filters compare and sorts order them as numbers. */
  createdAt: number;
  updatedAt: number;
  /**
   * Clause i's principals in `access<i>`, `["everyone"]` in the slots past
   * the document's clauses: a reader passes when each slot shares a
   * principal with theirs, which one fixed filter can ask.
   */
  access0: string[];
  access1: string[];
  access2: string[];
  access3: string[];
  /** How many slots are the document's own clauses, to read `access` back. */
  accessClauses: number;
  scopes: string[];
}

type AccessSlot = 'access0' | 'access1' | 'access2' | 'access3';
const SLOTS: readonly AccessSlot[] = ['access0', 'access1', 'access2', 'access3'];
if (SLOTS.length !== MAX_ACCESS_CLAUSES) throw new Error('MeilisearchDocument needs one access slot per MAX_ACCESS_CLAUSES');

const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,511}$/;

/** The Meilisearch id of a document of `type` and `id`; throws when they cannot form a valid one. */
export function meilisearchUid(type: string, id: string): string {
  const uid = `${type}-${id}`;
  if (!DOCUMENT_ID.test(uid) || type.includes('-')) {
    throw new SearchEngineError('meilisearch', `"${type}:${id}" cannot be a Meilisearch document id (letters, digits, - and _ only; no - in the type)`, {
      code: 'invalid_document_id',
    });
  }
  return uid;
}

/** The Meilisearch id of a document key (`<type>:<id>`). */
export function uidOfKey(key: string): string {
  const colon = key.indexOf(':');
  if (colon <= 0) throw new SearchEngineError('meilisearch', `"${key}" is not a document key (<type>:<id>)`, { code: 'invalid_document_id' });
  return meilisearchUid(key.slice(0, colon), key.slice(colon + 1));
}

export function toMeilisearchDocument(document: IndexedDocument): MeilisearchDocument {
  if (document.key !== `${document.type}:${document.id}`) {
    throw new SearchEngineError('meilisearch', `document key "${document.key}" is not "${document.type}:${document.id}"`, { code: 'invalid_document_id' });
  }
  const [access0 = [], access1 = [], access2 = [], access3 = []] = accessSlots('meilisearch', document.key, document.access);
  return {
    uid: meilisearchUid(document.type, document.id),
    type: document.type,
    id: document.id,
    version: document.version,
    // Without the highlight markers, so that only Meilisearch places them.
    title: stripMarkers(document.title),
    summary: document.summary === null ? null : stripMarkers(document.summary),
    body: stripMarkers(document.body),
    language: document.language,
    authorId: document.authorId,
    communityId: document.communityId,
    territoryIds: [...document.territoryIds],
    places: [...document.places],
    tags: [...document.tags],
    skills: [...document.skills],
    createdAt: epoch(document.createdAt, document.key, 'createdAt'),
    updatedAt: epoch(document.updatedAt, document.key, 'updatedAt'),
    access0,
    access1,
    access2,
    access3,
    accessClauses: reducedClauses(document.access).length,
    scopes: [...document.scopes],
  };
}

export function fromMeilisearchDocument(stored: MeilisearchDocument): IndexedDocument {
  return {
    key: `${stored.type}:${stored.id}`,
    type: stored.type,
    id: stored.id,
    version: stored.version,
    title: stored.title,
    summary: stored.summary,
    body: stored.body,
    language: stored.language,
    authorId: stored.authorId,
    communityId: stored.communityId,
    territoryIds: [...stored.territoryIds],
    places: [...(stored.places ?? [])],
    tags: [...stored.tags],
    skills: [...stored.skills],
    createdAt: new Date(stored.createdAt),
    updatedAt: new Date(stored.updatedAt),
    access: SLOTS.slice(0, stored.accessClauses).map((slot) => [...stored[slot]]),
    scopes: [...stored.scopes],
  };
}

function epoch(date: Date, key: string, field: string): number {
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new SearchEngineError('meilisearch', `${key} has an invalid ${field}`, { code: 'invalid_document' });
  return time;
}
