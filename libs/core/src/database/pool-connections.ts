import { Client, type ClientConfig } from 'pg';
import { accountOfNotice, type AccountChanges } from '../access/account-changes';

/** ReadyForQuery's transaction status when no transaction is open: what was done is committed, or undone. */
const IDLE = 'I';

/**
 * The connections of one pool, known from the client class the pool builds
 * them with (`pg-pool`'s `Client` option): those in use and those still
 * connecting, which the pool itself does not list.
 *
 * Each also hears the accounts its own statements changed (the
 * `bottega_account_changed` trigger's notices) and reports them when the
 * transaction ends: after the commit, and before the statement that ended it
 * returns. Reporting a transaction that rolled back costs a reread, never a
 * wrong answer.
 */
export class PoolConnections {
  private readonly open = new Set<Client>();
  /** Set by {@link cutAll}: a connection made after it is cut as soon as it is made. */
  private readonly state = { cut: false };

  constructor(private readonly accounts: AccountChanges) {}

  /** The client class to give the pool: each client it makes is known here until it ends. */
  clientClass(): typeof Client {
    const open = this.open;
    const accounts = this.accounts;
    const state = this.state;
    return class TrackedClient extends Client {
      constructor(config?: string | ClientConfig) {
        super(config);
        if (state.cut) {
          // After shutdown has cut: a retry or a cleanup statement would wait on the database, holding the pool's close.
          this.connection.stream.once('connect', () => this.connection.stream.destroy());
          return;
        }
        open.add(this);
        this.once('end', () => open.delete(this));
        let changed: string[] = [];
        this.connection.on('notice', (notice: { message?: string }) => {
          const account = accountOfNotice(notice.message);
          if (account !== null) changed.push(account);
        });
        this.connection.on('readyForQuery', (message: { status?: string }) => {
          if (changed.length === 0 || message.status !== IDLE) return;
          const ended = changed;
          changed = [];
          accounts.changed(ended);
        });
      }
    };
  }

  /** Cuts every connection's socket, and each made from now on: waiting statements and connection attempts fail at once. */
  cutAll(): void {
    this.state.cut = true;
    for (const client of this.open) client.connection.stream.destroy();
    this.open.clear();
  }
}
