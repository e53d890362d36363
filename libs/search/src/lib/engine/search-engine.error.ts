/**
 * An engine could not do what was asked (unreachable, a rejected request, a
 * failed task). The indexer retries on it; the API reports it as an internal
 * failure without the details.
 */
export class SearchEngineError extends Error {
  override readonly name = 'SearchEngineError';
  /** The engine's own error code when it gave one (Meilisearch's `code`, PostgreSQL's SQLSTATE). */
  readonly code: string | undefined;

  constructor(
    readonly engine: 'postgres' | 'meilisearch',
    message: string,
    options: { code?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = options.code;
  }
}
