import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { parseGlobalId } from '../graphql/global-id';
import type { SearchDocument } from './search-document';

/** One item of a registered kind, as the shared capabilities (moderation, follows, notifications) see it. */
export interface ContentItem {
  /** The kind's type name, also its GraphQL type and outbox kind: `Post`. */
  type: string;
  id: string;
  authorId: string | null;
  /** The community it belongs to (its coordinators moderate it), or null when only staff do. */
  communityId: string | null;
  hidden: boolean;
  deleted: boolean;
  /** Whether the viewer it was loaded for sees it whole: hidden content only its author and moderators do. */
  visible: boolean;
  /** The principals of those who moderate it, e.g. `coordinator:<community>` and `staff`. */
  moderators: string[];
}

/**
 * A kind of content a feature registers once, so that moderation, follows,
 * notifications and search handle it like every other: how to load it for a
 * viewer (through its audience), how to show it, how to hide and restore it,
 * who among some accounts may read it, and its search document.
 */
export interface ContentKind {
  readonly type: string;
  /** The GraphQL object type its items are shown as. */
  readonly model: new (...args: never[]) => object;
  /** The items the viewer may read, null where unknown or not in their audience; in the order asked. */
  readable(context: RequestContext, ids: readonly string[]): Promise<(ContentItem | null)[]>;
  /** The item as the API shows it to the viewer (null when they may not read it), past this request's cache. */
  present(context: RequestContext, id: string): Promise<object | null>;
  /** Hides or shows the item again; false when it already was so, or is deleted. */
  setHidden(manager: EntityManager, id: string, hidden: boolean): Promise<boolean>;
  /** Those of `userIds` who may read the item now (as `manager` sees it): the recipients of news about it. */
  readersAmong(manager: EntityManager, id: string, userIds: string[]): Promise<string[]>;
  /** Whether the account has content of this kind that is neither hidden nor deleted (it has taken part). */
  hasVisibleContentBy(userId: string): Promise<boolean>;
  /** What search indexes about the item, as `manager` sees it; null when it is gone (deleted), so it leaves the index. */
  document(manager: EntityManager, id: string): Promise<SearchDocument | null>;
  /**
   * The ids of its items in id order, a page after `after` (null: from the
   * start): what rebuilds an index from the database goes through.
   * {@link idsAfter} writes it for a table.
   */
  ids(manager: EntityManager, after: string | null, limit: number): Promise<string[]>;
  /**
   * Whether the account is one of the item's authors (a practice has several),
   * as `manager` sees it; kinds that can be shown as someone's work (evidence
   * of a competence) answer it.
   */
  authoredBy?(manager: EntityManager, id: string, userId: string): Promise<boolean>;
}

/** The registered kinds of content; features register theirs at start-up. */
@Injectable()
export class ContentRegistry {
  private readonly kinds = new Map<string, ContentKind>();

  register(kind: ContentKind): void {
    if (this.kinds.has(kind.type)) throw new Error(`A content kind named ${kind.type} is already registered`);
    this.kinds.set(kind.type, kind);
  }

  get(type: string): ContentKind | undefined {
    return this.kinds.get(type);
  }

  all(): ContentKind[] {
    return [...this.kinds.values()];
  }

  /** The kind and database id behind a global id, or null when it names no registered kind. */
  kindOf(globalId: string): { kind: ContentKind; id: string } | null {
    const decoded = parseGlobalId(globalId);
    const kind = decoded && this.kinds.get(decoded.type);
    return kind && decoded ? { kind, id: decoded.id } : null;
  }

  /** The registered kind's GraphQL type an item is shown as (for unions of content). */
  typeOf(value: object): string | undefined {
    return this.all().find((kind) => value instanceof kind.model)?.type;
  }
}

/** A page of `table`'s uuid keys after `after`, in order, where `condition` holds: a kind's {@link ContentKind.ids}. */
export async function idsAfter(
  manager: EntityManager,
  table: string,
  after: string | null,
  limit: number,
  options: { key?: string; condition?: string } = {},
): Promise<string[]> {
  const key = options.key ?? 'id';
  const rows: { id: string }[] = await manager.query(
    `SELECT ${key} AS id FROM ${table} WHERE ($1::uuid IS NULL OR ${key} > $1) AND (${options.condition ?? 'true'}) ORDER BY ${key} LIMIT $2`,
    [after, limit],
  );
  return rows.map((row) => row.id);
}
