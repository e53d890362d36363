import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys } from '@bottega/core';
import { PracticeRepository, type PracticeRow } from './practice.repository';

@Injectable()
export class PracticeLoaders {
  /** A practice with its sections, authors, tags and territories: one statement for a page of them. */
  readonly byId: LoaderFactory<string, PracticeRow | null>;

  constructor(practices: PracticeRepository) {
    this.byId = new LoaderFactory(async (ids) => byKeys(ids, await practices.findByIds(ids), (p) => p.id));
  }
}
