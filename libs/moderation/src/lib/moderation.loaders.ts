import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys, groupByKeys } from '@bottega/core';
import type { ContentFlagEntity, ModerationCaseEntity } from './moderation.entity';
import { ModerationRepository, type FlagTally } from './moderation.repository';

@Injectable()
export class ModerationLoaders {
  readonly caseById: LoaderFactory<string, ModerationCaseEntity | null>;
  /** Per case: flags by reason, all time and pending. */
  readonly tallies: LoaderFactory<string, FlagTally[]>;
  readonly latestFlags: LoaderFactory<string, ContentFlagEntity[]>;

  constructor(repository: ModerationRepository) {
    this.caseById = new LoaderFactory(async (ids) => byKeys(ids, await repository.findCasesByIds(ids), (c) => c.id));
    this.tallies = new LoaderFactory(async (ids) => groupByKeys(ids, await repository.tallies(ids), (row) => row.caseId));
    this.latestFlags = new LoaderFactory(async (ids) => groupByKeys(ids, await repository.latestFlags(ids), (flag) => flag.caseId));
  }
}
