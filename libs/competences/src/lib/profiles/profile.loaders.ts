import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys, groupByKeys } from '@bottega/core';
import { ProfileRepository, type CompetenceRow, type ProfileRow } from './profile.repository';

@Injectable()
export class ProfileLoaders {
  /** A person's profile, by their account id; null before they write any of it. */
  readonly byUserId: LoaderFactory<string, ProfileRow | null>;
  /** A person's competences, in the order they gave them. */
  readonly competencesByUserId: LoaderFactory<string, CompetenceRow[]>;

  constructor(profiles: ProfileRepository) {
    this.byUserId = new LoaderFactory(async (ids) => byKeys(ids, await profiles.findByUserIds(ids), (p) => p.userId));
    this.competencesByUserId = new LoaderFactory(async (ids) => groupByKeys(ids, await profiles.competencesOf(ids), (c) => c.userId));
  }
}
