import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ConnectionArgs } from '@bottega/core';
import { Availability, CompetenceLevel, ProfileVisibility } from '../profile.enums';

@InputType()
export class CompetenceInput {
  @Field(() => ID)
  skillId!: string;

  @Field(() => CompetenceLevel)
  level!: CompetenceLevel;

  @Field(() => String, { nullable: true, description: 'Plain text, at most 1000 characters.' })
  evidence?: string | null;
}

@InputType()
export class SetCompetencesInput {
  @Field(() => [CompetenceInput], { description: 'All your competences, at most 30, each skill once; they replace the ones you had.' })
  competences!: CompetenceInput[];
}

@InputType()
export class SetProfileVisibilityInput {
  @Field(() => ProfileVisibility)
  visibility!: ProfileVisibility;
}

@InputType()
export class SetAvailabilityInput {
  @Field(() => Availability)
  availability!: Availability;
}

@InputType()
export class CompetenceProfileFilter {
  @Field(() => ID, { nullable: true, description: 'People with this competence (a merged skill stands for the one it went into).' })
  skill?: string | null;

  @Field(() => Availability, { nullable: true })
  availability?: Availability | null;
}

@ArgsType()
export class CompetenceProfilesArgs extends ConnectionArgs {
  @Field(() => CompetenceProfileFilter, { nullable: true })
  filter?: CompetenceProfileFilter | null;
}
