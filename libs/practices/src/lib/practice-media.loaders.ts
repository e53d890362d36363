import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys, groupByKeys } from '@bottega/core';
import { PracticeMediaRepository, type PracticeMediaRow } from './practice-media.repository';

@Injectable()
export class PracticeMediaLoaders {
  readonly byId: LoaderFactory<string, PracticeMediaRow | null>;
  /** The media of each practice in order: one statement for a page of practices. */
  readonly byPractice: LoaderFactory<string, PracticeMediaRow[]>;

  constructor(media: PracticeMediaRepository) {
    this.byId = new LoaderFactory(async (ids) => byKeys(ids, await media.findByIds(ids), (m) => m.id));
    this.byPractice = new LoaderFactory(async (practiceIds) => groupByKeys(practiceIds, await media.ofPractices(practiceIds), (m) => m.practiceId));
  }
}
