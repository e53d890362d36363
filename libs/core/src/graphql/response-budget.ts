import {
  GraphQLObjectType,
  defaultFieldResolver,
  getNamedType,
  isLeafType,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { AppError, ErrorCode } from './errors';

/** A response (or subscription event) that would pass the byte ceiling. */
export class ResponseTooLargeError extends AppError {
  constructor(maxResponseBytes: number) {
    super(
      ErrorCode.BAD_USER_INPUT,
      `The response would be larger than ${maxResponseBytes} bytes; ask for fewer items or fields.`,
      { maxResponseBytes },
    );
  }
}

/**
 * The bytes one response may still grow by. Every resolved field is charged
 * while the operation executes, so a response over the ceiling stops growing
 * at the ceiling instead of being built whole and then refused.
 */
export class ResponseBudget {
  private used = 0;
  private refusal: ResponseTooLargeError | null = null;

  constructor(readonly maxBytes: number) {}

  get exceeded(): boolean {
    return this.refusal !== null;
  }

  /** Adds to the response size; throws once the ceiling is passed, and for every field after. */
  charge(bytes: number): void {
    if (this.refusal) throw this.refusal;
    this.used += bytes;
    if (this.used > this.maxBytes) {
      this.refusal = new ResponseTooLargeError(this.maxBytes);
      throw this.refusal;
    }
  }

  /** A subscription starts each event afresh. */
  reset(): void {
    this.used = 0;
    this.refusal = null;
  }
}

interface MeteredContext {
  budget?: ResponseBudget;
}

/**
 * Wraps every field of the schema so that it charges the request's
 * {@link ResponseBudget}: its name before it resolves (so nothing below a
 * refused field runs), and for scalars and enums the size of the value.
 */
export function meterResponses(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      field.resolve = metered(field.resolve ?? defaultFieldResolver, field.name.length + 4, isLeafType(getNamedType(field.type)));
    }
  }
  return schema;
}

function metered(
  resolve: GraphQLFieldResolver<unknown, MeteredContext>,
  keyBytes: number,
  leaf: boolean,
): GraphQLFieldResolver<unknown, MeteredContext> {
  return (source, args, context, info) => {
    const budget = context?.budget;
    if (!budget) return resolve(source, args, context, info);
    budget.charge(keyBytes);
    const value: unknown = resolve(source, args, context, info);
    if (!leaf) return value;
    if (value instanceof Promise) {
      return value.then((resolved: unknown) => {
        budget.charge(valueBytes(resolved));
        return resolved;
      });
    }
    budget.charge(valueBytes(value));
    return value;
  };
}

/** About the bytes a leaf value takes in JSON (characters, not UTF-8 bytes). */
function valueBytes(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (value === null || value === undefined) return 4;
  if (typeof value === 'number' || typeof value === 'boolean') return 8;
  if (value instanceof Date) return 26;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + valueBytes(item) + 1, 2);
  return JSON.stringify(value)?.length ?? 4;
}

/**
 * Once the ceiling is passed every later field fails the same way; the
 * response keeps the first of those errors only.
 */
export function collapseOverflowErrors<E extends GraphQLFormattedError>(errors: readonly E[]): E[] {
  let seen = false;
  return errors.filter((error) => {
    if (error.extensions?.['maxResponseBytes'] === undefined) return true;
    if (seen) return false;
    seen = true;
    return true;
  });
}
