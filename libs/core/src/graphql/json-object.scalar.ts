import { GraphQLError, GraphQLScalarType } from 'graphql';

/** Output-only JSON object (e.g. an audit entry's metadata); never accepted as input. */
export const JSONObject = new GraphQLScalarType<Record<string, unknown>, Record<string, unknown>>({
  name: 'JSONObject',
  description: 'A JSON object, as stored; output only.',
  serialize: (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('JSONObject must be an object');
    return value as Record<string, unknown>;
  },
  parseValue: () => {
    throw new GraphQLError('JSONObject is output only.', { extensions: { code: 'BAD_USER_INPUT' } });
  },
  parseLiteral: () => {
    throw new GraphQLError('JSONObject is output only.', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});
