import { AppError, ErrorCode } from './errors';

export interface HeavyOperationLimits {
  /** Operations estimated above this cost are heavy. */
  cost: number;
  /** Heavy operations one process runs at once; the others wait their turn. */
  concurrency: number;
  /** Heavy operations that may wait; past that they are refused as RATE_LIMITED. */
  queue: number;
}

/** Refused when too many heavy operations already wait. */
export class ServerBusyError extends AppError {
  constructor() {
    super(ErrorCode.RATE_LIMITED, 'The server is busy with large requests; try again in a moment.', { retryAfterSeconds: 1 });
  }
}

/**
 * Heavy operations take turns. Node runs one thing at a time, so a few large
 * operations at once only lengthen every other request's wait and pile up
 * memory; one after another, they keep both bounded, and small requests
 * (almost everything) never queue here.
 */
export class HeavyOperationGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limits: HeavyOperationLimits) {}

  isHeavy(cost: number): boolean {
    return cost > this.limits.cost;
  }

  /** Waits for a turn; the returned function ends it (calling it twice is harmless). */
  async enter(): Promise<() => void> {
    if (this.running >= this.limits.concurrency) {
      if (this.waiting.length >= this.limits.queue) throw new ServerBusyError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.waiting.shift();
      // The turn passes to the next in line (so `running` stays as it is) on a
      // later turn of the event loop, letting other requests in between.
      if (next) setImmediate(next);
      else this.running -= 1;
    };
  }
}
