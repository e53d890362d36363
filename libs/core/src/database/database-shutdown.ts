import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';

/** How long, once shutdown starts, a statement or connection still waiting on the database may hold it up. */
const STUCK_CONNECTION_GRACE_MS = 1_000;

/** Socket of a `pg` client, which the driver keeps on its connection. */
type WithSocket = { connection: { stream: { destroy(): void } } };

/**
 * The connections of one pool, known from the client class the pool builds
 * them with (`pg-pool`'s `Client` option): those in use and those still
 * connecting, which the pool itself does not list.
 */
export class PoolConnections {
  private readonly open = new Set<Client>();

  /** The client class to give the pool: each client it makes is known here until it ends. */
  clientClass(): typeof Client {
    const open = this.open;
    return class TrackedClient extends Client {
      constructor(config?: string | ClientConfig) {
        super(config);
        open.add(this);
        this.once('end', () => open.delete(this));
      }
    };
  }

  /** Cuts every connection's socket: waiting statements and connection attempts fail at once. */
  cutAll(): void {
    for (const client of this.open) (client as unknown as WithSocket).connection.stream.destroy();
    this.open.clear();
  }
}

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
