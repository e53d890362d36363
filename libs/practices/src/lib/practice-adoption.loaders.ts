import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys } from '@bottega/core';
import { PracticeAdoptionRepository, type PracticeAdoptionRow } from './practice-adoption.repository';

@Injectable()
export class PracticeAdoptionLoaders {
  readonly byId: LoaderFactory<string, PracticeAdoptionRow | null>;

  constructor(adoptions: PracticeAdoptionRepository) {
    this.byId = new LoaderFactory(async (ids) => byKeys(ids, await adoptions.findByIds(ids), (a) => a.id));
  }
}
