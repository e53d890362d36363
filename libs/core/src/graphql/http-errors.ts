import { ArgumentsHost, Catch, HttpException, Inject, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import { CORE_OPTIONS, type CoreOptions } from '../core.options';
import { AppError, ErrorCode, httpStatusOf } from './errors';

/** A GraphQL-over-HTTP error body: clients read every failure the same way. */
export function graphqlErrorBody(message: string, code: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

/**
 * Answers a plain HTTP route's refusal (outside GraphQL: a CSV, a calendar)
 * as the API answers its own: its HTTP status, GraphQL's error shape with the
 * error's code and details, the challenge when a token is missing, the wait
 * when rate limited, and nothing cached.
 */
export async function sendAppError(reply: FastifyReply, error: AppError): Promise<void> {
  if (error.code === ErrorCode.UNAUTHENTICATED) void reply.header('www-authenticate', 'Bearer');
  const retryAfter = error.details['retryAfterSeconds'];
  if (error.code === ErrorCode.RATE_LIMITED && typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
  await reply
    .status(httpStatusOf(error.code))
    .header('content-type', 'application/json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] }));
}

/** Apollo's code for requests that are not well-formed GraphQL over HTTP. */
const BAD_REQUEST = 'BAD_REQUEST';

function codeFor(status: number): string {
  if (status === 404) return ErrorCode.NOT_FOUND;
  if (status === 429) return ErrorCode.RATE_LIMITED;
  return status >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : BAD_REQUEST;
}

const MESSAGES: Record<number, string> = {
  408: 'The request took too long to arrive.',
  413: 'The request body is too large.',
  415: 'Send the operation as application/json.',
};

/**
 * Failures of the HTTP layer (a body over the limit, malformed JSON, an
 * unknown route) answered in GraphQL's error shape with their HTTP status.
 * Errors inside GraphQL operations pass through to Apollo, which formats
 * and logs them (so Nest does not log them a second time).
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(@Inject(CORE_OPTIONS) private readonly options: CoreOptions) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const status = statusOf(exception);
    if (status >= 500) this.options.logger.error({ err: exception }, 'HTTP request failed');
    const message = status >= 500 ? 'Internal server error' : (MESSAGES[status] ?? messageOf(exception));
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(graphqlErrorBody(message, codeFor(status)));
    return undefined;
  }
}

function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

function messageOf(exception: unknown): string {
  if (exception instanceof HttpException) return exception.message;
  return exception instanceof Error ? exception.message : (STATUS_CODES[400] ?? 'Bad request');
}

/**
 * Node's own refusals before a request reaches Fastify's routes (a body
 * arriving too slowly, headers too large, garbage), in the same shape.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const body = graphqlErrorBody(MESSAGES[status] ?? (status === 431 ? 'The request headers are too large.' : 'Malformed request.'), BAD_REQUEST);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
