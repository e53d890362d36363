import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { GraphQLError } from 'graphql';
import type { CoreOptions } from '../core.options';
import type { RequestContext } from '../context/request-context';
import type { RequestContextFactory } from '../context/request-context.factory';
import type { Metrics } from '../observability/metrics';
import { CompiledQueries } from './compiled-queries';
import { AppError, formatGraphQLError, httpStatusOf, serverFaultOf } from './errors';
import type { OperationGuard } from './operation-guard';
import { collapseOverflowErrors, meterResponses } from './response-budget';

/** Apollo on Fastify, code-first, with Bottega's limits, context and error masking. */
export function graphqlOptions(
  options: CoreOptions,
  contexts: RequestContextFactory,
  metrics: Metrics,
  guard: OperationGuard,
): ApolloDriverConfig {
  const { graphql, logger } = options;
  const queries = new CompiledQueries();
  const config: ApolloDriverConfig = {
    path: graphql.path,
    autoSchemaFile: true,
    sortSchema: true,
    transformSchema: (schema) => queries.use(meterResponses(schema)),
    graphiql: false,
    // The guard's rules refuse introspection when it is off, on both transports alike.
    introspection: true,
    includeStacktraceInErrorResponses: graphql.exposeInternals,
    context: (request: FastifyRequest, reply: FastifyReply) => contexts.forHttp(request, reply),
    validationRules: guard.extraRules,
    plugins: [
      // The CommonJS builds of these plugins are plain marker objects the ESM server accepts.
      ApolloServerPluginLandingPageDisabled() as unknown as ApolloServerPlugin,
      // No cache hints are used; the plugin would otherwise wrap every field resolver.
      ApolloServerPluginCacheControlDisabled() as unknown as ApolloServerPlugin,
      operationGuardPlugin(guard) as ApolloServerPlugin,
      serverFaultLog(logger) as ApolloServerPlugin,
      metrics.apolloPlugin(),
    ],
    formatError: (formatted, error) =>
      formatGraphQLError(formatted, error, { exposeInternals: graphql.exposeInternals, hideSchemaDetails: !graphql.introspection }),
  };
  // Apollo Server's executor hook is its gateway option, which Nest's config type leaves out (it is meant for federation).
  return Object.assign(config, { gateway: queries.gateway() });
}

/** The operation guard over HTTP, and one error (not thousands) for a response over the byte ceiling. */
function operationGuardPlugin(guard: OperationGuard): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let leave = (): void => undefined;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          try {
            leave = await guard.admit({ schema, document, operation, variables: request.variables, context: contextValue });
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            // Refused before anything ran: the status says why, as it does for invalid documents.
            throw new GraphQLError(error.message, {
              originalError: error,
              extensions: { code: error.code, ...error.details, http: { status: httpStatusOf(error.code) } },
            });
          }
        },
        async executionDidStart() {
          return { executionDidEnd: async () => leave() };
        },
        async willSendResponse({ response, contextValue }) {
          leave();
          if (response.body.kind === 'single' && contextValue.budget.exceeded && response.body.singleResult.errors) {
            response.body.singleResult.errors = collapseOverflowErrors(response.body.singleResult.errors);
          }
        },
      };
    },
  };
}

/** Every server fault of a request, logged at the error level with the request's id (the client sees it masked). */
function serverFaultLog(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const fault = serverFaultOf(error, error.extensions['code']);
            if (fault !== null) logger.error({ err: fault, reqId: contextValue.requestId }, 'GraphQL operation failed');
          }
        },
      };
    },
  };
}
