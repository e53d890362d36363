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
import type { RequestContext } from '../context/request-context';
import { requestScope } from '../context/request-scope';

/**
 * graphql-jit's errors have no `extensions` unless the original error had
 * some, and Apollo's formatting reads them: the same error as graphql-js makes.
 */
export function standardError(error: GraphQLError): GraphQLError {
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
  readonly context: RequestContext;
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
export class CompiledQueries {
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
    return requestScope.execute(context, async () => {
      if (!query) return execute({ schema, document, operationName, contextValue: context, variableValues: variables });
      const result = await query.query(undefined, context, variables);
      return result.errors ? { ...result, errors: result.errors.map(standardError) } : result;
    });
  }

  /** The compiled operation, from its second run on; null while graphql-js runs it. */
  compiledFor(
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
export function compilable(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  return (operation.variableDefinitions ?? []).every(({ type }) => {
    if (type.kind !== Kind.NON_NULL_TYPE) return false;
    const named = schema.getType(namedTypeOf(type));
    return named !== undefined && named !== null && !isInputObjectType(named);
  });
}

function namedTypeOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
}
