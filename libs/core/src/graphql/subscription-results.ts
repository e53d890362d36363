import { createSourceEventStream, execute, getOperationAST, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { RequestContext } from '../context/request-context';
import type { ViewerReads } from '../context/viewer-reads';
import { eventStream } from '../pubsub/event-stream';
import { CompiledQueries, standardError } from './compiled-queries';

type Results = AsyncIterableIterator<ExecutionResult>;

/**
 * Runs graphql-ws subscriptions. One event reaches many subscribers at once;
 * each subscriber's stream still loads and authorizes the event for its
 * receiver, but the selection then runs once per distinct operation
 * (document, operation name, variables) and outcome of what it reads of the
 * viewer: it runs for one subscriber through a recording context
 * (`RequestContext.recording`), and every other subscriber of the operation
 * for whom each of those reads gives the same value (the principals asked
 * about, the kinds of reaction they left, their account when it was read)
 * receives that result. Anonymous readers share one result, and so do
 * signed-in readers whose access and personal values agree. The selection
 * runs compiled (graphql-jit) once a document has been run before, as
 * queries do.
 */
export class SubscriptionResults {
  private readonly compiled = new CompiledQueries();
  private readonly documentIds = new WeakMap<DocumentNode, number>();
  private nextDocumentId = 0;

  /** `onResult` is told, for each delivery, whether its result was computed for it or shared. */
  constructor(private readonly onResult: (shared: boolean) => void) {}

  async subscribe(args: ExecutionArgs): Promise<Results | ExecutionResult> {
    const stream = await createSourceEventStream(args);
    if (!isAsyncIterable(stream)) return stream;
    const context = args.contextValue as RequestContext;
    const operation = `subscription-results:${this.documentId(args.document)}:${args.operationName ?? ''}:${JSON.stringify(args.variableValues ?? {})}`;
    return eventStream(stream[Symbol.asyncIterator](), async (payload) => {
      // The event's loaders are shared by its subscribers, so are the results memoized on them.
      const results = await context.loaders.memo(operation, async () => new SharedResults());
      const { result, shared } = await results.resultFor(context, (recorder) => this.run({ ...args, contextValue: recorder }, payload));
      this.onResult(shared);
      return result;
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

/**
 * The results of one operation for one event, each with what it read of its
 * viewer, grouped by the keys read and then by the values found.
 */
class SharedResults {
  private readonly byShape = new Map<string, { reads: ViewerReads; results: Map<string, ExecutionResult> }>();
  private readonly running = new Set<Promise<unknown>>();
  /** How many results were kept: a viewer who found none among them looks again when it changes. */
  private kept = 0;

  /**
   * The result of a viewer who read the same as `context`'s viewer would, or
   * else the operation run for `context`'s viewer through a recording context.
   */
  async resultFor(
    context: RequestContext,
    run: (recorder: RequestContext) => Promise<ExecutionResult>,
  ): Promise<{ result: ExecutionResult; shared: boolean }> {
    for (;;) {
      const kept = this.kept;
      for (const { reads, results } of this.byShape.values()) {
        const result = results.get(await reads.valuesFor(context).catch(() => ''));
        if (result) return { result, shared: true };
      }
      // A result kept while this viewer's values were read may be theirs.
      if (this.kept !== kept) continue;
      // A result on its way may be theirs too: wait for it rather than run the operation again.
      if (this.running.size > 0) {
        await Promise.allSettled(this.running);
        continue;
      }
      return { result: await this.compute(context, run), shared: false };
    }
  }

  private async compute(context: RequestContext, run: (recorder: RequestContext) => Promise<ExecutionResult>): Promise<ExecutionResult> {
    const recorder = context.recording();
    const running = run(recorder);
    this.running.add(running);
    try {
      const result = await running;
      // An error may be this viewer's alone (a session that ended): it is given to no one else.
      if (!result.errors) this.keep(result, recorder.reads);
      return result;
    } finally {
      this.running.delete(running);
    }
  }

  private keep(result: ExecutionResult, reads: ViewerReads): void {
    let shape = this.byShape.get(reads.shape);
    if (!shape) {
      shape = { reads, results: new Map() };
      this.byShape.set(reads.shape, shape);
    }
    shape.results.set(reads.values, result);
    this.kept += 1;
  }
}
