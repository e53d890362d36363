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

/** One condition of an audience: the principals it admits, in JavaScript and in SQL. */
export interface Clause<F extends Facts> {
  principals(facts: F): string[];
  sql(columns: FactColumns<F>): string;
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
  };
}

/** While the boolean `fact` holds, admits only these (`[]`: nobody); otherwise everyone. */
export function restrictedWhile<F extends Facts>(fact: keyof F & string, grants: readonly Grant<F>[]): Clause<F> {
  return {
    principals: (facts) => (facts[fact] === true ? grantPrincipals(grants, facts) : [EVERYONE]),
    sql: (columns) => `CASE WHEN (${columns[fact]}) THEN ${grantArraySql(grants, columns)} ELSE ARRAY[${literal(EVERYONE)}]::text[] END`,
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
  };
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

  /** {@link condition} with a named parameter, for TypeORM query builders. */
  where(columns: FactColumns<F>, principals: Principals, name = 'accessPrincipals'): { sql: string; params: Record<string, unknown> } {
    return { sql: this.condition(columns, `CAST(:${name} AS text[])`), params: { [name]: principals.list } };
  }
}
