import { buildSchema, execute, parse, type ExecutionResult, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { ResponseBudget, ResponseTooLargeError, SETTLES_LATER, meterResponses } from './response-budget';

/** Nest's resolver of a plain `@Field` is a function of this name that reads the property. */
function plainResolver(name: string) {
  const rootFieldResolver = (root: Record<string, unknown>) => root[name];
  return rootFieldResolver;
}

class Thing {
  constructor(
    readonly name: string,
    readonly size: number,
  ) {}
}
class Place {
  constructor(readonly label: string) {}
}

function meteredSchema(items: number): GraphQLSchema {
  const schema = buildSchema(`
    interface Named { name: String }
    type Thing implements Named { name: String size: Int shout: String }
    type Place { label: String }
    union Found = Thing | Place
    type Query { things: [Thing] found: [Found] lazy: Int named: [Named] }
  `);
  const thing = schema.getType('Thing') as GraphQLObjectType;
  const fields = thing.getFields();
  fields['name']!.resolve = plainResolver('name');
  fields['size']!.resolve = plainResolver('size');
  fields['shout']!.resolve = (source: Thing) => source.name.toUpperCase();
  (schema.getType('Place') as GraphQLObjectType).getFields()['label']!.resolve = plainResolver('label');
  const query = (schema.getType('Query') as GraphQLObjectType).getFields();
  const list = () => Array.from({ length: items }, (_, i) => new Thing('x'.repeat(10), i));
  query['things']!.resolve = list;
  query['named']!.resolve = list;
  query['found']!.resolve = () => [new Thing('y'.repeat(10), 1), new Place('z'.repeat(10))];
  // A plain field whose property holds a promise keeps its resolver.
  query['lazy']!.resolve = plainResolver('lazy');
  query['lazy']!.extensions = { [SETTLES_LATER]: true };
  const byClass = (value: object) => (value instanceof Thing ? 'Thing' : 'Place');
  (schema.getType('Found') as unknown as { resolveType: unknown }).resolveType = byClass;
  (schema.getType('Named') as unknown as { resolveType: unknown }).resolveType = byClass;
  return meterResponses(schema);
}

/** Runs the query through graphql-js and graphql-jit with a budget of `maxBytes`; both must agree. */
async function run(schema: GraphQLSchema, query: string, maxBytes: number, root: unknown = {}): Promise<ExecutionResult> {
  const document = parse(query);
  const interpreted = await execute({ schema, document, rootValue: root, contextValue: { budget: new ResponseBudget(maxBytes) } });
  const compiled = compileQuery(schema, document);
  if (!isCompiledQuery(compiled)) throw new Error('not compiled');
  const jit = await compiled.query(root, { budget: new ResponseBudget(maxBytes) }, {});
  expect(JSON.parse(JSON.stringify(jit))).toEqual(JSON.parse(JSON.stringify(interpreted)));
  return interpreted;
}

const tooLarge = (result: ExecutionResult) => result.errors?.some((error) => error.originalError instanceof ResponseTooLargeError) ?? false;

describe('response budget', () => {
  it('leaves plain fields without a resolver, and keeps resolvers that compute or settle later', () => {
    const schema = meteredSchema(1);
    const thing = (schema.getType('Thing') as GraphQLObjectType).getFields();
    expect(thing['name']!.resolve).toBeUndefined();
    expect(thing['size']!.resolve).toBeUndefined();
    expect(thing['shout']!.resolve).toBeInstanceOf(Function);
    expect((schema.getType('Query') as GraphQLObjectType).getFields()['lazy']!.resolve).toBeInstanceOf(Function);
  });

  it('charges the plain fields of the objects a field returns with it: names and values, to the byte', async () => {
    const schema = meteredSchema(100);
    // `things` (6 + 4), then per item `name` (4 + 4, 10 characters + 2) and `size` (4 + 4, a number 8).
    const exact = 10 + 100 * (8 + 12 + 8 + 8);
    const fits = await run(schema, '{ things { name size } }', exact);
    expect(fits.errors).toBeUndefined();
    expect((fits.data?.['things'] as unknown[]).length).toBe(100);
    const over = await run(schema, '{ things { name size } }', exact - 1);
    expect(tooLarge(over)).toBe(true);
    expect(over.data?.['things']).toBeNull();
  });

  it('charges fields reached through aliases and fragments once per response key', async () => {
    const schema = meteredSchema(10);
    const query = '{ things { a: name ...f ... on Thing { name } } } fragment f on Thing { name size }';
    // `things`, then per item `a` and `name` (each 8 + 12) and `size` (8 + 8).
    const exact = 10 + 10 * (20 + 20 + 16);
    expect((await run(schema, query, exact)).errors).toBeUndefined();
    expect(tooLarge(await run(schema, query, exact - 1))).toBe(true);
  });

  it('charges the members of unions and interfaces by their own type', async () => {
    const schema = meteredSchema(1);
    const query = '{ found { ... on Thing { name } ... on Place { label } } }';
    // `found` (5 + 4), a Thing's `name` (8 + 12) and a Place's `label` (9 + 12).
    const exact = 9 + 20 + 21;
    expect((await run(schema, query, exact)).errors).toBeUndefined();
    expect(tooLarge(await run(schema, query, exact - 1))).toBe(true);
    const named = '{ named { name } }';
    expect((await run(schema, named, 9 + 20)).errors).toBeUndefined();
    expect(tooLarge(await run(schema, named, 9 + 19))).toBe(true);
  });

  it('charges computed fields as they resolve, and awaits what settles later', async () => {
    const schema = meteredSchema(3);
    const query = '{ things { shout } lazy }';
    const root = { lazy: Promise.resolve(7) };
    // `things`, then per item `shout` (5 + 4, 10 characters + 2); `lazy` (4 + 4, a number 8).
    const exact = 10 + 3 * 21 + 16;
    const fits = await run(schema, query, exact, root);
    expect(fits.errors).toBeUndefined();
    expect(fits.data?.['lazy']).toBe(7);
    expect(tooLarge(await run(schema, query, exact - 1, root))).toBe(true);
  });
});
