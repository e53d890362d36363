import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsUrl, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ConnectionArgs } from '@bottega/core';
import { POST_MAX_LENGTH } from '@bottega/markdown';
import { ExchangeFormat, ExchangeOrder, ExchangeStatus, RegistrationStatus } from '../exchange.enums';

const TITLE_LENGTH = { message: 'A title has 8 to 200 characters.' };
const HTTPS = { message: 'Enter a web address starting with https://.' };

@InputType({ description: 'One moment of the programme.' })
export class ExchangeAgendaItemInput {
  @Field({ description: 'An instant (ISO 8601 with its offset), within the exchange’s schedule.' })
  startsAt!: Date;

  @Field()
  @MinLength(1, { message: 'Give each agenda item a title.' })
  @MaxLength(200, { message: 'An agenda item’s title has at most 200 characters.' })
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000, { message: 'A note has at most 1000 characters.' })
  note?: string | null;
}

/** What both a create and an update may set. */
@InputType({ isAbstract: true })
abstract class ExchangeFieldsInput {
  @Field(() => String, { nullable: true, description: 'Markdown.' })
  @IsOptional()
  @MaxLength(POST_MAX_LENGTH, { message: `A description has at most ${POST_MAX_LENGTH} characters.` })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Where it takes place (an address). Shown only to those registered, hosts and managers.' })
  @IsOptional()
  @MaxLength(500, { message: 'A venue has at most 500 characters.' })
  venue?: string | null;

  @Field(() => String, { nullable: true, description: 'The https link of an online exchange. Shown only to those registered, hosts and managers.' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, HTTPS)
  @MaxLength(2000, HTTPS)
  onlineUrl?: string | null;

  @Field(() => [ExchangeAgendaItemInput], { nullable: true, description: 'Up to 30 items, in order; replaces the agenda.' })
  @IsOptional()
  @ArrayMaxSize(30, { message: 'An agenda has at most 30 items.' })
  @ValidateNested({ each: true })
  @Type(() => ExchangeAgendaItemInput)
  agenda?: ExchangeAgendaItemInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Up to 20 practices to study, that the writer reads; replaces them.' })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'Choose at most 20 practices.' })
  practiceIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Up to 10 target skills; replaces them.' })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'Choose at most 10 skills.' })
  skillIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A PEER_REVIEW’s question for its peers, 10 to 2000 characters; required before its registrations open.' })
  @IsOptional()
  reviewQuestion?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Up to 10 hosts (people); the creator when none are named at creation.' })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'Name at most 10 hosts.' })
  hostIds?: string[] | null;
}

@InputType()
export class CreatePeerExchangeInput extends ExchangeFieldsInput {
  @Field({ description: '8 to 200 characters; also the title of its discussion thread.' })
  @MinLength(8, TITLE_LENGTH)
  @MaxLength(200, TITLE_LENGTH)
  title!: string;

  @Field(() => ExchangeFormat)
  format!: ExchangeFormat;

  @Field(() => ID)
  hostTerritoryId!: string;

  @Field(() => ID, { nullable: true })
  hostProjectId?: string | null;

  @Field(() => ID, { description: 'Where its discussion thread is opened; its coordinators manage the exchange.' })
  hostCommunityId!: string;

  @Field({ description: 'An instant (ISO 8601 with its offset); planned in Europe/Rome.' })
  startsAt!: Date;

  @Field({ description: 'After `startsAt`.' })
  endsAt!: Date;

  @Field(() => Int, { description: 'Seats; 0 or more (beyond it, people are waitlisted).' })
  @Min(0, { message: 'Capacity is 0 or more.' })
  capacity!: number;

  @Field({ description: 'No later than `startsAt`.' })
  registrationDeadline!: Date;
}

@InputType()
export class UpdatePeerExchangeInput extends ExchangeFieldsInput {
  @Field(() => ID)
  exchangeId!: string;

  @Field(() => Int, { description: 'The version edited; a stale one is a CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(8, TITLE_LENGTH)
  @MaxLength(200, TITLE_LENGTH)
  title?: string | null;

  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  registrationDeadline?: Date | null;
}

@InputType()
export class PeerExchangeInput {
  @Field(() => ID)
  exchangeId!: string;
}

@InputType()
export class CancelPeerExchangeInput {
  @Field(() => ID)
  exchangeId!: string;

  @Field({ description: 'Told to everyone registered or waitlisted.' })
  @MinLength(3, { message: 'Say why, in at least 3 characters.' })
  @MaxLength(1000, { message: 'A reason has at most 1000 characters.' })
  reason!: string;
}

@InputType()
export class SetExchangeCapacityInput {
  @Field(() => ID)
  exchangeId!: string;

  @Field(() => Int, { description: 'Raising it promotes the waitlisted in order; lowering it never removes anyone registered.' })
  @Min(0, { message: 'Capacity is 0 or more.' })
  capacity!: number;
}

@InputType()
export class RegisterForExchangeInput {
  @Field(() => ID)
  exchangeId!: string;

  @Field(() => String, { nullable: true, description: 'What I want to learn; seen by the organisers.' })
  @IsOptional()
  @MaxLength(1000, { message: 'A note has at most 1000 characters.' })
  note?: string | null;
}

@InputType()
export class CancelRegistrationInput {
  @Field(() => ID)
  exchangeId!: string;
}

@InputType()
export class PeerExchangeFilter {
  @Field(() => [ExchangeStatus], { nullable: true })
  statuses?: ExchangeStatus[] | null;

  @Field(() => ExchangeStatus, { nullable: true })
  status?: ExchangeStatus | null;

  @Field(() => [ExchangeFormat], { nullable: true })
  formats?: ExchangeFormat[] | null;

  @Field(() => ID, { nullable: true, description: 'Hosted in this territory or one within it.' })
  territoryId?: string | null;

  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Taking place, even in part, after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Taking place, even in part, before this instant.' })
  to?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Hosted by this person.' })
  hostedBy?: string | null;

  @Field(() => ID, { nullable: true, description: 'Where this person holds or waits for a seat: the viewer themselves (staff: anyone).' })
  registeredBy?: string | null;
}

@ArgsType()
export class PeerExchangesArgs extends ConnectionArgs {
  @Field(() => PeerExchangeFilter, { nullable: true })
  filter?: PeerExchangeFilter | null;

  @Field(() => ExchangeOrder, { defaultValue: ExchangeOrder.STARTS_AT })
  orderBy!: ExchangeOrder;
}

@ArgsType()
export class ExchangeRegistrationsArgs extends ConnectionArgs {
  @Field(() => [RegistrationStatus], { nullable: true })
  statuses?: RegistrationStatus[] | null;
}
