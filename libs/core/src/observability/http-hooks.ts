import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestScope, type RequestScope } from '../context/request-scope';
import type { Metrics } from './metrics';

const scopes = new WeakMap<FastifyRequest, RequestScope>();

/**
 * Per-request bookkeeping on the Fastify instance: request scope (request id,
 * SQL statement count), `x-request-id` on every response, HTTP latency metric.
 */
export function installHttpHooks(fastify: FastifyInstance, metrics: Metrics, exposeSqlStatementCount: boolean): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    scopes.set(request, { requestId: String(request.id), sqlStatements: 0 });
    done();
  });
  // Entered after the body is parsed, so the scope follows the handler's async work.
  fastify.addHook('preHandler', (request, _reply, done) => {
    const scope = scopes.get(request);
    if (scope) requestScope.run(scope, done);
    else done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', String(request.id));
    const scope = scopes.get(request);
    if (exposeSqlStatementCount && scope) reply.header('x-sql-statements', String(scope.sqlStatements));
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
