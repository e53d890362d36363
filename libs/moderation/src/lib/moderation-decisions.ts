import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxChange, type ContentItem } from '@bottega/core';
import { ModerationAction } from './moderation.enums';

/** Who decided, why, and how many flags the decision resolved. */
export interface Decision {
  actorId: string;
  reason: string;
  resolvedFlags: number;
}

/** A decision only some kinds take (deleting a post, locking a thread), carried out by the kind's own code. */
export interface KindDecision {
  /**
   * What the decision changes when it takes effect, for the outbox; null when
   * {@link apply} records its own audit entry and outbox row (as locking does).
   */
  readonly change: OutboxChange | null;
  /** Carries it out in the decision's transaction; false when it was already in effect. */
  apply(manager: EntityManager, item: ContentItem, decision: Decision): Promise<boolean>;
}

/** Hiding, restoring and dismissing apply to every kind; what they change when they take effect. */
export const COMMON_DECISIONS: Partial<Record<ModerationAction, OutboxChange | null>> = {
  [ModerationAction.HIDE]: OutboxChange.HIDDEN,
  [ModerationAction.RESTORE]: OutboxChange.RESTORED,
  [ModerationAction.DISMISS_FLAGS]: null,
};

/** The kinds' own decisions, registered at start-up next to their content kind. */
@Injectable()
export class ModerationDecisions {
  private readonly byKind = new Map<string, Map<ModerationAction, KindDecision>>();

  register(type: string, action: ModerationAction, decision: KindDecision): void {
    if (action in COMMON_DECISIONS) throw new Error(`${action} applies to every kind; it cannot be registered for ${type}`);
    const decisions = this.byKind.get(type) ?? new Map<ModerationAction, KindDecision>();
    if (decisions.has(action)) throw new Error(`${type} already has a ${action} decision`);
    this.byKind.set(type, decisions.set(action, decision));
  }

  get(type: string, action: ModerationAction): KindDecision | undefined {
    return this.byKind.get(type)?.get(action);
  }

  /** Whether the action applies to items of the kind. */
  applies(type: string, action: ModerationAction): boolean {
    return action in COMMON_DECISIONS || this.get(type, action) !== undefined;
  }
}
