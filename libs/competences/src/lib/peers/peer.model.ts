import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@bottega/core';
import { CompetenceLevel } from '../profiles/profile.enums';
import { CompetenceProfile } from '../profiles/profile.model';
import { Skill } from '../skills/skill.model';
import { TerritoryMatch } from './peer.enums';
import type { PeerRow } from './peer.repository';

@ObjectType('MatchedSkill', { description: 'A skill of the need that the person has, at their level.' })
export class MatchedSkill {
  @Field(() => Skill)
  skill!: Skill;

  @Field(() => CompetenceLevel)
  level!: CompetenceLevel;

  @Field(() => Int, { description: 'Endorsements of this competence.' })
  endorsementCount!: number;
}

@ObjectType('PeerSuggestion', { description: 'Someone who could help with a need, and why they are suggested.' })
export class PeerSuggestion {
  @Field(() => CompetenceProfile)
  profile!: CompetenceProfile;

  @Field(() => Int, {
    description:
      'Higher ranks first: points for each matched skill by level, for endorsements of those competences, for published practices on those themes, and for the territory.',
  })
  score!: number;

  @Field(() => [MatchedSkill], { description: 'The skills of the need the person has, highest level first.' })
  matchedSkills!: MatchedSkill[];

  @Field(() => Int, { description: 'Endorsements of the matched competences, together.' })
  endorsementCount!: number;

  @Field(() => Int, { description: 'Published practices by the person on the themes of the matched skills that the viewer may read.' })
  evidenceCount!: number;

  @Field(() => TerritoryMatch)
  territoryMatch!: TerritoryMatch;

  @Field(() => [String], { description: 'Why this person is suggested, in words, most significant first.' })
  reasons!: string[];

  row!: PeerRow;
}

@ObjectType()
export class PeerSuggestionConnection extends Connection(PeerSuggestion, 'PeerSuggestion') {}
