import { Injectable } from '@nestjs/common';
import type { FollowSubjectType } from './follow.enums';

/**
 * What can be followed by id: each feature registers its node types at
 * start-up (the forum its threads and communities), so following works for
 * every kind that declares a follow subject.
 */
@Injectable()
export class FollowTargets {
  private readonly byType = new Map<string, FollowSubjectType>();

  register(nodeType: string, subject: FollowSubjectType): void {
    if (this.byType.has(nodeType)) throw new Error(`${nodeType} is already followable`);
    this.byType.set(nodeType, subject);
  }

  subjectOf(nodeType: string): FollowSubjectType | undefined {
    return this.byType.get(nodeType);
  }

  /** The followable node types, for messages. */
  types(): string[] {
    return [...this.byType.keys()];
  }
}
