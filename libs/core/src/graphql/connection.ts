import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { nextTurn } from '../context/next-turn';
import { requestScope } from '../context/request-scope';
import { BadInputError } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Items after \`after\`; at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Items before \`before\`; at most ${MAX_PAGE_SIZE}.` })
  last?: number | null;

  @Field(() => String, { nullable: true })
  before?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/**
 * A count that runs its query only when awaited. GraphQL awaits a field's
 * value only when the field is selected, so unasked counts cost nothing.
 */
export class LazyCount implements PromiseLike<number> {
  private promise: Promise<number> | undefined;

  constructor(private readonly count: () => Promise<number>) {}

  then<A = number, B = never>(
    onFulfilled?: ((value: number) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    this.promise ??= this.count();
    return this.promise.then(onFulfilled, onRejected);
  }
}

/** The shape every connection resolves to. */
export interface ConnectionValue<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: LazyCount;
}

type Class<T> = abstract new (...args: never[]) => T;

/** Builds the `<Name>Edge` and `<Name>Connection` types for a node type. */
export function Connection<T>(nodeType: Class<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field({ description: 'Pass to `after`/`before` to continue from this item.' })
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: 'The nodes of `edges`, for clients that need no cursors.' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Items matching the filter, across all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
}

export type SortDirection = 'ASC' | 'DESC';

/** One column of a keyset order; the last key must be unique (usually the id). */
export interface SortKey<Row> {
  /** SQL expression in the query builder, e.g. `organization.name`. */
  expression: string;
  direction: SortDirection;
  /** Reads the key's value from a loaded row, for the cursor. */
  value: (row: Row) => string | number;
}

interface Page {
  limit: number;
  cursor: (string | number)[] | null;
  backwards: boolean;
}

function readPage<Row>(args: ConnectionArgs, keys: SortKey<Row>[]): Page {
  const { first, last, after, before } = args;
  if (first != null && last != null) throw new BadInputError('Pass either `first` or `last`, not both.', ['first']);
  for (const [name, value] of [['first', first], ['last', last]] as const) {
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw new BadInputError(`\`${name}\` must be between 0 and ${MAX_PAGE_SIZE}.`, [name]);
    }
  }
  const backwards = last != null || (before != null && first == null);
  const cursorText = backwards ? before : after;
  return {
    limit: (backwards ? last : first) ?? DEFAULT_PAGE_SIZE,
    backwards,
    cursor: cursorText == null ? null : decodeCursor(cursorText, keys, backwards ? 'before' : 'after'),
  };
}

let cursorKey = createHash('sha256').update('bottega development cursors').digest();

/**
 * Cursors are signed with a key derived from this secret (the same on every
 * process), so a cursor is only ever one this API made, for this list and order.
 */
export function useCursorSecret(secret: string): void {
  cursorKey = createHmac('sha256', secret).update('bottega cursors').digest();
}

/** What a cursor is bound to: the keys and directions of the order it came from. */
function orderingOf<Row>(keys: SortKey<Row>[]): string {
  return keys.map((key) => `${key.expression} ${key.direction}`).join(',');
}

function cursorTag(ordering: string, payload: string): Buffer {
  return createHmac('sha256', cursorKey).update(ordering).update('|').update(payload).digest().subarray(0, 12);
}

function encodeCursor<Row>(keys: SortKey<Row>[], values: (string | number)[]): string {
  const payload = Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
  return `${payload}.${cursorTag(orderingOf(keys), payload).toString('base64url')}`;
}

function decodeCursor<Row>(cursor: string, keys: SortKey<Row>[], argument: string): (string | number)[] {
  const [payload = '', tag = '', ...rest] = cursor.split('.');
  const given = Buffer.from(tag, 'base64url');
  const expected = cursorTag(orderingOf(keys), payload);
  if (rest.length === 0 && given.length === expected.length && timingSafeEqual(given, expected)) {
    try {
      const values: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (
        Array.isArray(values) &&
        values.length === keys.length &&
        values.every((v) => typeof v === 'string' || typeof v === 'number')
      ) {
        return values as (string | number)[];
      }
    } catch {
      // fall through to the typed error
    }
  }
  throw new BadInputError(`\`${argument}\` is not a cursor of this list in this order.`, [argument]);
}

/**
 * Keyset pagination (no OFFSET, stable under inserts) over a query builder.
 * The builder carries the filters; this adds order, cursor condition and limit,
 * and maps loaded rows with `toNode`.
 */
export async function paginate<Row extends ObjectLiteral, T>(
  query: SelectQueryBuilder<Row>,
  keys: SortKey<Row>[],
  args: ConnectionArgs,
  toNode: (row: Row) => T,
): Promise<ConnectionValue<T>> {
  const page = readPage(args, keys);
  const countQuery = query.clone();
  const totalCount = new LazyCount(() => countQuery.orderBy().getCount());
  if (page.limit === 0) {
    return { edges: [], nodes: [], totalCount, pageInfo: emptyPageInfo() };
  }

  const flip = (direction: SortDirection): SortDirection => (direction === 'ASC' ? 'DESC' : 'ASC');
  const ordered = keys.map((key) => ({ ...key, direction: page.backwards ? flip(key.direction) : key.direction }));
  const pageQuery = query.clone();
  if (page.cursor) {
    const { sql, params } = keysetCondition(ordered, page.cursor);
    pageQuery.andWhere(sql, params);
  }
  ordered.forEach((key, index) =>
    index === 0 ? pageQuery.orderBy(key.expression, key.direction) : pageQuery.addOrderBy(key.expression, key.direction),
  );
  const rows = await pageQuery.limit(page.limit + 1).getMany();
  if (requestScope.current()?.heavy) await nextTurn();
  const hasMore = rows.length > page.limit;
  const pageRows = rows.slice(0, page.limit);
  if (page.backwards) pageRows.reverse();

  const edges = pageRows.map((row) => ({
    cursor: encodeCursor(keys, keys.map((key) => key.value(row))),
    node: toNode(row),
  }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    totalCount,
    pageInfo: {
      hasNextPage: page.backwards ? page.cursor !== null : hasMore,
      hasPreviousPage: page.backwards ? hasMore : page.cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** `(k1 > v1) OR (k1 = v1 AND k2 > v2) OR …`, with each key's own direction. */
function keysetCondition<Row>(keys: SortKey<Row>[], cursor: (string | number)[]) {
  const params: Record<string, string | number> = {};
  cursor.forEach((value, index) => (params[`cursor${index}`] = value));
  const branches = keys.map((key, index) => {
    const equalities = keys.slice(0, index).map((previous, j) => `${previous.expression} = :cursor${j}`);
    const comparison = `${key.expression} ${key.direction === 'ASC' ? '>' : '<'} :cursor${index}`;
    return `(${[...equalities, comparison].join(' AND ')})`;
  });
  return { sql: `(${branches.join(' OR ')})`, params };
}

function emptyPageInfo(): PageInfo {
  return { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null };
}
