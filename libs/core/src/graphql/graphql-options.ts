import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { FastifyRequest } from 'fastify';
import type { CoreOptions } from '../core.options';
import type { RequestContextFactory } from '../context/request-context.factory';
import type { Metrics } from '../observability/metrics';
import { formatGraphQLError } from './errors';
import { costLimitPlugin, limitRules } from './limits';
import { mutationRateLimitPlugin } from '../rate-limit/mutation-rate-limit.plugin';
import type { RateLimiter } from '../rate-limit/rate-limiter';

/** Apollo on Fastify, code-first, with Bottega's limits, context and error masking. */
export function graphqlOptions(
  options: CoreOptions,
  contexts: RequestContextFactory,
  metrics: Metrics,
  rateLimiter: RateLimiter,
): ApolloDriverConfig {
  const { graphql, logger } = options;
  return {
    path: graphql.path,
    autoSchemaFile: true,
    sortSchema: true,
    graphiql: false,
    introspection: graphql.introspection,
    includeStacktraceInErrorResponses: graphql.exposeInternals,
    context: (request: FastifyRequest) => contexts.forHttp(request),
    validationRules: limitRules(graphql.limits),
    plugins: [
      // The CommonJS builds of these plugins are plain marker objects the ESM server accepts.
      ApolloServerPluginLandingPageDisabled() as unknown as ApolloServerPlugin,
      // No cache hints are used; the plugin would otherwise wrap every field resolver.
      ApolloServerPluginCacheControlDisabled() as unknown as ApolloServerPlugin,
      costLimitPlugin(graphql.limits.maxCost),
      mutationRateLimitPlugin(rateLimiter, graphql.mutationRateLimits) as ApolloServerPlugin,
      metrics.apolloPlugin(),
    ],
    formatError: (formatted, error) =>
      formatGraphQLError(formatted, error, {
        exposeInternals: graphql.exposeInternals,
        onInternalError: (err) => logger.error({ err }, 'GraphQL operation failed'),
      }),
  };
}
