import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@bottega/core';
import { BookmarkPracticeInput } from './dto/practice-bookmark.inputs';
import { PracticeAccess } from './practice.access';
import { PracticeLoaders } from './practice.loaders';
import type { PracticeRow } from './practice.repository';
import { PracticeBookmarkLoaders, bookmarkKey } from './practice-bookmark.loaders';
import { PracticeBookmarkRepository } from './practice-bookmark.repository';

/** Bookmarks: each signed-in reader keeps the practices they want to find again; asking twice changes nothing. */
@Injectable()
export class PracticeBookmarkService {
  constructor(
    private readonly bookmarks: PracticeBookmarkRepository,
    private readonly bookmarkLoaders: PracticeBookmarkLoaders,
    private readonly access: PracticeAccess,
    private readonly loaders: PracticeLoaders,
  ) {}

  /** Bookmarks (or, `on` false, unbookmarks) a practice the viewer reads; NOT_FOUND otherwise. */
  async set(input: BookmarkPracticeInput, on: boolean, context: RequestContext): Promise<PracticeRow> {
    const viewer = await context.requireViewer();
    const { practice } = await this.access.readable(context, input.practiceId, ['input', 'practiceId']);
    if (on) await this.bookmarks.add(practice.id, viewer.userId);
    else await this.bookmarks.remove(practice.id, viewer.userId);
    context.loaders.get(this.bookmarkLoaders.bookmarked).clear(bookmarkKey(viewer.userId, practice.id));
    return context.loaders.reload(this.loaders.byId, practice.id);
  }
}
