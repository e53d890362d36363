import type { Pool } from 'pg';
import { postGraphQL, runHttpLoad, sqlStatementsPerRequest, type LoadOptions } from './http-load';
import type { PageResult } from './forum-pages';
import { pageAndCount, runSqlLoad } from './sql-load';

const QUERY = 'query Bench { territories(first: 20) { totalCount nodes { id code name level } } }';

/** The original throughput figure: territories(first: 20) against the same two statements through `pg`. */
export async function runTerritories(
  pool: Pool,
  graphqlUrl: string,
  load: LoadOptions,
  progress: (message: string) => void,
): Promise<PageResult & { totalCount: number }> {
  const body = JSON.stringify({ query: QUERY, operationName: 'Bench' });
  const totalCount = checkTerritories(await postGraphQL(graphqlUrl, body));
  const direct = await pageAndCount(pool);
  if (direct.count !== totalCount || direct.rows !== Math.min(21, direct.count)) {
    throw new Error(`raw SQL disagrees with the API: ${direct.rows} rows, count ${direct.count}; API totalCount ${totalCount}`);
  }
  const statements = await sqlStatementsPerRequest(load.statementsUrl, body, {}, 5);
  progress(`territories: raw SQL, ${load.connections} workers, ${load.warmupS} s warm-up + ${load.durationS} s…`);
  const sql = await runSqlLoad(pool, load);
  progress(`territories: GraphQL API, ${load.connections} connections, ${load.warmupS} s warm-up + ${load.durationS} s…`);
  const http = await runHttpLoad(graphqlUrl, body, load);
  return { name: 'territories', sql, http, statements, sqlStatements: 2, checked: `count ${totalCount}`, totalCount };
}

/** The page the query asked for, checked; returns its totalCount. */
function checkTerritories(data: unknown): number {
  const connection = (data as { territories?: { totalCount?: unknown; nodes?: unknown } }).territories;
  const nodes = connection?.nodes;
  const totalCount = connection?.totalCount;
  if (typeof totalCount !== 'number' || !Array.isArray(nodes) || nodes.length !== Math.min(20, totalCount) || totalCount === 0) {
    throw new Error(`unexpected territories answer: ${JSON.stringify(data).slice(0, 300)}`);
  }
  return totalCount;
}
