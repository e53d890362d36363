import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { LocalDate } from '@bottega/core';
import { AdoptionOutcome } from '../practice-adoption.enums';

@InputType()
export class RecordAdoptionInput {
  @Field(() => ID)
  practiceId!: string;

  @Field(() => ID, { description: 'Where it was taken up.' })
  territoryId!: string;

  @Field(() => String, { nullable: true, description: 'The organization that took it up, as you write it (at most 160 characters).' })
  @IsOptional()
  @MaxLength(160, { message: 'An organization’s name has at most 160 characters.' })
  organizationName?: string | null;

  @Field(() => ID, { nullable: true, description: 'The living lab that took it up.' })
  projectId?: string | null;

  @Field(() => LocalDate, { description: 'When it was taken up; not a day to come.' })
  adoptedOn!: string;

  @Field({ description: 'How it went, what changed, what others should know (at most 2000 characters).' })
  @IsNotEmpty({ message: 'Tell others how it went.' })
  @MaxLength(2000, { message: 'Notes have at most 2000 characters.' })
  notes!: string;

  @Field(() => AdoptionOutcome)
  outcome!: AdoptionOutcome;
}

@InputType({ description: 'Fields left out stay as they are; null clears the organization or the project.' })
export class UpdateAdoptionInput {
  @Field(() => ID)
  adoptionId!: string;

  @Field(() => ID, { nullable: true })
  territoryId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(160, { message: 'An organization’s name has at most 160 characters.' })
  organizationName?: string | null;

  @Field(() => ID, { nullable: true })
  projectId?: string | null;

  @Field(() => LocalDate, { nullable: true })
  adoptedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty({ message: 'Tell others how it went.' })
  @MaxLength(2000, { message: 'Notes have at most 2000 characters.' })
  notes?: string | null;

  @Field(() => AdoptionOutcome, { nullable: true })
  outcome?: AdoptionOutcome | null;
}

@InputType()
export class RemoveAdoptionInput {
  @Field(() => ID)
  adoptionId!: string;
}
