import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxEvent } from './outbox';

/**
 * A reader of the outbox. Each consumer keeps its own position. Delivery is at
 * least once: a batch whose `handle` fails, or whose process dies, comes again,
 * so `handle` must be idempotent (compare each subject's `version` with the
 * last one applied).
 */
export interface OutboxConsumer {
  /** Stable across releases: the position is stored under it. */
  readonly name: string;
  /**
   * Applies a batch, in log order. `manager` is the transaction that will
   * advance the position: work written with it commits exactly once.
   */
  handle(events: OutboxEvent[], manager: EntityManager): Promise<void>;
}

/** The consumers this process drains; features register theirs at start-up. */
@Injectable()
export class OutboxConsumers {
  private readonly byName = new Map<string, OutboxConsumer>();

  register(consumer: OutboxConsumer): void {
    if (this.byName.has(consumer.name)) throw new Error(`An outbox consumer named ${consumer.name} is already registered`);
    this.byName.set(consumer.name, consumer);
  }

  unregister(name: string): void {
    this.byName.delete(name);
  }

  all(): OutboxConsumer[] {
    return [...this.byName.values()];
  }
}
