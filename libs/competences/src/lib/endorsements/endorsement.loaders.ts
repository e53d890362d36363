import { Injectable } from '@nestjs/common';
import { LoaderFactory } from '@bottega/core';
import { EndorsementRepository, type CompetenceKey } from './endorsement.repository';

/** `<user>:<skill>`, a competence as a loader key. */
export const competenceKey = (key: CompetenceKey): string => `${key.userId}:${key.skillId}`;

const parse = (key: string): CompetenceKey => {
  const [userId, skillId] = key.split(':') as [string, string];
  return { userId, skillId };
};

@Injectable()
export class EndorsementLoaders {
  /** Endorsements of a competence, keyed by {@link competenceKey}. */
  readonly countByCompetence: LoaderFactory<string, number>;
  /** Whether an endorser endorses a competence, keyed `<endorser>|<user>:<skill>`. */
  readonly endorsed: LoaderFactory<string, boolean>;

  constructor(endorsements: EndorsementRepository) {
    this.countByCompetence = new LoaderFactory(async (keys) => {
      const counts = new Map((await endorsements.counts(keys.map(parse))).map((row) => [competenceKey(row), row.count]));
      return keys.map((key) => counts.get(key) ?? 0);
    });
    this.endorsed = new LoaderFactory(async (keys) => {
      const byEndorser = new Map<string, string[]>();
      for (const key of keys) {
        const [endorser, competence] = key.split('|') as [string, string];
        byEndorser.set(endorser, [...(byEndorser.get(endorser) ?? []), competence]);
      }
      const found = new Set<string>();
      for (const [endorser, competences] of byEndorser) {
        for (const row of await endorsements.endorsedBy(endorser, competences.map(parse))) found.add(`${endorser}|${competenceKey(row)}`);
      }
      return keys.map((key) => found.has(key));
    });
  }
}
