import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import WebSocket, { WebSocketServer } from 'ws';
import { sleep } from './api-process';
import { inBatches, spread, waitUntil, type Spread } from './sockets';

export interface BroadcastResult {
  sockets: number;
  /** Clients that received the measured broadcast. */
  received: number;
  /** Send start → each client's message, ms. */
  latency: Spread;
  /** Growth of this process's RSS per open socket pair (client and server end, both here), bytes. */
  bytesPerPair: number;
}

const OPEN_TIMEOUT_MS = 30_000;
const DELIVERY = { timeoutMs: 60_000, stallMs: 15_000 };

/**
 * Baseline for the fan-out: `count` plain `ws` sockets to a trivial `ws`
 * server in this process, which sends one message to all of them. Clients
 * parse the JSON, as the graphql-ws client does.
 */
export async function measureBroadcast(count: number, batch: number, message: string): Promise<BroadcastResult> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  const clients: WebSocket[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const arrivals: number[][] = [[], []];
    let round = 0;
    gc();
    const rssBefore = process.memoryUsage().rss;

    await inBatches(count, batch, async (from, size) => {
      const opened = Array.from({ length: size }, () => {
        const socket = new WebSocket(url, { perMessageDeflate: false });
        clients.push(socket);
        socket.on('message', (data: Buffer) => {
          JSON.parse(data.toString('utf8'));
          arrivals[round]?.push(performance.now());
        });
        return new Promise<void>((resolve, reject) => {
          socket.once('open', () => resolve());
          socket.once('error', reject);
        });
      });
      const all = Promise.all(opened);
      const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`baseline: sockets ${from}… not open in time`)), OPEN_TIMEOUT_MS).unref());
      await Promise.race([all, timer]);
    });
    const ready = await waitUntil(() => server.clients.size === count, () => server.clients.size, { timeoutMs: OPEN_TIMEOUT_MS, stallMs: 10_000 });
    if (!ready) throw new Error(`baseline: the server accepted ${server.clients.size} of ${count} sockets`);
    gc();
    const bytesPerPair = (process.memoryUsage().rss - rssBefore) / count;

    // Round 0 warms the path up; round 1 is measured.
    let startedAt = 0;
    for (round = 0; round < 2; round += 1) {
      const current = arrivals[round] ?? [];
      startedAt = performance.now();
      for (const socket of server.clients) socket.send(message);
      await waitUntil(() => current.length >= count, () => current.length, DELIVERY);
    }
    const measured = arrivals[1] ?? [];
    return {
      sockets: count,
      received: measured.length,
      latency: spread(measured.map((at) => at - startedAt)),
      bytesPerPair,
    };
  } finally {
    for (const socket of clients) socket.terminate();
    await Promise.race([new Promise<void>((resolve) => server.close(() => resolve())), sleep(10_000)]);
  }
}

/** A full collection, so the RSS figures compare live memory rather than garbage. */
function gc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
