import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestScope, type RequestScope } from '../context/request-scope';
import type { Metrics } from './metrics';

interface HeldScope {
  scope: RequestScope;
  release: () => void;
}

const scopes = new WeakMap<FastifyRequest, HeldScope>();

/**
 * Per-request bookkeeping on the Fastify instance: `x-request-id` on every
 * response, the HTTP latency metric, and, when `countStatements` (the count is
 * exposed, or queries are traced), a request scope counting its SQL statements.
 */
export function installHttpHooks(fastify: FastifyInstance, metrics: Metrics, counting: { countStatements: boolean; exposeCount: boolean }): void {
  if (counting.countStatements) {
    // Entered after the body is parsed, so the scope follows the handler's async work.
    fastify.addHook('preHandler', (request, _reply, done) => {
      // Recorded before `done` runs the handler inside the scope.
      const held: HeldScope = { scope: { requestId: String(request.id), sqlStatements: 0, heavy: false }, release: () => undefined };
      scopes.set(request, held);
      held.release = requestScope.hold(held.scope, done);
    });
    const release = (request: FastifyRequest, done: () => void) => {
      scopes.get(request)?.release();
      done();
    };
    fastify.addHook('onRequestAbort', release);
    fastify.addHook('onResponse', (request, _reply, done) => release(request, done));
  }
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', String(request.id));
    const held = scopes.get(request);
    if (counting.exposeCount && held) reply.header('x-sql-statements', String(held.scope.sqlStatements));
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
