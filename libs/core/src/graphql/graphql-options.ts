import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { FastifyRequest } from 'fastify';
import {
  GraphQLError,
  Kind,
  execute,
  isInputObjectType,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type TypeNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { CoreOptions } from '../core.options';
import type { RequestContext } from '../context/request-context';
import { requestScope } from '../context/request-scope';
import type { RequestContextFactory } from '../context/request-context.factory';
import type { Metrics } from '../observability/metrics';
import { AppError, formatGraphQLError, httpStatusOf } from './errors';
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
    context: (request: FastifyRequest) => contexts.forHttp(request),
    validationRules: guard.extraRules,
    plugins: [
      // The CommonJS builds of these plugins are plain marker objects the ESM server accepts.
      ApolloServerPluginLandingPageDisabled() as unknown as ApolloServerPlugin,
      // No cache hints are used; the plugin would otherwise wrap every field resolver.
      ApolloServerPluginCacheControlDisabled() as unknown as ApolloServerPlugin,
      operationGuardPlugin(guard) as ApolloServerPlugin,
      metrics.apolloPlugin(),
    ],
    formatError: (formatted, error) =>
      formatGraphQLError(formatted, error, {
        exposeInternals: graphql.exposeInternals,
        hideSchemaDetails: !graphql.introspection,
        onInternalError: (err) => logger.error({ err, reqId: requestScope.current()?.requestId }, 'GraphQL operation failed'),
      }),
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

/**
 * graphql-jit's errors have no `extensions` unless the original error had
 * some, and Apollo's formatting reads them: the same error as graphql-js makes.
 */
function standardError(error: GraphQLError): GraphQLError {
  const standard = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  return Object.assign(standard, { locations: error.locations });
}

/** What Apollo Server asks of a gateway (`@apollo/server-gateway-interface`), as far as Bottega uses it. */
interface ExecutorGateway {
  onSchemaLoadOrUpdate(callback: (schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void): () => void;
  load(options: unknown): Promise<{ executor: (request: ExecutorRequest) => Promise<ExecutionResult> }>;
  stop(): Promise<void>;
}

interface ExecutorRequest {
  readonly document: DocumentNode;
  /** Missing when the document names no such operation: graphql-js then says so. */
  readonly operation?: OperationDefinitionNode;
  readonly operationName: string | null;
  readonly request: { variables?: Record<string, unknown> };
  readonly context: unknown;
}

/**
 * Queries run as JavaScript compiled from their document by graphql-jit, which
 * spends a fraction of graphql-js's time between resolvers (a thread page
 * resolves some 1,200 fields). A document is compiled the second time it is
 * run, so one-off documents cost no compilation; compiled queries live as
 * long as Apollo's parsed-document cache keeps the document. Mutations run
 * through graphql-js, field after field as the specification has them, and
 * so do subscriptions (graphql-ws executes those).
 */
class CompiledQueries {
  private schema: GraphQLSchema | undefined;
  /** Per document and operation: run once ('seen'), compiled, or left to graphql-js ('unsupported'). */
  private readonly compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | 'seen' | 'unsupported'>>();

  use(schema: GraphQLSchema): GraphQLSchema {
    this.schema = schema;
    return schema;
  }

  gateway(): ExecutorGateway {
    const schema = () => {
      if (!this.schema) throw new Error('The GraphQL schema is not built yet');
      return this.schema;
    };
    return {
      onSchemaLoadOrUpdate: (callback) => {
        callback({ apiSchema: schema(), coreSupergraphSdl: '' });
        return () => undefined;
      },
      load: async () => ({ executor: async (request) => this.execute(schema(), request) }),
      stop: async () => undefined,
    };
  }

  private async execute(
    schema: GraphQLSchema,
    { document, operation, operationName, request, context }: ExecutorRequest,
  ): Promise<ExecutionResult> {
    const variables = request.variables ?? {};
    const query = operation?.operation === 'query' ? this.compiledFor(schema, document, operation, operationName) : null;
    if (!query) return execute({ schema, document, operationName, contextValue: context, variableValues: variables });
    const result = await query.query(undefined, context, variables);
    return result.errors ? { ...result, errors: result.errors.map(standardError) } : result;
  }

  /** The compiled query, from its second run on. */
  private compiledFor(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    operationName: string | null,
  ): CompiledQuery | null {
    let byName = this.compiled.get(document);
    if (!byName) {
      byName = new Map();
      this.compiled.set(document, byName);
    }
    const name = operationName ?? '';
    const known = byName.get(name);
    if (known === undefined) {
      byName.set(name, 'seen');
      return null;
    }
    if (known === 'unsupported') return null;
    if (known !== 'seen') return known;
    const compiled = compilable(schema, operation) ? compileQuery(schema, document, operationName ?? undefined) : null;
    const usable = compiled !== null && isCompiledQuery(compiled) ? compiled : null;
    byName.set(name, usable ?? 'unsupported');
    return usable;
  }
}

/**
 * Whether graphql-jit runs an operation as graphql-js would. Its variable
 * coercion leaves out the default values of input object fields, and reads a
 * variable left out as null where graphql-js leaves the argument or field out
 * (so its default applies): operations whose variables are all required
 * scalars or enums (`$id: ID!`, the usual reading of a page) meet neither.
 */
function compilable(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  return (operation.variableDefinitions ?? []).every(({ type }) => {
    if (type.kind !== Kind.NON_NULL_TYPE) return false;
    const named = schema.getType(namedTypeOf(type));
    return named !== undefined && named !== null && !isInputObjectType(named);
  });
}

function namedTypeOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
}
