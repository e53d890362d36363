import { Field, ObjectType } from '@nestjs/graphql';
import { Connection } from '@bottega/core';
import { Thread } from '@bottega/forum';
import type { QuestionRouteRow } from './question-route.repository';

@ObjectType('RoutedQuestion', { description: 'An unanswered question routed to the viewer, for a skill of theirs its tags stand for.' })
export class RoutedQuestion {
  @Field(() => Thread)
  thread!: Thread;

  @Field({ description: 'When it was routed to the viewer.' })
  routedAt!: Date;

  @Field({ description: 'Whether it came with a QUESTION_ROUTED notification (not once the day’s quota was used).' })
  notified!: boolean;

  row!: QuestionRouteRow;
}

@ObjectType()
export class RoutedQuestionConnection extends Connection(RoutedQuestion, 'RoutedQuestion') {}
