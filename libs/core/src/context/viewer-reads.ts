import type { RequestContext } from './request-context';

/** What a read of the viewer gives: plain data, compared by value. */
export type ReadValue = string | number | boolean | null | readonly ReadValue[] | { readonly [key: string]: ReadValue };

/** Reads the same thing for another viewer, through that viewer's own context. */
export type ReadAgain = (context: RequestContext) => ReadValue | Promise<ReadValue>;

/** The key under which `viewer()` and the token's claims are recorded: the account itself. */
export const IDENTITY_READ = 'identity';

interface Read {
  readonly value: ReadValue;
  readonly again: ReadAgain;
}

/**
 * What one operation read of its viewer while it ran: the account itself,
 * each principal it asked about, and each personal value (the kinds of
 * reaction the viewer left on a post). Everything a resolver can know of the
 * viewer comes through one of these (`RequestContext.viewer`, `AccessDirectory.of`,
 * `RequestContext.personal`), so the operation's result depends on the viewer
 * only through what is recorded here: another viewer for whom every read
 * gives the same value would get the same result, and may be given this one.
 */
export class ViewerReads {
  private readonly reads = new Map<string, Read>();
  private inOrder: [string, Read][] | undefined;

  constructor(
    /** The context of the viewer the operation runs for, which records nothing. */
    readonly own: RequestContext,
  ) {}

  /** Notes that the operation read `key` and found `value`; the first read of a key is the one kept. */
  record(key: string, value: ReadValue, again: ReadAgain): void {
    // Once the operation has run, a read (of work it did not wait for) cannot change its result.
    if (this.inOrder) return;
    if (!this.reads.has(key)) this.reads.set(key, { value, again });
  }

  /** The keys read, in a stable order: operations that read the same keys compare on the same values. */
  get shape(): string {
    return this.sorted().map(([key]) => key).join('\n');
  }

  /** The values every read gives for `context`'s viewer, in the order of {@link shape}. */
  async valuesFor(context: RequestContext): Promise<string> {
    return JSON.stringify(await Promise.all(this.sorted().map(([, read]) => read.again(context))));
  }

  /** The values this operation found, as {@link valuesFor} gives them. */
  get values(): string {
    return JSON.stringify(this.sorted().map(([, read]) => read.value));
  }

  /** The reads by key, sorted once the operation has run (nothing is recorded after). */
  private sorted(): [string, Read][] {
    this.inOrder ??= [...this.reads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return this.inOrder;
  }
}
