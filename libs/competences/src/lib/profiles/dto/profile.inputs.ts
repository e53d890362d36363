import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ConnectionArgs } from '@bottega/core';
import { OrganizationKind } from '@bottega/territories';
import { Availability, CompetenceLevel, ProfileVisibility } from '../profile.enums';

@InputType()
export class CompetenceInput {
  @Field(() => ID)
  skillId!: string;

  @Field(() => CompetenceLevel)
  level!: CompetenceLevel;

  @Field(() => String, { nullable: true, description: 'What shows it, in your words: plain text, at most 1000 characters.' })
  evidenceNote?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Practices and posts of yours that show it, at most 10; each one you may read and authored (or co-authored).' })
  evidenceIds?: string[] | null;
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

@InputType()
export class ProfileOrganizationInput {
  @Field({ description: '2 to 120 characters.' })
  name!: string;

  @Field(() => OrganizationKind, { nullable: true })
  kind?: OrganizationKind | null;
}

@InputType({ description: 'Only the fields given change; null clears a field (a display name cannot be cleared).' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true, description: 'Shown wherever you appear: 2 to 80 characters.' })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: 'About you, in Markdown: at most 2,000 characters.' })
  bio?: string | null;

  @Field(() => String, { nullable: true, description: 'An https address of your picture, at most 2,048 characters.' })
  avatarUrl?: string | null;

  @Field(() => ProfileOrganizationInput, { nullable: true })
  organization?: ProfileOrganizationInput | null;

  @Field(() => [ID], { nullable: true, description: 'Territories you work in, at most 10, in your order.' })
  territoryIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Languages you work in, as ISO 639-1 codes ("it", "en"), at most 10.' })
  languages?: string[] | null;
}
