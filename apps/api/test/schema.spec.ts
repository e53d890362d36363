import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLObjectType, lexicographicSortSchema, printSchema } from 'graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startTestApp, type TestApp } from './support/test-app';

const SCHEMA_FILE = resolve(__dirname, '../../../schema.graphql');
const HEADER = '# Generated from the code by `npm run schema`; do not edit.\n\n';

describe('schema.graphql', () => {
  let t: TestApp;
  let printed: string;
  beforeAll(async () => {
    t = await startTestApp();
    printed = HEADER + printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema)) + '\n';
    if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(SCHEMA_FILE, printed);
  });
  afterAll(() => t.close());

  it('is what the code produces (run `npm run schema` after changing the API)', () => {
    expect(existsSync(SCHEMA_FILE)).toBe(true);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printed);
  });

  it('follows the Relay and payload conventions', () => {
    expect(printed).toContain('interface Node {\n  """Opaque global id; use it with `node(id:)`."""\n  id: ID!\n}');
    expect(printed).toMatch(/type PageInfo \{[^}]*endCursor: String[^}]*hasNextPage: Boolean!/s);
    expect(printed).toMatch(/type UserError \{[^}]*code: UserErrorCode![^}]*field: \[String!\][^}]*message: String!/s);
    for (const connection of ['TerritoryConnection', 'OrganizationConnection', 'ProjectConnection']) {
      expect(printed).toMatch(new RegExp(`type ${connection} \\{[^}]*edges: \\[\\w+Edge!\\]![^}]*pageInfo: PageInfo![^}]*totalCount: Int!`, 's'));
    }
    const mutations = /type Mutation \{([^}]*)\}/s.exec(printed)?.[1] ?? '';
    // Every mutation takes one `input` and returns a nullable payload, so that when one of several
    // mutations in a document fails, the others' results still reach the client (partial data).
    const fields = [...mutations.matchAll(/^\s+(\w+)\(input: (\w+)!?\): (\w+)$/gm)];
    expect(fields.length).toBe([...mutations.matchAll(/^\s+\w+\(/gm)].length);
    expect(fields.length).toBeGreaterThan(10);
    for (const [, name, , payload] of fields) {
      expect(printed).toMatch(new RegExp(`type ${payload} \\{[^}]*userErrors: \\[UserError!\\]!`, 's'));
      expect(name).toMatch(/^[a-z]+([A-Z][a-z]+)*$/);
    }
  });
  it('runs the hot types\' plain fields without resolvers, which graphql-jit then reads inline', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const resolverOf = (type: string, field: string) => {
      const found = schema.getType(type);
      if (!(found instanceof GraphQLObjectType)) throw new Error(`${type} is not an object type`);
      const definition = found.getFields()[field];
      if (!definition) throw new Error(`${type}.${field} does not exist`);
      return definition.resolve;
    };
    const plain = {
      Post: ['id', 'createdAt', 'version', 'deleted', 'hidden'],
      ReactionSummary: ['kind', 'count', 'viewerHasReacted'],
      Thread: ['id', 'title', 'postCount', 'lastActivityAt'],
      User: ['id', 'displayName', 'handle'],
      Community: ['id', 'name', 'slug'],
      PageInfo: ['hasNextPage', 'endCursor'],
    };
    for (const [type, fields] of Object.entries(plain)) {
      for (const field of fields) expect([`${type}.${field}`, resolverOf(type, field)]).toEqual([`${type}.${field}`, undefined]);
    }
    // Computed fields, and a count that runs only when asked for, keep theirs.
    expect(resolverOf('Post', 'bodyHtml')).toBeInstanceOf(Function);
    expect(resolverOf('PostConnection', 'totalCount')).toBeInstanceOf(Function);
  });
});
