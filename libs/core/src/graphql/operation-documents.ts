import { GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { LRUCache } from 'lru-cache';

/** A parsed and validated document, or why it is refused. */
export type CheckedDocument = { document: DocumentNode } | { errors: readonly GraphQLError[] };

/**
 * Documents parsed and validated once per text, as Apollo does over HTTP:
 * thousands of sockets sending the same subscription share one document
 * (and so one compiled operation and one result per event). Bounded, since
 * texts come from clients.
 */
export class OperationDocuments {
  private readonly checked: LRUCache<string, CheckedDocument>;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: readonly ValidationRule[],
    maxEntries = 1_000,
  ) {
    this.checked = new LRUCache({ max: maxEntries, maxSize: 8 * 1024 * 1024, sizeCalculation: (_value, text) => text.length + 1 });
  }

  check(text: string): CheckedDocument {
    let checked = this.checked.get(text);
    if (!checked) {
      checked = this.parseAndValidate(text);
      this.checked.set(text, checked);
    }
    return checked;
  }

  private parseAndValidate(text: string): CheckedDocument {
    let document: DocumentNode;
    try {
      document = parse(text);
    } catch (error) {
      const message = error instanceof GraphQLError ? error.message : 'Could not parse the operation.';
      return { errors: [withCode(new GraphQLError(message), 'GRAPHQL_PARSE_FAILED')] };
    }
    const errors = validate(this.schema, document, this.rules);
    return errors.length > 0 ? { errors: errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')) } : { document };
  }
}

/** The code Apollo gives the same failure over HTTP. */
export function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code } });
}
