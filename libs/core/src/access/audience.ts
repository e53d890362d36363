import { EVERYONE } from './principals';
import type { Principals } from './principals';

/** What an audience is decided on: a content item's facts, by name. */
export type Facts = Record<string, string | boolean | null>;

/** Where each fact is found in SQL: an expression per fact (booleans as boolean expressions). */
export type FactColumns<F extends Facts> = { readonly [K in keyof F]: string };

/**
 * Someone a clause admits: a fixed principal (`STAFF`), or a principal made
 * from a fact (`{ kind: 'user', fact: 'authorId' }` is `user:<authorId>`).
 */
export type Grant<F extends Facts> = string | { readonly kind: string; readonly fact: keyof F & string };

/** Binds a list of strings as a `text[]` parameter and returns the SQL that reads it. */
export type BindTexts = (values: readonly string[]) => string;

/** One condition of an audience: the principals it admits, in JavaScript and in SQL. */
export interface Clause<F extends Facts> {
  principals(facts: F): string[];
  /** The principals admitted, as a `text[]` expression over the facts' columns (the reader's principals are SQL too). */
  sql(columns: FactColumns<F>): string;
  /**
   * The same condition for one reader known in advance: what the reader
   * holds is decided here, so PostgreSQL compares only facts, with estimates
   * it can plan by. A strict boolean (never NULL).
   */
  sqlFor(columns: FactColumns<F>, reader: Principals, bind: BindTexts): string;
}

const TRUE = 'TRUE';
const FALSE = 'FALSE';

/** A condition decided in advance, as SQL. */
export const sqlBoolean = (value: boolean): string => (value ? TRUE : FALSE);

/** A disjunction of conditions, `TRUE` and `FALSE` folded away. */
export function anyOf(conditions: readonly string[]): string {
  if (conditions.includes(TRUE)) return TRUE;
  const open = conditions.filter((condition) => condition !== FALSE);
  return open.length === 0 ? FALSE : `(${open.join(' OR ')})`;
}

/** A conjunction of conditions, `TRUE` and `FALSE` folded away. */
function allOf(conditions: readonly string[]): string {
  if (conditions.includes(FALSE)) return FALSE;
  const open = conditions.filter((condition) => condition !== TRUE);
  return open.length === 0 ? TRUE : `(${open.join(' AND ')})`;
}

/** `(column)::text` is one of the values, false when the column is NULL. */
export function textAmong(column: string, values: readonly string[], bind: BindTexts): string {
  return values.length === 0 ? FALSE : `((${column}) IS NOT NULL AND (${column})::text = ANY(${bind(values)}))`;
}

const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

function grantPrincipals<F extends Facts>(grants: readonly Grant<F>[], facts: F): string[] {
  const names: string[] = [];
  for (const grant of grants) {
    if (typeof grant === 'string') names.push(grant);
    else if (facts[grant.fact] !== null && facts[grant.fact] !== undefined) names.push(`${grant.kind}:${String(facts[grant.fact])}`);
  }
  return names;
}

/** Whether the reader holds a principal among the grants, as a condition on the facts' columns. */
function grantSqlFor<F extends Facts>(grants: readonly Grant<F>[], columns: FactColumns<F>, reader: Principals, bind: BindTexts): string {
  return anyOf(
    grants.map((grant) =>
      typeof grant === 'string' ? (reader.has(grant) ? TRUE : FALSE) : textAmong(columns[grant.fact], reader.idsOf(grant.kind), bind),
    ),
  );
}

function grantArraySql<F extends Facts>(grants: readonly Grant<F>[], columns: FactColumns<F>): string {
  const items = grants.map((grant) =>
    typeof grant === 'string' ? literal(grant) : `(${literal(`${grant.kind}:`)} || (${columns[grant.fact]})::text)`,
  );
  return `ARRAY[${items.join(', ')}]::text[]`;
}

/** Admits these, whatever the facts. */
export function always<F extends Facts>(grants: readonly Grant<F>[]): Clause<F> {
  return {
    principals: (facts) => grantPrincipals(grants, facts),
    sql: (columns) => grantArraySql(grants, columns),
    sqlFor: (columns, reader, bind) => grantSqlFor(grants, columns, reader, bind),
  };
}

/** While the boolean `fact` holds, admits only these (`[]`: nobody); otherwise everyone. */
export function restrictedWhile<F extends Facts>(fact: keyof F & string, grants: readonly Grant<F>[]): Clause<F> {
  return {
    principals: (facts) => (facts[fact] === true ? grantPrincipals(grants, facts) : [EVERYONE]),
    sql: (columns) => `CASE WHEN (${columns[fact]}) THEN ${grantArraySql(grants, columns)} ELSE ARRAY[${literal(EVERYONE)}]::text[] END`,
    sqlFor: (columns, reader, bind) => unlessWhile(columns[fact], reader, grantSqlFor(grants, columns, reader, bind)),
  };
}

/** Admits according to the value of `fact` (an enum); nobody for a value not listed. */
export function byValue<F extends Facts>(fact: keyof F & string, cases: Readonly<Record<string, readonly Grant<F>[]>>): Clause<F> {
  return {
    principals: (facts) => {
      const grants = cases[String(facts[fact])];
      return grants ? grantPrincipals(grants, facts) : [];
    },
    sql: (columns) =>
      `CASE (${columns[fact]})::text ${Object.entries(cases)
        .map(([value, grants]) => `WHEN ${literal(value)} THEN ${grantArraySql(grants, columns)}`)
        .join(' ')} ELSE ARRAY[]::text[] END`,
    sqlFor: (columns, reader, bind) => {
      const admitted = Object.entries(cases).map(([value, grants]) => ({ value, holds: grantSqlFor(grants, columns, reader, bind) }));
      const open = admitted.filter(({ holds }) => holds === TRUE).map(({ value }) => value);
      const value = columns[fact];
      return anyOf([
        open.length > 0 ? `((${value}) IS NOT NULL AND (${value})::text IN (${open.map(literal).join(', ')}))` : FALSE,
        ...admitted
          .filter(({ holds }) => holds !== TRUE && holds !== FALSE)
          .map(({ value: one, holds }) => `((${value}) IS NOT NULL AND (${value})::text = ${literal(one)} AND ${holds})`),
      ]);
    },
  };
}

/**
 * A restriction that applies while the boolean SQL `fact` holds, for a
 * reader known in advance: while it does not hold (NULL counts as not
 * holding, as in `CASE WHEN`), whoever holds {@link EVERYONE}; while it
 * holds, whoever `admitted` says.
 */
export function unlessWhile(fact: string, reader: Principals, admitted: string): string {
  if (!reader.has(EVERYONE)) return admitted === FALSE ? FALSE : `((${fact}) IS TRUE AND ${admitted})`;
  return admitted === TRUE ? TRUE : anyOf([`((${fact}) IS NOT TRUE)`, admitted]);
}

/**
 * Who may see a kind of content, declared once. Someone is in the audience
 * when they hold at least one principal admitted by every clause (a
 * conjunction of "any of"): e.g. "reads the community" and "is the author,
 * a coordinator or staff while hidden" and "nobody once deleted". From this
 * one description come the check in JavaScript ({@link allows}), the SQL
 * condition for lists and counts ({@link condition}), the readers among a set
 * of accounts (`AccessDirectory.readersAmong`) and the restrictions a search
 * document carries so that an engine filters it ({@link restrictions}).
 */
export class Audience<F extends Facts> {
  constructor(readonly clauses: readonly Clause<F>[]) {}

  /** The same audience, further narrowed. */
  and<G extends Facts>(...more: Clause<G>[]): Audience<F & G> {
    return new Audience<F & G>([...(this.clauses as readonly Clause<F & G>[]), ...(more as Clause<F & G>[])]);
  }

  allows(facts: F, principals: Principals): boolean {
    return this.clauses.every((clause) => clause.principals(facts).some((name) => principals.has(name)));
  }

  /**
   * The clauses that restrict anything, each as the sorted principals it
   * admits: a reader must hold one principal of every list. An empty result
   * means everyone; an empty list means nobody.
   */
  restrictions(facts: F): string[][] {
    return this.clauses
      .map((clause) => [...new Set(clause.principals(facts))].sort())
      .filter((admitted) => !admitted.includes(EVERYONE));
  }

  /**
   * SQL condition "the reader holding the principals `principalsSql` (a
   * `text[]` expression, e.g. `$2::text[]`) is in the audience" over `columns`.
   */
  condition(columns: FactColumns<F>, principalsSql: string): string {
    return this.clauses.map((clause) => `(${clause.sql(columns)} && ${principalsSql})`).join(' AND ');
  }

  /**
   * "This reader is in the audience" over `columns`, for TypeORM query
   * builders (named parameters prefixed by `name`). The reader is known, so
   * the condition is {@link condition} decided in advance for their
   * principals: a public community's threads are `visibility IN ('PUBLIC')
   * AND hidden_at IS NULL` to an anonymous reader, which PostgreSQL evaluates
   * and estimates as it would a hand-written filter, instead of building and
   * intersecting arrays on every row.
   */
  where(columns: FactColumns<F>, principals: Principals, name = 'accessPrincipals'): { sql: string; params: Record<string, unknown> } {
    const params: Record<string, unknown> = {};
    const bind: BindTexts = (values) => {
      const key = `${name}${Object.keys(params).length}`;
      params[key] = [...values];
      return `CAST(:${key} AS text[])`;
    };
    // A part folded into TRUE or FALSE leaves its parameter unread, which TypeORM binds only where the text reads it.
    return { sql: allOf(this.clauses.map((clause) => clause.sqlFor(columns, principals, bind))), params };
  }
}
