import { AsyncLocalStorage } from 'node:async_hooks';

/** What Bottega tracks for the request being served, wherever the code runs. */
export interface RequestScope {
  requestId: string;
  /** SQL statements sent to PostgreSQL while serving this request. */
  sqlStatements: number;
  /** A heavy operation (see `OperationGuard`): its list loads take turns with other requests. */
  heavy?: boolean;
}

const storage = new AsyncLocalStorage<RequestScope>();

export const requestScope = {
  run<T>(scope: RequestScope, fn: () => T): T {
    return storage.run(scope, fn);
  },
  current(): RequestScope | undefined {
    return storage.getStore();
  },
};
