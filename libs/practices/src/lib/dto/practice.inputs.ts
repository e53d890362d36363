import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsNotEmpty, IsOptional, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ConnectionArgs, LocalDate } from '@bottega/core';
import { POST_MAX_LENGTH } from '@bottega/markdown';
import { PracticeKind, PracticeOrder, PracticeStatus } from '../practice.enums';
import { ORGANIZATIONS_LIMIT, ORGANIZATION_NAME_MAX_LENGTH, ORGANIZATION_NAME_MIN_LENGTH } from '../practice-organization';
import { PracticeOrganizationKind, PracticeOrganizationRole } from '../practice-organization.enums';

const SECTION_TOO_LONG = { message: `A section has at most ${POST_MAX_LENGTH} characters.` };
const ORGANIZATION_NAME_LENGTH = { message: `An organization’s name has ${ORGANIZATION_NAME_MIN_LENGTH} to ${ORGANIZATION_NAME_MAX_LENGTH} characters.` };

@InputType()
export class PracticeOrganizationInput {
  @Field({ description: `As the organization calls itself, ${ORGANIZATION_NAME_MIN_LENGTH} to ${ORGANIZATION_NAME_MAX_LENGTH} characters; each organization once.` })
  @MinLength(ORGANIZATION_NAME_MIN_LENGTH, ORGANIZATION_NAME_LENGTH)
  @MaxLength(ORGANIZATION_NAME_MAX_LENGTH, ORGANIZATION_NAME_LENGTH)
  name!: string;

  @Field(() => PracticeOrganizationKind)
  kind!: PracticeOrganizationKind;

  @Field(() => PracticeOrganizationRole)
  role!: PracticeOrganizationRole;
}

/** What a practice says and links to; every field optional (a draft is written over time). */
@InputType({ isAbstract: true })
abstract class PracticeFieldsInput {
  @Field(() => PracticeKind, { nullable: true, description: 'PRACTICE when a practice is created without it.' })
  kind?: PracticeKind | null;

  @Field(() => String, { nullable: true, description: 'Plain text, at most 1000 characters.' })
  @IsOptional()
  @MaxLength(1000, { message: 'A summary has at most 1000 characters.' })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'Markdown: the need or problem addressed, and for whom.' })
  @IsOptional()
  @MaxLength(POST_MAX_LENGTH, SECTION_TOO_LONG)
  need?: string | null;

  @Field(() => String, { nullable: true, description: 'Markdown: governance, process, services.' })
  @IsOptional()
  @MaxLength(POST_MAX_LENGTH, SECTION_TOO_LONG)
  approach?: string | null;

  @Field(() => String, { nullable: true, description: 'Markdown: people, money, assets and partners activated.' })
  @IsOptional()
  @MaxLength(POST_MAX_LENGTH, SECTION_TOO_LONG)
  resources?: string | null;

  @Field(() => String, { nullable: true, description: 'Markdown: results and evidence.' })
  @IsOptional()
  @MaxLength(POST_MAX_LENGTH, SECTION_TOO_LONG)
  results?: string | null;

  @Field(() => String, { nullable: true, description: 'Markdown: difficulties met and lessons learnt.' })
  @IsOptional()
  @MaxLength(POST_MAX_LENGTH, SECTION_TOO_LONG)
  difficulties?: string | null;

  @Field(() => String, { nullable: true, description: 'Markdown: what another territory needs to replicate it.' })
  @IsOptional()
  @MaxLength(POST_MAX_LENGTH, SECTION_TOO_LONG)
  transferability?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'In an update, null clears it.' })
  startsOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'In an update, null clears it.' })
  endsOn?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Up to 10 territories where it happened.' })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'Choose at most 10 territories.' })
  territoryIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Up to 10 tags, shared with the forum; made into slugs, created on first use.' })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'Use at most 10 tags.' })
  tags?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The living lab it comes from; in an update, null clears it.' })
  projectId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Up to 10 co-authors besides the creator; they edit and submit it too.' })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'Name at most 10 co-authors.' })
  coAuthorIds?: string[] | null;

  @Field(() => [PracticeOrganizationInput], {
    nullable: true,
    description: `Up to ${ORGANIZATIONS_LIMIT} organizations involved, in the order to show them, each named once (case and accents aside).`,
  })
  @IsOptional()
  @ArrayMaxSize(ORGANIZATIONS_LIMIT, { message: `Name at most ${ORGANIZATIONS_LIMIT} organizations.` })
  @ValidateNested({ each: true })
  @Type(() => PracticeOrganizationInput)
  organizations?: PracticeOrganizationInput[] | null;
}

@InputType()
export class CreatePracticeInput extends PracticeFieldsInput {
  @Field()
  @MinLength(3, { message: 'A title has 3 to 120 characters.' })
  @MaxLength(120, { message: 'A title has 3 to 120 characters.' })
  title!: string;

  @Field(() => ID, { nullable: true, description: 'The community it belongs to: its coordinators review it, and its readers read it once published.' })
  communityId?: string | null;
}

@InputType({ description: 'Fields left out stay as they are; lists given replace the current ones.' })
export class UpdatePracticeInput extends PracticeFieldsInput {
  @Field(() => ID)
  practiceId!: string;

  @Field(() => Int, { description: 'The version you edited; if the practice changed since, the update is refused as a CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(3, { message: 'A title has 3 to 120 characters.' })
  @MaxLength(120, { message: 'A title has 3 to 120 characters.' })
  title?: string | null;
}

@InputType()
export class PracticeDecisionInput {
  @Field(() => ID)
  practiceId!: string;
}

@InputType()
export class ReturnPracticeInput {
  @Field(() => ID)
  practiceId!: string;

  @Field({ description: 'What the authors should change (at most 1000 characters); they read it on the practice, and the audit log keeps it.' })
  @IsNotEmpty({ message: 'Tell the authors what to change.' })
  @MaxLength(1000, { message: 'A comment has at most 1000 characters.' })
  comment!: string;
}

@InputType()
export class PracticeFilter {
  @Field(() => ID, { nullable: true, description: 'About this territory or one below it.' })
  territory?: string | null;

  @Field(() => String, { nullable: true })
  tag?: string | null;

  @Field(() => PracticeKind, { nullable: true })
  kind?: PracticeKind | null;

  @Field(() => PracticeStatus, { nullable: true, description: 'DRAFT or IN_REVIEW: those you write or review.' })
  status?: PracticeStatus | null;

  @Field(() => ID, { nullable: true })
  community?: string | null;

  @Field(() => ID, { nullable: true })
  project?: string | null;

  @Field(() => [PracticeOrganizationKind], { nullable: true, description: 'Involving at least one organization of one of these kinds.' })
  organizationKinds?: PracticeOrganizationKind[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Typed words (at most 100 characters): each starts a word of the title or summary, case and accents aside, so "anz sol" finds "Anziani soli". Blank: no condition.',
  })
  textPrefix?: string | null;
}

@ArgsType()
export class PracticesArgs extends ConnectionArgs {
  @Field(() => PracticeFilter, { nullable: true })
  filter?: PracticeFilter | null;

  @Field(() => PracticeOrder, { defaultValue: PracticeOrder.NEWEST })
  orderBy!: PracticeOrder;
}
