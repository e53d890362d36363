import { ArgsType, Extensions, Field, Int, ObjectType } from '@nestjs/graphql';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { nextTurn } from '../context/next-turn';
import { requestScope } from '../context/request-scope';
import { BadInputError } from './errors';
import { selects } from './selection';
import { SETTLES_LATER } from './response-budget';

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

  /** The count is already known (it came with the page). */
  settle(count: number): void {
    this.promise = Promise.resolve(count);
  }

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

    // Counted only when asked for: the property holds a LazyCount, settled by its resolver.
    @Field(() => Int, { description: 'Items matching the filter, across all pages.' })
    @Extensions({ [SETTLES_LATER]: true })
    totalCount!: number;
  }
  return ConnectionType;
}

export type SortDirection = 'ASC' | 'DESC';

/** One column of a keyset order; the last key must be unique (usually the id). */
export interface SortKey<Row> {
  /** SQL expression in the query builder, e.g. `organization.name`; cursors are bound to it. */
  expression: string;
  /** The same key in the plain SQL of a {@link SqlList}, e.g. `organization.name` for `organization.name`'s column. */
  column?: string;
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

function encodeCursor(ordering: string, values: (string | number)[]): string {
  const payload = Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
  return `${payload}.${cursorTag(ordering, payload).toString('base64url')}`;
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

const TOTAL = '__totalCount';

/** The conditions of a list's `WHERE`, with their named parameters, added as filters apply. */
export class SqlWhere {
  private readonly conditions: string[] = [];
  readonly params: Record<string, unknown> = {};

  and(condition: string, params: Record<string, unknown> = {}): this {
    this.conditions.push(condition);
    Object.assign(this.params, params);
    return this;
  }

  toString(): string {
    return this.conditions.join(' AND ');
  }
}

/**
 * A list read as plain rows with hand-written SQL, for hot pages where entity
 * hydration and query building buy nothing: the rows are the columns
 * selected, aliased to the properties of `Row`. Each {@link SortKey} of such
 * a list names its SQL in `column`.
 */
export class SqlList<Row extends ObjectLiteral> {
  constructor(
    /** The select list, e.g. `p.id, p.created_at AS "createdAt"`. */
    readonly columns: string,
    /** `FROM … WHERE …`, with named parameters (`:threadId`); the keyset condition is ANDed to it. */
    readonly from: string,
    readonly params: Record<string, unknown>,
    /** The repository's data source, so the statements are counted and logged as any other. */
    private readonly db: Pick<DataSource, 'query' | 'driver'>,
  ) {}

  private run(sql: string, params: Record<string, unknown>): Promise<ObjectLiteral[]> {
    return this.db.query(...this.db.driver.escapeQueryWithParameters(sql, params));
  }

  /** A page in the order of `keys`; with `withCount`, the count of the whole list comes in the same statement. */
  async rows(
    keys: SortKey<Row>[],
    cursor: (string | number)[] | null,
    limit: number,
    withCount: boolean,
  ): Promise<{ rows: Row[]; total: number | null }> {
    const columnOf = (key: SortKey<Row>) => {
      if (!key.column) throw new Error(`Sort key ${key.expression} has no column for a plain SQL list`);
      return key.column;
    };
    const sqlKeys = keys.map((key) => ({ ...key, expression: columnOf(key) }));
    const count = withCount ? `, (SELECT count(*)::int ${this.from}) AS "${TOTAL}"` : '';
    let sql = `SELECT ${this.columns}${count} ${this.from}`;
    let params = this.params;
    if (cursor) {
      const condition = keysetCondition(sqlKeys, cursor);
      sql += ` AND ${condition.sql}`;
      params = { ...params, ...condition.params };
    }
    sql += ` ORDER BY ${sqlKeys.map((key) => `${key.expression} ${key.direction}`).join(', ')} LIMIT ${Math.trunc(limit)}`;
    const rows = await this.run(sql, params);
    // An empty page (past the end) carries no count.
    const total = withCount && rows[0] ? Number(rows[0][TOTAL]) : null;
    if (withCount) for (const row of rows) delete row[TOTAL];
    return { rows: rows as Row[], total };
  }

  async count(): Promise<number> {
    const [row] = await this.run(`SELECT count(*)::int AS count ${this.from}`, this.params);
    return Number(row?.['count'] ?? 0);
  }
}

/**
 * An edge whose cursor is signed only when read: an HMAC per edge is most of
 * a page's cost when nobody asks for the cursors (clients mostly read
 * `pageInfo.endCursor`, or nothing).
 */
class LazyEdge<T> implements Edge<T> {
  private signed: string | undefined;

  constructor(
    readonly node: T,
    private readonly sign: () => string,
  ) {}

  get cursor(): string {
    this.signed ??= this.sign();
    return this.signed;
  }
}

/** Page information whose cursors are those of its first and last edges, signed when read. */
class EdgesPageInfo<T> implements PageInfo {
  constructor(
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
    private readonly edges: Edge<T>[],
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

/**
 * Keyset pagination (no OFFSET, stable under inserts) over a query builder or
 * a {@link SqlList}. The query carries the filters; this adds order, cursor
 * condition and limit, and maps loaded rows with `toNode`.
 */
export async function paginate<Row extends ObjectLiteral, T>(
  query: SelectQueryBuilder<Row> | SqlList<Row>,
  keys: SortKey<Row>[],
  args: ConnectionArgs,
  toNode: (row: Row) => T,
  /** The connection field's; when it asks for `totalCount`, a {@link SqlList} counts in the page's statement. */
  info?: GraphQLResolveInfo,
): Promise<ConnectionValue<T>> {
  const page = readPage(args, keys);
  const plain = query instanceof SqlList;
  const countQuery = plain ? query : query.clone();
  const totalCount = new LazyCount(() => (countQuery instanceof SqlList ? countQuery.count() : countQuery.orderBy().getCount()));
  if (page.limit === 0) {
    return { edges: [], nodes: [], totalCount, pageInfo: emptyPageInfo() };
  }

  const flip = (direction: SortDirection): SortDirection => (direction === 'ASC' ? 'DESC' : 'ASC');
  const ordered = keys.map((key) => ({ ...key, direction: page.backwards ? flip(key.direction) : key.direction }));
  let rows: Row[];
  if (plain) {
    const loaded = await query.rows(ordered, page.cursor, page.limit + 1, info !== undefined && selects(info, 'totalCount'));
    rows = loaded.rows;
    if (loaded.total !== null) totalCount.settle(loaded.total);
  } else {
    rows = await builderRows(query, ordered, page);
  }
  if (requestScope.current()?.heavy) await nextTurn();
  const hasMore = rows.length > page.limit;
  const pageRows = rows.slice(0, page.limit);
  if (page.backwards) pageRows.reverse();

  const ordering = orderingOf(keys);
  const edges: Edge<T>[] = pageRows.map((row) => new LazyEdge(toNode(row), () => encodeCursor(ordering, keys.map((key) => key.value(row)))));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    totalCount,
    pageInfo: new EdgesPageInfo(page.backwards ? page.cursor !== null : hasMore, page.backwards ? hasMore : page.cursor !== null, edges),
  };
}

function builderRows<Row extends ObjectLiteral>(query: SelectQueryBuilder<Row>, ordered: SortKey<Row>[], page: Page): Promise<Row[]> {
  const pageQuery = query.clone();
  if (page.cursor) {
    const { sql, params } = keysetCondition(ordered, page.cursor);
    pageQuery.andWhere(sql, params);
  }
  ordered.forEach((key, index) =>
    index === 0 ? pageQuery.orderBy(key.expression, key.direction) : pageQuery.addOrderBy(key.expression, key.direction),
  );
  return pageQuery.limit(page.limit + 1).getMany();
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
