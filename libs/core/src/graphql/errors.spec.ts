import { GraphQLError } from 'graphql';
import { ErrorCode, NotFoundError, formatGraphQLError } from './errors';

describe('formatGraphQLError', () => {
  const options = (exposeInternals = false) => ({ exposeInternals, hideSchemaDetails: false, onInternalError: jest.fn() });
  const located = { message: 'x', locations: [{ line: 1, column: 2 }], path: ['a'] };

  it('keeps a typed error’s code and message', () => {
    const error = new GraphQLError('x', { originalError: new NotFoundError('Project', 'abc') });
    expect(formatGraphQLError(located, error, options())).toEqual({
      message: 'Project "abc" not found.',
      locations: located.locations,
      path: ['a'],
      extensions: { code: ErrorCode.NOT_FOUND },
    });
  });

  it('masks anything else and reports it, unless internals are exposed', () => {
    const opts = options();
    const cause = new Error('relation "secret_table" does not exist');
    const error = new GraphQLError(cause.message, { originalError: cause });
    const formatted = formatGraphQLError({ ...located, extensions: { stacktrace: ['at db'] } }, error, opts);
    expect(formatted).toEqual({ ...located, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(opts.onInternalError).toHaveBeenCalledWith(cause);
    expect(formatGraphQLError(located, error, options(true))).toBe(located);
  });

  it('passes validation failures through without their stack trace', () => {
    const error = new GraphQLError('Cannot query field "x"');
    const formatted = formatGraphQLError(
      { message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['...'] } },
      error,
      options(),
    );
    expect(formatted).toEqual({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });
});
