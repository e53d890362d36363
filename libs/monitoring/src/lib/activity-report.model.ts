import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { LocalDate } from '@bottega/core';
import { Community } from '@bottega/forum';
import { Project, Territory } from '@bottega/territories';
import { ActivityPeriodUnit, ActivityScopeKind } from './activity-report.enums';

@ObjectType('ActivityScope', { description: 'What an activity report covers: one territory (with those below it), community or project.' })
export class ActivityScopeInfo {
  @Field(() => ActivityScopeKind)
  kind!: ActivityScopeKind;

  @Field({ description: 'The territory’s or community’s name, the project’s title.' })
  name!: string;

  @Field(() => Territory, { nullable: true })
  territory!: Territory | null;

  @Field(() => Community, { nullable: true })
  community!: Community | null;

  @Field(() => Project, { nullable: true })
  project!: Project | null;

  @Field(() => Int, { description: 'Territories counted: the scope’s, with every one below them (none for a community without a territory).' })
  territoryCount!: number;
}

@ObjectType('ForumActivity', { description: 'Threads and posts the viewer may read, in the scope and range.' })
export class ForumActivityFigures {
  @Field(() => Int, { description: 'Threads started.' })
  threads!: number;

  @Field(() => Int, { description: 'Posts written, opening posts included.' })
  posts!: number;

  @Field(() => Int, { description: 'Posts answering a thread (all but opening posts).' })
  replies!: number;

  @Field(() => Int, { description: 'Questions asked.' })
  questionsAsked!: number;

  @Field(() => Int, { description: 'Of the questions asked, those with an accepted answer.' })
  questionsAnswered!: number;

  @Field(() => Int, { description: 'Of the questions asked, those whose accepted answer came within 48 hours.' })
  questionsAnsweredWithin48Hours!: number;

  @Field(() => Float, { nullable: true, description: 'Share (0 to 1) of the questions asked answered within 48 hours; null when none was asked.' })
  answeredWithin48HoursShare!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Median hours from a thread’s opening to its first reply by someone else, over threads started that had one; null without any.',
  })
  medianHoursToFirstReply!: number | null;
}

@ObjectType('PracticeActivity', { description: 'Practices and stories the viewer may read, in the scope and range.' })
export class PracticeActivityFigures {
  @Field(() => Int, { description: 'Practices and stories published.' })
  published!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Practices from elsewhere taken up in the scope’s territories (or by its project), abandoned attempts left out; null when the scope has no territory.',
  })
  adoptedHere!: number | null;

  @Field(() => Int, { description: 'The scope’s practices taken up outside its territories, abandoned attempts left out.' })
  adoptedElsewhere!: number;
}

@ObjectType('ExchangeActivity', { description: 'Peer exchanges held in the scope and range.' })
export class ExchangeActivityFigures {
  @Field(() => Int, { description: 'Exchanges that took place.' })
  held!: number;

  @Field(() => Int, { description: 'Distinct people who attended them.' })
  participants!: number;

  @Field(() => Int)
  attended!: number;

  @Field(() => Int)
  noShows!: number;

  @Field(() => Float, { nullable: true, description: 'Attended over attended and no-shows (0 to 1); null when attendance was not recorded.' })
  attendanceRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Average rating (1 to 5) of the feedback given; null without any.' })
  averageFeedback!: number | null;

  @Field(() => Int)
  feedbackCount!: number;
}

@ObjectType({ description: 'One period of the report’s series (a week or a month, clipped to the range).' })
export class ActivityPeriod {
  @Field(() => LocalDate)
  starts!: string;

  @Field(() => LocalDate, { description: 'Its last day, included.' })
  ends!: string;

  @Field(() => Int)
  threads!: number;

  @Field(() => Int)
  posts!: number;

  @Field(() => Int)
  questionsAsked!: number;

  @Field(() => Int)
  questionsAnswered!: number;

  @Field(() => Float, { nullable: true, description: 'Share (0 to 1) of the period’s questions that have an accepted answer; null when none was asked.' })
  answeredShare!: number | null;
}

@ObjectType({
  description:
    'Activity figures for a territory (with those below it), a community or a project over a range of days (Europe/Rome), counting only what the viewer may read.',
})
export class ActivityReport {
  @Field(() => ActivityScopeInfo)
  scope!: ActivityScopeInfo;

  @Field(() => LocalDate)
  from!: string;

  @Field(() => LocalDate, { description: 'The last day, included.' })
  to!: string;

  @Field(() => ActivityPeriodUnit)
  period!: ActivityPeriodUnit;

  @Field(() => Int, { description: 'Distinct people who posted, replied, published or took part in an exchange.' })
  activeMembers!: number;

  @Field(() => ForumActivityFigures, { nullable: true, description: 'Null when this API has no forum.' })
  forum!: ForumActivityFigures | null;

  @Field(() => PracticeActivityFigures, { nullable: true, description: 'Null when this API has no practices.' })
  practices!: PracticeActivityFigures | null;

  @Field(() => ExchangeActivityFigures, { nullable: true, description: 'Null when this API does not count peer exchanges.' })
  exchanges!: ExchangeActivityFigures | null;

  @Field(() => [ActivityPeriod], { description: 'The forum’s figures per week or month, in order, every period of the range present.' })
  periods!: ActivityPeriod[];
}
