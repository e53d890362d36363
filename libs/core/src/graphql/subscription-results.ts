import { createSourceEventStream, execute, getOperationAST, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { AccessDirectory } from '../access/access-directory';
import type { RequestContext } from '../context/request-context';
import { eventStream } from '../pubsub/event-stream';
import { CompiledQueries, standardError } from './compiled-queries';

type Results = AsyncIterableIterator<ExecutionResult>;

/**
 * Runs graphql-ws subscriptions. One event reaches many subscribers at once;
 * each subscriber's stream still loads and authorizes the event for its
 * receiver, but the selection then runs once per distinct operation (document,
 * operation name, variables) and access outcome (the receiver's principals),
 * and every subscriber with both receives that one result. Access rules read
 * principals only, and viewer-specific fields (`viewerHasReacted`) read the
 * account, whose own `user:` principal makes its outcome its own: anonymous
 * readers share, each signed-in account computes its own. The selection runs
 * compiled (graphql-jit) once a document has been run before, as queries do.
 */
export class SubscriptionResults {
  private readonly compiled = new CompiledQueries();
  private readonly documentIds = new WeakMap<DocumentNode, number>();
  private nextDocumentId = 0;

  constructor(private readonly directory: AccessDirectory) {}

  async subscribe(args: ExecutionArgs): Promise<Results | ExecutionResult> {
    const stream = await createSourceEventStream(args);
    if (!isAsyncIterable(stream)) return stream;
    const context = args.contextValue as RequestContext;
    const operation = `${this.documentId(args.document)}:${args.operationName ?? ''}:${JSON.stringify(args.variableValues ?? {})}`;
    return eventStream(stream[Symbol.asyncIterator](), async (payload) => {
      const principals = await this.directory.of(context);
      // The event's loaders are shared by its subscribers, so is what is memoized on them.
      return context.loaders.memo(`subscription-result:${operation}:${principals.list.join(' ')}`, () => this.run(args, payload));
    });
  }

  private async run(args: ExecutionArgs, payload: unknown): Promise<ExecutionResult> {
    const operation = getOperationAST(args.document, args.operationName);
    const compiled = operation && this.compiled.compiledFor(args.schema, args.document, operation, args.operationName ?? null);
    if (!compiled) return execute({ ...args, rootValue: payload });
    const result = await compiled.query(payload, args.contextValue, args.variableValues ?? {});
    return result.errors ? { ...result, errors: result.errors.map(standardError) } : result;
  }

  /** Documents are parsed once per text (see `OperationDocuments`), so subscribers of one text share an id. */
  private documentId(document: DocumentNode): number {
    let id = this.documentIds.get(document);
    if (id === undefined) {
      id = (this.nextDocumentId += 1);
      this.documentIds.set(document, id);
    }
    return id;
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
