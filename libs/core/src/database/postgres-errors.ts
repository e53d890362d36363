import { QueryFailedError } from 'typeorm';

interface PostgresDriverError {
  code?: string;
  constraint?: string;
}

function driverError(error: unknown): PostgresDriverError | null {
  return error instanceof QueryFailedError ? (error.driverError as PostgresDriverError) : null;
}

/** True when `error` is PostgreSQL refusing a duplicate under the named unique constraint or index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const pg = driverError(error);
  return pg?.code === '23505' && pg.constraint === constraint;
}

/** True when `error` is PostgreSQL refusing a row that references a missing one. */
export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  const pg = driverError(error);
  return pg?.code === '23503' && (constraint === undefined || pg.constraint === constraint);
}
