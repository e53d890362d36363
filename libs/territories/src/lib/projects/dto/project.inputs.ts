import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, MaxLength } from 'class-validator';
import { ConnectionArgs, LocalDate } from '@bottega/core';
import { PartnerRole, ProjectPhase } from '../project.enums';

@InputType()
export class ProjectPartnerInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => PartnerRole, { defaultValue: PartnerRole.PARTNER })
  role!: PartnerRole;
}

@InputType()
export class CreateProjectInput {
  @Field()
  @Length(3, 160, { message: 'A title has 3 to 160 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Made from the title when left out.' })
  slug?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000, { message: 'A summary has at most 4000 characters.' })
  summary?: string | null;

  @Field(() => LocalDate)
  startsOn!: string;

  @Field(() => LocalDate)
  endsOn!: string;

  @Field(() => [String], { nullable: true, description: 'Up to 20 themes; normalised to slugs.' })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'Choose at most 20 themes.' })
  themes?: string[] | null;

  @Field(() => [ID], { description: 'Where the project runs: 1 to 20 territories.' })
  @ArrayMinSize(1, { message: 'Choose at least one territory.' })
  @ArrayMaxSize(20, { message: 'Choose at most 20 territories.' })
  territoryIds!: string[];

  @Field(() => [ProjectPartnerInput], { nullable: true, description: 'The partnership; at most one LEAD.' })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'A project has at most 50 partners.' })
  partners?: ProjectPartnerInput[] | null;
}

@InputType({ description: 'Fields left out stay as they are; lists given replace the current ones.' })
export class UpdateProjectInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 160, { message: 'A title has 3 to 160 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000, { message: 'A summary has at most 4000 characters.' })
  summary?: string | null;

  @Field(() => LocalDate, { nullable: true })
  startsOn?: string | null;

  @Field(() => LocalDate, { nullable: true })
  endsOn?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'Choose at most 20 themes.' })
  themes?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'Choose at least one territory.' })
  @ArrayMaxSize(20, { message: 'Choose at most 20 territories.' })
  territoryIds?: string[] | null;

  @Field(() => [ProjectPartnerInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'A project has at most 50 partners.' })
  partners?: ProjectPartnerInput[] | null;
}

export enum ProjectOrder {
  NEWEST_START = 'NEWEST_START',
  TITLE = 'TITLE',
}
registerEnumType(ProjectOrder, { name: 'ProjectOrder' });

@InputType()
export class ProjectFilter {
  @Field(() => ID, { nullable: true, description: 'Running in this territory or below it.' })
  territory?: string | null;

  @Field(() => ID, { nullable: true, description: 'With this organization in the partnership.' })
  organization?: string | null;

  @Field(() => String, { nullable: true })
  theme?: string | null;

  @Field(() => ProjectPhase, { nullable: true })
  phase?: ProjectPhase | null;

  @Field(() => String, { nullable: true, description: 'Titles starting with this text (case-insensitive).' })
  titlePrefix?: string | null;
}

@ArgsType()
export class ProjectsArgs extends ConnectionArgs {
  @Field(() => ProjectFilter, { nullable: true })
  filter?: ProjectFilter | null;

  @Field(() => ProjectOrder, { defaultValue: ProjectOrder.NEWEST_START })
  orderBy!: ProjectOrder;
}
