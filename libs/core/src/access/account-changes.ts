import type { BusEvent } from '../pubsub/pg-pubsub';

/** The pub/sub topic of the `bottega_account_changed` trigger: `{ userId }`. */
export const ACCOUNTS_CHANGED_TOPIC = 'accounts-changed';
/** How the same trigger tells the connection that made the change: this prefix, then the account's id. */
export const ACCOUNT_CHANGED_NOTICE = 'bottega:accounts-changed ';

/** Hears the accounts that changed, or `null` when changes may have been missed and nothing remembered can be trusted. */
export type AccountChangeListener = (accounts: readonly string[] | null) => void;

/** What carries other processes' changes: the pub/sub. */
export interface ChangeCarrier {
  readonly listening: boolean;
  watch(topic: string, listener: (event: BusEvent | null) => void): () => void;
}

/**
 * Which accounts just changed what they are: a session ended, a role, a
 * suspension, a membership, an authorship (whatever feeds the principals).
 * The tables involved carry the `bottega_account_changed` trigger, so no
 * write path can forget to say so. A change made through this process's pool
 * is heard when its transaction ends, before the statement that ended it
 * returns (so before the request that made it answers); every other change,
 * from any process, when its notification arrives.
 *
 * What is remembered about an account must be forgotten when it is heard of,
 * and must not be remembered at all while other processes are not heard
 * ({@link heard}).
 */
export class AccountChanges {
  private readonly listeners = new Set<AccountChangeListener>();
  private carrier: ChangeCarrier | undefined;

  /** Listens to `carrier` for other processes' changes; losing it is a change of everything. */
  carriedBy(carrier: ChangeCarrier): void {
    this.carrier = carrier;
    carrier.watch(ACCOUNTS_CHANGED_TOPIC, (event) => {
      if (event === null) this.changed(null);
      else if (typeof event['userId'] === 'string') this.changed([event['userId']]);
    });
  }

  /** Whether other processes' changes reach this one now. */
  get heard(): boolean {
    return this.carrier?.listening ?? false;
  }

  on(listener: AccountChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(accounts: readonly string[] | null): void {
    for (const listener of this.listeners) listener(accounts);
  }
}

/** The account a notice of the trigger names, or null for any other notice. */
export function accountOfNotice(message: string | undefined): string | null {
  return message?.startsWith(ACCOUNT_CHANGED_NOTICE) ? message.slice(ACCOUNT_CHANGED_NOTICE.length) : null;
}
