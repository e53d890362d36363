import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  NoSchemaIntrospectionCustomRule,
  type GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { LRUCache } from 'lru-cache';
import { DEFAULT_PAGE_SIZE } from './connection';
import { AppError, ErrorCode } from './errors';

export interface GraphQLLimits {
  /** Deepest selection nesting allowed. */
  maxDepth: number;
  /** Most aliases in one operation (`__typename` included). */
  maxAliases: number;
  /** Highest estimated cost of one operation (each field 1, multiplied by the size of every list it is in). */
  maxCost: number;
  /** Largest response (or subscription event), in bytes of field names and values; larger is an error. */
  maxResponseBytes: number;
}

/**
 * The validation rules both transports add to GraphQL's own: depth and alias
 * limits, and (when introspection is off) the introspection ban.
 */
export function validationRules(limits: GraphQLLimits, introspection: boolean): ValidationRule[] {
  // Reported as validation errors; graphql-armor's default throw would read as an internal failure.
  const report = {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  };
  return [
    maxDepthRule({ n: limits.maxDepth, ...report }) as unknown as ValidationRule,
    // An aliased `__typename` costs what any field costs, so it counts like one.
    maxAliasesRule({ n: limits.maxAliases, allowList: [], ...report }) as unknown as ValidationRule,
    ...(introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
}

/** How many items a list field without a size argument is assumed to hold. */
export const ASSUMED_LIST_SIZE = 10;

/**
 * A field's children are paid once per item it can return: a connection's
 * `first`/`last`, a list argument's length (`nodes(ids:)`), or an assumed
 * size for other lists of objects.
 */
const listEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // A connection's `edges` and `nodes` are its page, already paid for by the connection field.
  if (type.name.endsWith('Connection')) return undefined;
  if (getNamedType(field.type).name.endsWith('Connection')) {
    return 1 + childComplexity * Math.max(1, Number(args['first'] ?? args['last'] ?? DEFAULT_PAGE_SIZE));
  }
  if (!isListType(getNullableType(field.type))) return undefined;
  const listArguments = Object.values(args).filter(Array.isArray) as unknown[][];
  const items = listArguments.length > 0 ? Math.max(...listArguments.map((list) => list.length)) : ASSUMED_LIST_SIZE;
  return 1 + childComplexity * Math.max(1, items);
};

/**
 * The costs already estimated, per document: Apollo and graphql-ws each keep
 * one parsed document per text, so an operation sent again with the same
 * variables is costed once.
 */
const knownCosts = new WeakMap<DocumentNode, LRUCache<string, number>>();
/** Costs remembered per document (one per distinct operation name and variables). */
const COSTS_PER_DOCUMENT = 64;
/** Variables longer than this (as JSON) are costed each time rather than kept as a key. */
const MAX_COST_KEY_LENGTH = 2_000;

/** Estimated cost of an operation (see {@link GraphQLLimits.maxCost}); throws GraphQLError for bad variables. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  const key = `${operationName ?? ''} ${JSON.stringify(variables ?? {})}`;
  if (key.length > MAX_COST_KEY_LENGTH) return estimateCost(schema, document, variables, operationName);
  let costs = knownCosts.get(document);
  if (!costs) {
    costs = new LRUCache({ max: COSTS_PER_DOCUMENT });
    knownCosts.set(document, costs);
  }
  const known = costs.get(key);
  if (known !== undefined) return known;
  const cost = estimateCost(schema, document, variables, operationName);
  costs.set(key, cost);
  return cost;
}

function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    ...(operationName ? { operationName } : {}),
    estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** The refusal of an operation over the cost limit. */
export class CostLimitError extends AppError {
  constructor(cost: number, maxCost: number) {
    super(ErrorCode.BAD_USER_INPUT, `This operation costs ${cost}, more than the maximum of ${maxCost}; ask for fewer items.`, {
      cost,
      maxCost,
    });
  }
}
