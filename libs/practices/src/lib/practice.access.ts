import { Injectable } from '@nestjs/common';
import { AccessDirectory, NotFoundError, fromGlobalId, type Principals, type RequestContext } from '@bottega/core';
import { PRACTICE_AUDIENCE, practiceFacts } from './practice.audience';
import { PracticeLoaders } from './practice.loaders';
import type { PracticeRow } from './practice.repository';

export interface PracticeInContext {
  practice: PracticeRow;
  principals: Principals;
}

/** A practice is readable by its {@link PRACTICE_AUDIENCE}. */
@Injectable()
export class PracticeAccess {
  constructor(
    private readonly loaders: PracticeLoaders,
    private readonly directory: AccessDirectory,
  ) {}

  /** The practice with the viewer's principals, or null when they may not read it; decided once per request. */
  async load(context: RequestContext, id: string): Promise<PracticeInContext | null> {
    const viewer = await context.viewer();
    return context.loaders.memo(`practice-access:${viewer?.sessionId ?? ''}:${id}`, async () => {
      const practice = await context.loaders.get(this.loaders.byId).load(id);
      if (!practice) return null;
      const principals = await this.directory.of(context);
      return PRACTICE_AUDIENCE.allows(practiceFacts(practice), principals) ? { practice, principals } : null;
    });
  }

  /** As {@link load}, read again past this request's cache (after a write). */
  async reload(context: RequestContext, id: string): Promise<PracticeInContext | null> {
    context.loaders.get(this.loaders.byId).clear(id);
    return this.load(context, id);
  }

  /** NOT_FOUND when unknown or unreadable, so drafts are not revealed. */
  async readable(context: RequestContext, globalId: string, field: string[]): Promise<PracticeInContext> {
    const found = await this.load(context, fromGlobalId(globalId, 'Practice', field));
    if (!found) throw new NotFoundError('Practice', globalId);
    return found;
  }
}
