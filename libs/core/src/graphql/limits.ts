// @nestjs/apollo runs the ESM build of Apollo Server, so its types come from there.
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  getNamedType,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './connection';
import { ErrorCode } from './errors';

export interface GraphQLLimits {
  /** Deepest selection nesting allowed. */
  maxDepth: number;
  /** Most aliases in one operation. */
  maxAliases: number;
  /** Highest estimated cost of one operation (each field 1, lists multiplied by their page size). */
  maxCost: number;
}

/** Depth and alias limits, as validation rules shared by HTTP and graphql-ws. */
export function limitRules(limits: GraphQLLimits): ValidationRule[] {
  // Reported as validation errors; graphql-armor's default throw would read as an internal failure.
  const report = {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  };
  return [
    maxDepthRule({ n: limits.maxDepth, ...report }) as unknown as ValidationRule,
    maxAliasesRule({ n: limits.maxAliases, ...report }) as unknown as ValidationRule,
  ];
}

/** A connection's children are paid once per item asked for. */
const connectionEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!getNamedType(field.type).name.endsWith('Connection')) return undefined;
  const pageSize = Number(args['first'] ?? args['last'] ?? DEFAULT_PAGE_SIZE);
  return 1 + childComplexity * Math.max(1, pageSize);
};

/** Estimated cost of an operation, or an error when it passes the limit. */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  maxCost: number,
): GraphQLError | null {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      ...(operationName ? { operationName } : {}),
      estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    // Costing coerces the variables first, so bad variables surface here.
    if (!(error instanceof GraphQLError)) throw error;
    return new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: ErrorCode.BAD_USER_INPUT } });
  }
  if (cost <= maxCost) return null;
  return new GraphQLError(`This operation costs ${cost}, more than the maximum of ${maxCost}; ask for fewer items.`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, cost, maxCost },
  });
}

/** Refuses over-costly operations before they execute. */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const error = checkCost(schema, document, request.variables, operationName ?? undefined, maxCost);
          if (error) throw error;
        },
      };
    },
  };
}
