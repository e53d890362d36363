import { Injectable } from '@nestjs/common';
import { LoaderFactory } from '@bottega/core';
import { PracticeBookmarkRepository } from './practice-bookmark.repository';

/** `<user>:<practice>`: the key of one person's bookmark of one practice. */
export const bookmarkKey = (userId: string, practiceId: string): string => `${userId}:${practiceId}`;

@Injectable()
export class PracticeBookmarkLoaders {
  /** Whether a person bookmarked a practice, by {@link bookmarkKey}: one statement for a page. */
  readonly bookmarked: LoaderFactory<string, boolean>;

  constructor(bookmarks: PracticeBookmarkRepository) {
    this.bookmarked = new LoaderFactory((keys) => bookmarks.which(keys));
  }
}
