import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { LocalDate } from '@bottega/core';
import { ActivityPeriodUnit } from '../activity-report.enums';

@InputType({ description: 'Exactly one of a territory (with those below it), a community or a project.' })
export class ActivityScopeInput {
  @Field(() => ID, { nullable: true })
  territoryId?: string | null;

  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => ID, { nullable: true })
  projectId?: string | null;
}

@ArgsType()
export class ActivityReportArgs {
  @Field(() => ActivityScopeInput)
  scope!: ActivityScopeInput;

  @Field(() => LocalDate, { description: 'The first day, in Europe/Rome.' })
  from!: string;

  @Field(() => LocalDate, { description: 'The last day, included; at most five years after the first.' })
  to!: string;

  @Field(() => ActivityPeriodUnit, { nullable: true, description: 'How the series is cut; weeks up to 92 days, months beyond, when left out.' })
  period?: ActivityPeriodUnit | null;
}
