import { AsyncLocalStorage } from 'node:async_hooks';

/** What Bottega tracks for the request being served, wherever its code runs. */
export interface RequestScope {
  requestId: string;
  /** SQL statements sent to PostgreSQL while serving this request. */
  sqlStatements: number;
  /** A heavy operation (see `OperationGuard`): its list loads take turns with other requests. */
  heavy: boolean;
}

const storage = new AsyncLocalStorage<RequestScope>();
let held = 0;

/**
 * The scope of the request being served, carried by AsyncLocalStorage. While
 * a storage is enabled, Node 20 runs an async hook for every promise created
 * anywhere in the process (13% of a fan-out's allocations), so a scope exists
 * only where something reads it: the statement count when it is exposed or
 * traced, and a heavy operation's execution. The storage is switched off when
 * the last scope ends, and the hook with it.
 */
export const requestScope = {
  /** Runs `fn` in `scope`, which lasts (for `fn` and what it starts) until the returned function is called. */
  hold(scope: RequestScope, fn: () => void): () => void {
    held += 1;
    let released = false;
    storage.run(scope, fn);
    return () => {
      if (released) return;
      released = true;
      held -= 1;
      if (held === 0) storage.disable();
    };
  },

  /** Runs one operation's execution: a heavy one in a scope that says so, for its list loads to take turns. */
  async execute<T>(operation: { heavy: boolean; requestId: string }, run: () => Promise<T>): Promise<T> {
    if (!operation.heavy) return run();
    const current = storage.getStore();
    if (current) {
      current.heavy = true;
      return run();
    }
    let result!: Promise<T>;
    const release = requestScope.hold({ requestId: operation.requestId, sqlStatements: 0, heavy: true }, () => (result = run()));
    try {
      return await result;
    } finally {
      release();
    }
  },

  current(): RequestScope | undefined {
    return storage.getStore();
  },
};
