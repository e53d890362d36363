import { GraphQLError, buildSchema, parse } from 'graphql';
import { ASSUMED_LIST_SIZE, operationCost } from './limits';

const schema = buildSchema(`
  interface Node { id: ID! }
  type Thing implements Node { id: ID! name: String! tags: [String!]! children: [Thing!]! }
  type ThingEdge { cursor: String! node: Thing! }
  type ThingConnection { edges: [ThingEdge!]! nodes: [Thing!]! totalCount: Int! }
  type Query {
    nodes(ids: [ID!]!): [Node]!
    things(first: Int, last: Int): ThingConnection!
    thing: Thing
  }
`);

const cost = (query: string, variables: Record<string, unknown> = {}) => operationCost(schema, parse(query), variables, undefined);

describe('operation cost', () => {
  it('pays for each id asked of nodes(ids:), repeated ones included', () => {
    expect(cost(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ['a', 'a', 'a'] })).toBe(1 + 3 * 1);
    expect(cost(`{ nodes(ids: ["a", "b"]) { ... on Thing { name tags } } }`)).toBe(1 + 2 * 2);
  });

  it('pays for a connection’s children once per item of its page, edges and nodes alike', () => {
    expect(cost(`{ things(first: 10) { totalCount nodes { id } edges { cursor node { id } } } }`)).toBe(1 + 10 * (1 + 2 + 4));
    expect(cost(`{ things(last: 3) { nodes { id } } }`)).toBe(1 + 3 * 2);
  });

  it('multiplies nested lists', () => {
    expect(cost(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Thing { children { id } } } }`, { ids: ['a', 'b'] })).toBe(
      1 + 2 * (1 + ASSUMED_LIST_SIZE * 1),
    );
  });

  it('counts every __typename, aliased or not', () => {
    expect(cost(`{ a: __typename b: __typename c: __typename }`)).toBe(3);
  });

  it('costs one document again for other variables, and refuses bad variables every time', () => {
    const document = parse(`query($first: Int, $ids: [ID!]!) { things(first: $first) { nodes { id } } nodes(ids: $ids) { id } }`);
    const costOf = (variables: Record<string, unknown>) => operationCost(schema, document, variables, undefined);
    expect(costOf({ first: 5, ids: ['a'] })).toBe(1 + 5 * 2 + (1 + 1));
    expect(costOf({ first: 50, ids: ['a', 'b'] })).toBe(1 + 50 * 2 + (1 + 2));
    expect(costOf({ first: 5, ids: ['a'] })).toBe(1 + 5 * 2 + (1 + 1));
    for (let attempt = 0; attempt < 2; attempt++) expect(() => costOf({ first: 'many', ids: ['a'] })).toThrow(GraphQLError);
  });
});
