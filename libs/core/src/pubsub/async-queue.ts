export interface AsyncQueueOptions<T = unknown> {
  /** Values kept for a consumer that is behind; past it the oldest are dropped. */
  capacity: number;
  /** Called on the first drop only, so a slow consumer logs once rather than per event. */
  onOverflow?: () => void;
  /** Called once when the queue ends, however it ends. */
  onClose?: () => void;
  /** Called with each value as it arrives, before it waits its turn (see `arrive`). */
  onArrival?: (value: T) => void;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ value: undefined, done: true });

/**
 * A bounded push queue read as an async iterator: what graphql-js expects a
 * subscription resolver to return. `return()`, `throw()` and `close()` end it
 * at once; values still buffered are discarded.
 */
export class AsyncQueue<T> implements AsyncIterableIterator<T, undefined> {
  private readonly buffer: T[] = [];
  private readonly waiting: ((result: IteratorResult<T, undefined>) => void)[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private closed = false;
  private overflowed = false;

  constructor(private readonly options: AsyncQueueOptions<T>) {
    if (!Number.isInteger(options.capacity) || options.capacity < 1) throw new Error('capacity must be a positive integer');
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Values waiting to be read. */
  get size(): number {
    return this.buffer.length;
  }

  /**
   * Announces a value that will be pushed shortly: a publisher handing one
   * value to many queues in turns tells them all first, so that work they
   * share (one statement for all the receivers) can start at once.
   */
  arrive(value: T): void {
    if (!this.closed) this.options.onArrival?.(value);
  }

  /** Hands the value to a waiting reader, or buffers it; ignored once closed. */
  push(value: T): void {
    if (this.closed) return;
    const reader = this.waiting.shift();
    if (reader) {
      reader({ value, done: false });
      return;
    }
    if (this.buffer.length >= this.options.capacity) {
      this.buffer.shift();
      if (!this.overflowed) {
        this.overflowed = true;
        this.options.onOverflow?.();
      }
    }
    this.buffer.push(value);
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.buffer.length > 0) return Promise.resolve({ value: this.buffer.shift() as T, done: false });
    if (this.closed) return Promise.resolve(DONE);
    const read = new Promise<IteratorResult<T, undefined>>((resolve) => this.waiting.push(resolve));
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    return read;
  }

  /**
   * Resolves once the reader has taken everything and is waiting for more
   * (it has finished with what it was given), or the queue is closed.
   */
  idle(): Promise<void> {
    if (this.closed || (this.buffer.length === 0 && this.waiting.length > 0)) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  return(): Promise<IteratorResult<T, undefined>> {
    this.close();
    return Promise.resolve(DONE);
  }

  /** Ends the queue and rejects with the error, as an async generator does. */
  throw(error?: unknown): Promise<IteratorResult<T, undefined>> {
    this.close();
    return Promise.reject(error);
  }

  /** Ends the queue: pending and later reads resolve as done. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.buffer.length = 0;
    for (const reader of this.waiting.splice(0)) reader(DONE);
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    this.options.onClose?.();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
