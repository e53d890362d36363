import { Injectable } from '@nestjs/common';
import { LoaderFactory, groupByKeys } from '@bottega/core';
import { SkillTagRepository } from './skill-tag.repository';

@Injectable()
export class SkillTagLoaders {
  /** A live skill's tags (its aliases' included), by slug. */
  readonly bySkillId: LoaderFactory<string, string[]>;

  constructor(tags: SkillTagRepository) {
    this.bySkillId = new LoaderFactory(async (ids) =>
      groupByKeys(ids, await tags.tagsOf(ids), (row) => row.skillId).map((rows) => rows.map((row) => row.slug)),
    );
  }
}
