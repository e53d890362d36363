/**
 * The abusive clients of the abuse benchmark, in a process of their own at
 * the lowest CPU priority: abusers run on their own machines, so here their
 * own work (reading megabytes of answers) must not take the CPU from the API,
 * PostgreSQL or the innocent client whose timings the benchmark takes.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { sleep } from './api-process';

export type AbuseTask =
  | { kind: 'http'; url: string; body: string; concurrency: number; durationMs: number }
  | { kind: 'sockets'; wsUrl: string; query: string; variables: Record<string, unknown>; sockets: number; subscriptions: number };

export interface AbuseCounts {
  sent: number;
  refused: number;
  note: string;
}

async function httpFlood(task: Extract<AbuseTask, { kind: 'http' }>): Promise<AbuseCounts> {
  let sent = 0;
  let refused = 0;
  const deadline = performance.now() + task.durationMs;
  await Promise.all(
    Array.from({ length: task.concurrency }, async () => {
      while (performance.now() < deadline) {
        const response = await fetch(task.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: task.body });
        const text = await response.text();
        sent += 1;
        if (response.status !== 200 || text.includes('"errors"')) refused += 1;
      }
    }),
  );
  return { sent, refused, note: '' };
}

/** Opens the sockets and subscriptions, tells the main thread, and holds them until it says stop. */
async function socketFlood(task: Extract<AbuseTask, { kind: 'sockets' }>): Promise<AbuseCounts> {
  const clients: Client[] = [];
  let acknowledged = 0;
  let closedForPolicy = 0;
  let refusedSubscriptions = 0;
  let delivered = 0;
  const receiving = new Set<string>();
  for (let i = 0; i < task.sockets; i += 1) {
    const client = createClient({
      url: task.wsUrl,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      on: {
        connected: () => (acknowledged += 1),
        closed: (event) => ((event as { code?: number }).code === 1008 ? (closedForPolicy += 1) : undefined),
      },
      onNonLazyError: () => undefined,
    });
    clients.push(client);
    for (let j = 0; j < task.subscriptions; j += 1) {
      client.subscribe(
        { query: task.query, variables: task.variables },
        {
          next: () => {
            delivered += 1;
            receiving.add(`${i}:${j}`);
          },
          error: (error) => (Array.isArray(error) ? (refusedSubscriptions += 1) : undefined),
          complete: () => undefined,
        },
      );
    }
  }
  await sleep(2_000);
  const stopped = new Promise<void>((resolve) => process.once('message', () => resolve()));
  process.send?.({ ready: true });
  await stopped;
  await Promise.race([Promise.all(clients.map((client) => client.dispose())), sleep(10_000)]);
  return {
    sent: task.sockets,
    refused: closedForPolicy,
    note:
      `${acknowledged} sockets admitted, ${closedForPolicy} closed 1008; ${receiving.size} subscriptions received the replies ` +
      `(${delivered} messages), ${refusedSubscriptions} refused RATE_LIMITED`,
  };
}

const task = JSON.parse(process.argv[2] ?? '{}') as AbuseTask;
void (task.kind === 'http' ? httpFlood(task) : socketFlood(task))
  .then(
    (counts) => process.send?.({ counts }),
    (error: unknown) => process.send?.({ error: error instanceof Error ? error.message : String(error) }),
  )
  .finally(() => process.disconnect?.());
