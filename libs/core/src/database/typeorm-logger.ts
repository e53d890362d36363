import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger as PinoLogger } from 'pino';
import { requestScope } from '../context/request-scope';

/**
 * Routes TypeORM's messages to pino and counts the statements of the current
 * request (the count shows in the `x-sql-statements` header when enabled).
 */
export class DatabaseLogger implements TypeOrmLogger {
  constructor(
    private readonly logger: PinoLogger,
    private readonly slowQueryMs: number,
  ) {}

  logQuery(query: string, parameters?: unknown[]): void {
    const scope = requestScope.current();
    if (scope) scope.sqlStatements += 1;
    if (this.logger.isLevelEnabled('trace')) this.logger.trace({ query, parameters, requestId: scope?.requestId }, 'query');
  }

  /**
   * Many failures are expected and handled by their callers (a unique
   * violation is "email taken"); one that is not surfaces as an internal
   * error, logged then with its stack. Here it is only a trace for debugging.
   */
  logQueryError(error: string | Error, query: string): void {
    const { code, constraint } = (typeof error === 'object' ? error : {}) as { code?: string; constraint?: string };
    this.logger.debug({ code, constraint, message: typeof error === 'string' ? error : error.message, query }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    if (time >= this.slowQueryMs) this.logger.warn({ durationMs: time, query }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.info({ migration: true }, message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}
