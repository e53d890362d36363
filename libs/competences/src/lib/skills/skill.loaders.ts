import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys, groupByKeys } from '@bottega/core';
import { Language } from './skill.enums';
import { SkillRepository, type SkillAreaRow, type SkillRow } from './skill.repository';

@Injectable()
export class SkillLoaders {
  /** A skill by id, an alias as it is (its `mergedInto` names the skill it stands for). */
  readonly byId: LoaderFactory<string, SkillRow | null>;
  readonly areaById: LoaderFactory<string, SkillAreaRow | null>;
  /** The live skills of an area, in the order of their Italian labels. */
  readonly byArea: LoaderFactory<string, SkillRow[]>;

  constructor(skills: SkillRepository) {
    this.byId = new LoaderFactory(async (ids) => byKeys(ids, await skills.findByIds(ids), (s) => s.id));
    this.areaById = new LoaderFactory(async (ids) => byKeys(ids, await skills.areasByIds(ids), (a) => a.id));
    this.byArea = new LoaderFactory(async (ids) => groupByKeys(ids, await skills.byAreas(ids, Language.IT), (s) => s.areaId));
  }
}
