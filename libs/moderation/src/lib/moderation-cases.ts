import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ModerationAction } from './moderation.enums';
import { ModerationRepository, type ContentRef } from './moderation.repository';

/** What the kinds' own changes need of moderation cases: content that moves or goes takes its cases along. */
@Injectable()
export class ModerationCases {
  constructor(private readonly repository: ModerationRepository) {}

  /** Locks the items' cases (in id order, as flagging locks one) before the items, so the two never deadlock. */
  lock(manager: EntityManager, items: readonly ContentRef[]): Promise<void> {
    return this.repository.lockCases(manager, items);
  }

  /** The items moved: their cases go to the new community's queue, reviewed by its moderators. */
  rescope(manager: EntityManager, items: readonly ContentRef[], scope: { communityId: string | null; moderators: string[] }): Promise<void> {
    return this.repository.rescope(manager, items, scope);
  }

  /** Resolves the items' pending cases with a decision taken outside moderation (deleting a thread); returns how many flags. */
  resolve(manager: EntityManager, items: readonly ContentRef[], deciderId: string, action: ModerationAction): Promise<number> {
    return this.repository.resolvePending(manager, items, deciderId, action);
  }
}
