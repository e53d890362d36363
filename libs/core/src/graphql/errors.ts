import { IntrinsicException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Codes carried in `extensions.code` of every GraphQL error Bottega returns. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  RATE_LIMITED = 'RATE_LIMITED',
  /** A dependency (the search engine) is not answering; the same request may work shortly. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * A failure the caller cannot fix by editing their input (authentication,
 * authorization, unknown ids, limits). Thrown by services, mapped once in
 * {@link toGraphQLError}. An answer to the client, not a fault: Nest does not
 * log it (IntrinsicException), and only server faults are logged as errors.
 */
export class AppError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'You must be signed in to do this.') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this.') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id?: string) {
    super(ErrorCode.NOT_FOUND, id === undefined ? `${what} not found.` : `${what} "${id}" not found.`);
  }
}

export class BadInputError extends AppError {
  constructor(message: string, field?: string[]) {
    super(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
  }
}

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(ErrorCode.RATE_LIMITED, `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
      retryAfterSeconds,
    });
  }
}

/** Whether an error with this code is the server's fault and must be logged as such. */
export function isServerFault(code: ErrorCode): boolean {
  switch (code) {
    case ErrorCode.INTERNAL_SERVER_ERROR:
    case ErrorCode.SERVICE_UNAVAILABLE:
      return true;
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.FORBIDDEN:
    case ErrorCode.NOT_FOUND:
    case ErrorCode.BAD_USER_INPUT:
    case ErrorCode.RATE_LIMITED:
      return false;
    default: {
      const unmapped: never = code;
      throw new Error(`Unmapped error code ${String(unmapped)}`);
    }
  }
}

/** The HTTP status of a request refused before anything ran (a response with data is always 200). */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.BAD_USER_INPUT:
      return 400;
    case ErrorCode.RATE_LIMITED:
      return 429;
    case ErrorCode.INTERNAL_SERVER_ERROR:
      return 500;
    case ErrorCode.SERVICE_UNAVAILABLE:
      return 503;
    default: {
      const unmapped: never = code;
      throw new Error(`Unmapped error code ${String(unmapped)}`);
    }
  }
}

/** graphql-js's hint at field, argument and enum names close to a wrong one. */
const SUGGESTION = / Did you mean(.+?)\?$/;

/** Apollo's own codes for failures before execution, kept as they are. */
const PASSTHROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  ErrorCode.RATE_LIMITED,
]);

export interface ErrorFormatOptions {
  /** Include stack traces and unmasked messages (development only). */
  exposeInternals: boolean;
  /** Leave out the "Did you mean …?" suggestions that spell out the schema (when introspection is off). */
  hideSchemaDetails: boolean;
  /** Called with the cause of every server fault, for it to be logged; over HTTP they are logged with the request instead (see `serverFaultOf`). */
  onInternalError?: (error: unknown) => void;
}

/**
 * The cause behind `error` when it is the server's fault, which the client
 * sees masked as INTERNAL_SERVER_ERROR (or as its typed server code) and which
 * is logged at the error level; null when it is the client's. `code` is the
 * GraphQL error's `extensions.code`.
 */
export function serverFaultOf(error: unknown, code: unknown): unknown {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof AppError) return isServerFault(original.code) ? original : null;
  if (original instanceof GraphQLError && typeof code === 'string' && PASSTHROUGH_CODES.has(code)) return null;
  return original;
}

/**
 * The one place where thrown errors become client-facing GraphQL errors:
 * typed application errors keep their code and message, anything else is
 * masked as INTERNAL_SERVER_ERROR (and reported through `onInternalError`).
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: ErrorFormatOptions,
): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  const fault = serverFaultOf(error, code);
  if (fault !== null) options.onInternalError?.(fault);
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof AppError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: original.code, ...original.details },
    };
  }
  if (fault === null) {
    const shown = options.hideSchemaDetails ? { ...formatted, message: formatted.message.replace(SUGGESTION, '') } : formatted;
    return options.exposeInternals ? shown : withoutStacktrace(shown);
  }
  if (options.exposeInternals) return formatted;
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/** A typed error as a GraphQLError, for transports that bypass Apollo (graphql-ws). */
export function toGraphQLError(error: AppError): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, ...error.details },
  });
}
