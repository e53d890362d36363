import { Client } from 'pg';
import { EVERYONE, Principals, type Audience, type FactColumns, type Facts } from '@bottega/core';
import { createTestDatabase, dropTestDatabase } from './test-database';

/** Every combination of the given values for each fact. */
export function combinations<F>(values: { [K in keyof F]: readonly F[K][] }): F[] {
  return Object.entries(values).reduce<Record<string, unknown>[]>(
    (all, [fact, options]) => all.flatMap((partial) => (options as unknown[]).map((value) => ({ ...partial, [fact]: value }))),
    [{}],
  ) as F[];
}

/** A plain connection to a fresh migrated database, for tests of SQL fragments; `close` drops it. */
export async function openTestDatabaseClient(): Promise<{ client: Client; close: () => Promise<void> }> {
  const url = await createTestDatabase();
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    client,
    close: async () => {
      await client.end();
      await dropTestDatabase(url);
    },
  };
}

/** Which `item:reader` pairs an audience admits, asked each of the ways the code asks it. */
export interface Admissions {
  javascript: Set<string>;
  sql: Set<string>;
  /** In SQL decided in advance for each reader (`Audience.where`), as lists and counts ask it. */
  bound: Set<string>;
  /** As a search engine filters: a reader holds one principal of every restriction. */
  restrictions: Set<string>;
}

/**
 * Asks an audience about every item (facts) and every reader (their
 * principals) in JavaScript, in SQL (one statement, the facts given as JSON)
 * and through its search restrictions, so a test can require one answer.
 */
export async function admissions<F extends Facts>(
  client: Client,
  audience: Audience<F>,
  items: readonly F[],
  readers: Readonly<Record<string, readonly string[]>>,
): Promise<Admissions> {
  const javascript = new Set<string>();
  const restrictions = new Set<string>();
  items.forEach((facts, item) => {
    const restricted = audience.restrictions(facts);
    for (const [reader, names] of Object.entries(readers)) {
      if (audience.allows(facts, new Principals(null, names))) javascript.add(`${item}:${reader}`);
      if (names.includes(EVERYONE) && restricted.every((admits) => admits.some((name) => names.includes(name)))) {
        restrictions.add(`${item}:${reader}`);
      }
    }
  });
  const factNames = Object.keys(items[0] ?? {}) as (keyof F & string)[];
  const columns = Object.fromEntries(
    factNames.map((fact) => [
      fact,
      items.some((facts) => typeof facts[fact] === 'boolean') ? `(f.facts ->> '${fact}')::boolean` : `(f.facts ->> '${fact}')`,
    ]),
  ) as FactColumns<F>;
  const { rows } = await client.query<{ item: string; reader: string }>(
    `SELECT f.i - 1 AS item, r.name AS reader
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS f(facts, i),
            jsonb_each($2::jsonb) AS r(name, principals)
      WHERE ${audience.condition(columns, 'ARRAY(SELECT jsonb_array_elements_text(r.principals))')}`,
    [JSON.stringify(items), JSON.stringify(readers)],
  );
  const bound = new Set<string>();
  for (const [reader, names] of Object.entries(readers)) {
    const { sql, params } = audience.where(columns, new Principals(null, names), 'reader');
    const values: unknown[] = [JSON.stringify(items)];
    // Named parameters as pg's positional ones, only those the text reads (as TypeORM binds them).
    const positional = sql.replace(/:(\w+)/g, (named, key: string) => (key in params ? `$${values.push(params[key])}` : named));
    const admitted = await client.query<{ item: string }>(
      `SELECT f.i - 1 AS item FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS f(facts, i) WHERE ${positional}`,
      values,
    );
    for (const row of admitted.rows) bound.add(`${row.item}:${reader}`);
  }
  return { javascript, sql: new Set(rows.map((row) => `${row.item}:${row.reader}`)), bound, restrictions };
}
