import { Injectable } from '@nestjs/common';
import { LoaderFactory, groupByKeys } from '@bottega/core';
import { PracticeLinkRepository } from './practice-link.repository';

@Injectable()
export class PracticeLinkLoaders {
  /** The ids of the threads each practice links, in the order linked: one statement for a page of practices. */
  readonly threadIds: LoaderFactory<string, string[]>;

  constructor(links: PracticeLinkRepository) {
    this.threadIds = new LoaderFactory(async (practiceIds) =>
      groupByKeys(practiceIds, await links.ofPractices(practiceIds), (l) => l.practiceId).map((rows) => rows.map((l) => l.threadId)),
    );
  }
}
