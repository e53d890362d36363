import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PoolConnections } from './pool-connections';

/** How long, once shutdown starts, a statement or connection still waiting on the database may hold it up. */
const STUCK_CONNECTION_GRACE_MS = 1_000;

/**
 * Closing the pool waits for every connection in use to be given back, and a
 * statement (or a connection attempt) sent to a database that stopped
 * answering never comes back. So, once shutdown starts, what is still
 * connected after a grace is cut: waiting statements fail (a request answers
 * with an error, an outbox batch comes again later) and the pool closes.
 */
@Injectable()
export class DatabaseShutdown implements OnModuleDestroy {
  constructor(private readonly connections: PoolConnections) {}

  /** The first shutdown hook: the grace runs while everything else stops. */
  onModuleDestroy(): void {
    setTimeout(() => this.connections.cutAll(), STUCK_CONNECTION_GRACE_MS).unref();
  }
}
