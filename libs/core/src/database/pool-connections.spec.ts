import { createServer, type Server, type Socket } from 'node:net';
import { AccountChanges } from '../access/account-changes';
import { PoolConnections } from './pool-connections';

/** A server that accepts connections and never answers, as a database that stopped answering. */
async function blackhole(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('PoolConnections', () => {
  it('cuts the connections open when shutdown cuts, and every connection attempted after', async () => {
    const database = await blackhole();
    const connections = new PoolConnections(new AccountChanges());
    const TrackedClient = connections.clientClass();
    const config = { host: '127.0.0.1', port: database.port, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 0 };
    try {
      const before = new TrackedClient(config);
      const waiting = before.connect().then(
        () => 'connected',
        () => 'failed',
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      connections.cutAll();
      await expect(waiting).resolves.toBe('failed');

      // A statement's retry, a cleanup after the cut: it would wait on the database for ever, and hold the pool's close.
      const after = new TrackedClient(config);
      await expect(after.connect()).rejects.toThrow();
    } finally {
      await database.close();
    }
  }, 5_000);
});
