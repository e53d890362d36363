import {
  GraphQLObjectType,
  Kind,
  defaultFieldResolver,
  getNamedType,
  isAbstractType,
  isLeafType,
  type FieldNode,
  type GraphQLAbstractType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
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
 * Wraps the schema's fields so that they charge the request's
 * {@link ResponseBudget}: a field charges its name before it resolves (so
 * nothing below a refused field runs), and, once resolved, the size of its
 * value if it is a scalar or enum, or else the plain leaves of the objects it
 * produced.
 *
 * Plain leaves are the scalar and enum fields that only read the property of
 * their name: Nest gives each plain `@Field` a resolver that does just that,
 * and it is removed here, so that graphql-js reads the property itself and
 * graphql-jit compiles the read inline instead of calling a resolver (with its
 * path and info objects) for every reaction count of every post. They are then
 * charged by the field that produced their object, in one pass over its
 * selection.
 */
export function meterResponses(schema: GraphQLSchema): GraphQLSchema {
  const objectTypes = Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType => type instanceof GraphQLObjectType && !type.name.startsWith('__'),
  );
  for (const type of objectTypes) {
    for (const field of Object.values(type.getFields())) {
      if (readsOwnProperty(field)) field.resolve = undefined;
    }
  }
  const plainLeaves = new PlainLeaves(schema);
  for (const type of objectTypes) {
    for (const field of Object.values(type.getFields())) {
      const leaf = isLeafType(getNamedType(field.type));
      if (leaf && !field.resolve) continue;
      field.resolve = metered(field.resolve ?? defaultFieldResolver, field.name.length + 4, leaf ? null : plainLeaves);
    }
  }
  return schema;
}

/**
 * The field extension of a plain `@Field` whose property holds a promise (a
 * count run only when asked for): it keeps its resolver, which awaits it.
 */
export const SETTLES_LATER = 'settlesLater';

/** Nest's resolver of a plain `@Field`: the property of the field's name, undefined when missing. */
function readsOwnProperty(field: GraphQLField<unknown, unknown>): boolean {
  const resolve = field.resolve as ((source: unknown) => unknown) | undefined;
  if (resolve?.name !== 'rootFieldResolver' || field.extensions[SETTLES_LATER] === true) return false;
  const probe = {};
  return resolve({ [field.name]: probe }) === probe && resolve({}) === undefined;
}

function metered(
  resolve: GraphQLFieldResolver<unknown, MeteredContext>,
  keyBytes: number,
  plainLeaves: PlainLeaves | null,
): GraphQLFieldResolver<unknown, MeteredContext> {
  return (source, args, context, info) => {
    const budget = context?.budget;
    if (!budget) return resolve(source, args, context, info);
    budget.charge(keyBytes);
    const charge = (resolved: unknown): unknown => {
      budget.charge(plainLeaves ? plainLeaves.bytes(resolved, info, context) : valueBytes(resolved));
      return resolved;
    };
    const value: unknown = resolve(source, args, context, info);
    return value instanceof Promise ? value.then(charge) : charge(value);
  };
}

interface PlainLeaf {
  name: string;
  keyBytes: number;
}

/** The plain leaves an object field's selection reads from each object it produces, per concrete type. */
class PlainLeaves {
  private readonly plans = new WeakMap<FieldNode, { fieldNodes: readonly FieldNode[]; byType: Map<string, PlainLeaf[]> }>();

  constructor(private readonly schema: GraphQLSchema) {}

  /** Bytes of the plain leaves of `value` (an object, a list of them, or nothing) under `info`'s selection. */
  bytes(value: unknown, info: GraphQLResolveInfo, context: unknown): number {
    const named = getNamedType(info.returnType) as GraphQLObjectType | GraphQLAbstractType;
    // An object type's leaves are planned once for a whole list; an abstract type's per item.
    if (named instanceof GraphQLObjectType) {
      const leaves = this.plan(info, named);
      return this.sum(value, () => leaves);
    }
    return this.sum(value, (item) => this.plan(info, this.concreteType(item, named, context, info)));
  }

  private sum(value: unknown, leavesOf: (item: object) => PlainLeaf[]): number {
    if (value === null || value === undefined || value instanceof Error || typeof value !== 'object') return 0;
    if (Array.isArray(value)) return value.reduce((sum: number, item: unknown) => sum + this.sum(item, leavesOf), 0);
    let bytes = 0;
    for (const leaf of leavesOf(value)) bytes += leaf.keyBytes + valueBytes((value as Record<string, unknown>)[leaf.name]);
    return bytes;
  }

  /** The object type of `value`, or null when its abstract type cannot say it at once (then every possible type counts). */
  private concreteType(value: object, named: GraphQLAbstractType, context: unknown, info: GraphQLResolveInfo): GraphQLObjectType | null {
    const resolved: unknown = named.resolveType?.(value, context, info, named);
    const type = typeof resolved === 'string' ? this.schema.getType(resolved) : resolved;
    return type instanceof GraphQLObjectType ? type : null;
  }

  private plan(info: GraphQLResolveInfo, type: GraphQLObjectType | null): PlainLeaf[] {
    const [first] = info.fieldNodes;
    if (!first) return [];
    let plan = this.plans.get(first);
    if (!plan || !sameNodes(plan.fieldNodes, info.fieldNodes)) {
      plan = { fieldNodes: info.fieldNodes, byType: new Map() };
      this.plans.set(first, plan);
    }
    const key = type?.name ?? '';
    let leaves = plan.byType.get(key);
    if (!leaves) {
      const types = type ? [type] : this.schema.getPossibleTypes(getNamedType(info.returnType) as GraphQLAbstractType);
      const found = new Map<string, PlainLeaf>();
      for (const candidate of types) {
        for (const node of info.fieldNodes) {
          if (node.selectionSet) this.collect(node.selectionSet, candidate, info.fragments, found, new Set());
        }
      }
      leaves = [...found.values()];
      plan.byType.set(key, leaves);
    }
    return leaves;
  }

  /** Plain leaves selected on `type`, by response key; directives are ignored, so a skipped field still counts. */
  private collect(
    selectionSet: SelectionSetNode,
    type: GraphQLObjectType,
    fragments: GraphQLResolveInfo['fragments'],
    found: Map<string, PlainLeaf>,
    spread: Set<string>,
  ): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = type.getFields()[selection.name.value];
        if (field && !field.resolve && isLeafType(getNamedType(field.type))) {
          found.set(`${type.name}.${selection.alias?.value ?? field.name}`, { name: field.name, keyBytes: field.name.length + 4 });
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || this.applies(selection.typeCondition.name.value, type)) {
          this.collect(selection.selectionSet, type, fragments, found, spread);
        }
      } else {
        const fragment = fragments[selection.name.value];
        if (fragment && !spread.has(fragment.name.value) && this.applies(fragment.typeCondition.name.value, type)) {
          spread.add(fragment.name.value);
          this.collect(fragment.selectionSet, type, fragments, found, spread);
        }
      }
    }
  }

  private applies(condition: string, type: GraphQLObjectType): boolean {
    if (condition === type.name) return true;
    const named = this.schema.getType(condition);
    return named !== undefined && isAbstractType(named) && this.schema.isSubType(named, type);
  }
}

function sameNodes(a: readonly FieldNode[], b: readonly FieldNode[]): boolean {
  return a === b || (a.length === b.length && a.every((node, i) => node === b[i]));
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
