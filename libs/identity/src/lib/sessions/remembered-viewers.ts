import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { AccountChanges, type Viewer } from '@bottega/core';

/** Accounts whose live sessions are remembered at once. */
const REMEMBERED_ACCOUNTS = 20_000;
/**
 * How long an account's sessions are remembered at most, changes or not: the
 * bound on staleness should a change ever go unheard (a table written with
 * its triggers disabled, a backup restored underneath).
 */
const REMEMBERED_MS = 60_000;

/**
 * Live sessions with their accounts' principals, as last read, so that a
 * request does not read them again: forgotten the moment their account
 * changes ({@link AccountChanges}), and never remembered while other
 * processes' changes are not heard.
 */
@Injectable()
export class RememberedViewers {
  /** Per account, its live sessions by id. */
  private readonly accounts = new LRUCache<string, Map<string, Viewer>>({ max: REMEMBERED_ACCOUNTS, ttl: REMEMBERED_MS });
  /** Counts changes heard: a read that a change overtook may be stale, and is not remembered. */
  private changes = 0;

  constructor(private readonly heard: AccountChanges) {
    heard.on((accounts) => this.forget(accounts));
  }

  get(userId: string, sessionId: string): Viewer | undefined {
    return this.heard.heard ? this.accounts.get(userId)?.get(sessionId) : undefined;
  }

  /** Reads a session with `read`, and remembers it when it is live and no change came meanwhile. */
  async read(userId: string, sessionId: string, read: () => Promise<Viewer | null>): Promise<Viewer | null> {
    const changes = this.changes;
    const viewer = await read();
    if (viewer === null || viewer.userId !== userId || changes !== this.changes || !this.heard.heard) return viewer;
    let sessions = this.accounts.get(userId);
    if (!sessions) {
      sessions = new Map();
      this.accounts.set(userId, sessions);
    }
    // Shared by every request from now on: nobody may change it.
    const remembered = Object.freeze({ ...viewer, principals: viewer.principals && Object.freeze([...viewer.principals]) });
    sessions.set(sessionId, remembered);
    return remembered;
  }

  private forget(accounts: readonly string[] | null): void {
    this.changes += 1;
    if (accounts === null) this.accounts.clear();
    else for (const account of accounts) this.accounts.delete(account);
  }
}
