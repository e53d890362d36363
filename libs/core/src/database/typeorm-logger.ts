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

  logQuery(): void {
    const scope = requestScope.current();
    if (scope) scope.sqlStatements += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.warn({ err: error, query }, 'query failed');
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
