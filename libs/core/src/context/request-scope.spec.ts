import { requestScope, type RequestScope } from './request-scope';

const scope = (requestId: string): RequestScope => ({ requestId, sqlStatements: 0, heavy: false });

/** What `current()` is in a continuation of `hold`'s function that resumes once `when` settles. */
function seenLater(held: RequestScope, when: Promise<void>): { release: () => void; seen: Promise<RequestScope | undefined> } {
  let seen!: Promise<RequestScope | undefined>;
  const release = requestScope.hold(held, () => {
    seen = when.then(() => requestScope.current());
  });
  return { release, seen };
}

describe('requestScope', () => {
  it('is there for what the held function starts, until the last scope is released', async () => {
    let resume!: () => void;
    const later = new Promise<void>((done) => (resume = done));
    const a = seenLater(scope('a'), later);
    const b = seenLater(scope('b'), later);
    a.release();
    resume();
    expect((await a.seen)?.requestId).toBe('a');
    expect((await b.seen)?.requestId).toBe('b');

    let resumeAgain!: () => void;
    const c = seenLater(scope('c'), new Promise<void>((done) => (resumeAgain = done)));
    b.release();
    c.release();
    c.release();
    resumeAgain();
    // Released last: the storage is off, so no continuation carries a scope (nor pays for one).
    expect(await c.seen).toBeUndefined();
    expect(requestScope.current()).toBeUndefined();
  });

  it('runs a light execution with no scope, and a heavy one in a scope that says so', async () => {
    expect(await requestScope.execute({ heavy: false, requestId: 'light' }, async () => requestScope.current())).toBeUndefined();
    const heavy = await requestScope.execute({ heavy: true, requestId: 'heavy' }, async () => {
      await Promise.resolve();
      return requestScope.current();
    });
    expect(heavy).toMatchObject({ requestId: 'heavy', heavy: true });
    expect(requestScope.current()).toBeUndefined();
  });

  it('marks the request scope already there as heavy', async () => {
    const counted = scope('counted');
    let inner: RequestScope | undefined;
    const release = requestScope.hold(counted, () => {
      void requestScope.execute({ heavy: true, requestId: 'counted' }, async () => (inner = requestScope.current()));
    });
    release();
    expect(inner).toBe(counted);
    expect(counted.heavy).toBe(true);
  });
});
