import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Connection, UserError } from '@bottega/core';
import { PeerExchange } from './exchange.model';
import type { FeedbackRow, FeedbackSummaryRow } from './exchange-feedback.repository';

@ObjectType('ExchangeFeedbackSummary', { description: 'The ratings attendees gave, in aggregate; seen by everyone who reads the exchange.' })
export class ExchangeFeedbackSummary {
  @Field(() => Int)
  count!: number;

  @Field(() => Float, { nullable: true, description: 'The average rating (1 to 5); null without any.' })
  average!: number | null;

  @Field(() => [Int], { description: 'How many gave 1, 2, 3, 4 and 5, in that order.' })
  distribution!: number[];

  static from(row: FeedbackSummaryRow | null): ExchangeFeedbackSummary {
    return Object.assign(new ExchangeFeedbackSummary(), {
      count: row?.count ?? 0,
      average: row?.average ?? null,
      distribution: row?.distribution ?? [0, 0, 0, 0, 0],
    });
  }
}

@ObjectType('ExchangeFeedback', { description: 'An attendee’s rating and comment; seen by those who run the exchange and by its author.' })
export class ExchangeFeedback {
  @Field(() => Int)
  rating!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  row!: FeedbackRow;

  static from(row: FeedbackRow): ExchangeFeedback {
    return Object.assign(new ExchangeFeedback(), { rating: row.rating, comment: row.comment, createdAt: row.createdAt, updatedAt: row.updatedAt, row });
  }
}

@ObjectType()
export class ExchangeFeedbackConnection extends Connection(ExchangeFeedback, 'ExchangeFeedback') {}

@ObjectType()
export class ExchangeFeedbackPayload {
  @Field(() => ExchangeFeedback, { nullable: true })
  feedback!: ExchangeFeedback | null;

  @Field(() => PeerExchange, { nullable: true, description: 'The exchange, with its feedback summary as it is now.' })
  peerExchange!: PeerExchange | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
