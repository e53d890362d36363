import { Inject, Injectable } from '@nestjs/common';
import {
  GraphQLError,
  Kind,
  specifiedRules,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import type { RequestContext } from '../context/request-context';
import { CORE_OPTIONS, type CoreOptions } from '../core.options';
import { RateLimiter, type RateLimit } from '../rate-limit/rate-limiter';
import { BadInputError } from './errors';
import { HeavyOperationGate } from './heavy-operations';
import { CostLimitError, operationCost, validationRules } from './limits';

export interface MutationRateLimits {
  perIp: RateLimit;
  perUser: RateLimit;
}

/** An operation that passed validation, about to run. */
export interface AdmittedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
  context: RequestContext;
}

/**
 * The rules every operation passes before it runs, whichever transport
 * brought it: one list of validation rules, then text that PostgreSQL can
 * store, the cost limit, the mutation rate limits counted per mutation
 * field, and turns for heavy operations. HTTP (an Apollo plugin) and
 * graphql-ws both call this and nothing else.
 */
@Injectable()
export class OperationGuard {
  /** Ours, added to GraphQL's specified rules (Apollo adds those itself). */
  readonly extraRules: ValidationRule[];
  /** Every rule an operation is validated with, on either transport. */
  readonly rules: ValidationRule[];
  private readonly heavy: HeavyOperationGate;

  constructor(
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
    private readonly rateLimiter: RateLimiter,
  ) {
    this.extraRules = validationRules(options.graphql.limits, options.graphql.introspection);
    this.rules = [...specifiedRules, ...this.extraRules];
    this.heavy = new HeavyOperationGate(options.graphql.heavyOperations);
  }

  /**
   * Throws a typed error (BAD_USER_INPUT, RATE_LIMITED) when the operation may
   * not run; otherwise waits for its turn if it is heavy, and returns the
   * function that ends its turn, to call once it has run.
   */
  async admit(admitted: AdmittedOperation): Promise<() => void> {
    const { schema, document, operation, variables, context } = admitted;
    assertStorableText(document, variables);
    let cost: number;
    try {
      cost = operationCost(schema, document, variables, operation.name?.value);
    } catch (error) {
      // Costing coerces the variables first, so bad variables surface here.
      if (error instanceof GraphQLError) throw new BadInputError(error.message);
      throw error;
    }
    const { maxCost } = this.options.graphql.limits;
    if (cost > maxCost) throw new CostLimitError(cost, maxCost);
    if (operation.operation === 'mutation') {
      context.loaders.willWrite();
      await this.countMutations(mutationFieldCount(document, operation.selectionSet), context);
    }
    // A subscription's cost is paid per event, in the fan-out, which takes its own turns.
    if (operation.operation === 'subscription' || !this.heavy.isHeavy(cost)) return NO_TURN;
    context.heavy = true;
    return this.heavy.enter();
  }

  private async countMutations(count: number, context: RequestContext): Promise<void> {
    const limits = this.options.graphql.mutationRateLimits;
    await this.rateLimiter.consume(`mutation:ip:${context.ip}`, limits.perIp, count);
    const viewer = await context.viewer().catch(() => null);
    if (viewer) await this.rateLimiter.consume(`mutation:user:${viewer.userId}`, limits.perUser, count);
  }
}

/**
 * Top-level mutation fields, through fragments: `a: logout b: logout` is two
 * mutations, and each is counted against the rate limits.
 */
export function mutationFieldCount(document: DocumentNode, selectionSet: SelectionSetNode, seen = new Set<string>()): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    switch (selection.kind) {
      case Kind.FIELD:
        if (selection.name.value !== '__typename') count++;
        break;
      case Kind.INLINE_FRAGMENT:
        count += mutationFieldCount(document, selection.selectionSet, seen);
        break;
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        if (seen.has(name)) break;
        seen.add(name);
        const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name);
        if (fragment?.kind === Kind.FRAGMENT_DEFINITION) count += mutationFieldCount(document, fragment.selectionSet, seen);
        break;
      }
    }
  }
  return count;
}

const NO_TURN = (): void => undefined;

const NUL = '\u0000';

/** Documents already found free of NUL characters (each transport keeps one parsed document per text). */
const storableDocuments = new WeakSet<DocumentNode>();

/** PostgreSQL cannot store U+0000 in text; refuse it wherever text enters, before anything runs. */
function assertStorableText(document: DocumentNode, variables: Record<string, unknown> | undefined): void {
  const where = variables ? nulPath(variables, ['variables']) : null;
  if (where) throw new BadInputError(`Text cannot contain the NUL character (U+0000), found in ${where.join('.')}.`, where);
  if (storableDocuments.has(document)) return;
  visit(document, {
    StringValue(node) {
      if (node.value.includes(NUL)) throw new BadInputError('Text cannot contain the NUL character (U+0000).');
    },
  });
  storableDocuments.add(document);
}

function nulPath(value: unknown, path: string[]): string[] | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes(NUL)) return [...path, key];
      const found = nulPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
