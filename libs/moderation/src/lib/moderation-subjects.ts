import { Injectable } from '@nestjs/common';
import { BadInputError, ContentRegistry, NotFoundError, type ContentItem, type ContentKind, type RequestContext } from '@bottega/core';
import type { ModerationCaseEntity } from './moderation.entity';

/** An item being flagged or moderated, with its kind. */
export interface Subject {
  kind: ContentKind;
  item: ContentItem;
}

/** Finds the item of any registered kind behind a `subjectId`, as the viewer may see it. */
@Injectable()
export class ModerationSubjects {
  constructor(private readonly registry: ContentRegistry) {}

  /** BAD_USER_INPUT for an id of no registered kind; NOT_FOUND when unknown or not visible to the viewer. */
  async readable(context: RequestContext, globalId: string, field: string[]): Promise<Subject> {
    const found = this.registry.kindOf(globalId);
    if (!found) {
      const types = this.registry.all().map((kind) => kind.type);
      throw new BadInputError(`"${globalId}" is not a valid ${types.join(' or ')} id.`, field);
    }
    const [item] = await found.kind.readable(context, [found.id]);
    if (!item) throw new NotFoundError(found.kind.type, globalId);
    return { kind: found.kind, item };
  }

  /** The kind of a case's item. */
  kindOf(moderationCase: Pick<ModerationCaseEntity, 'subjectType'>): ContentKind {
    const kind = this.registry.get(moderationCase.subjectType);
    if (!kind) throw new Error(`Moderation case of ${moderationCase.subjectType}, a kind no library registers`);
    return kind;
  }

  /** A case's item as the API shows it to the viewer, or null when they may not read it. */
  async present(context: RequestContext, moderationCase: Pick<ModerationCaseEntity, 'subjectType' | 'subjectId'>): Promise<object | null> {
    return this.kindOf(moderationCase).present(context, moderationCase.subjectId);
  }

  /** A case's item as the viewer may read it, or null. */
  async item(context: RequestContext, moderationCase: Pick<ModerationCaseEntity, 'subjectType' | 'subjectId'>): Promise<ContentItem | null> {
    const [item] = await this.kindOf(moderationCase).readable(context, [moderationCase.subjectId]);
    return item ?? null;
  }
}
