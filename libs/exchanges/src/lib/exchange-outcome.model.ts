import { Field, Int, ObjectType } from '@nestjs/graphql';
import { LocalDate, UserError } from '@bottega/core';
import { ExchangeRegistration, PeerExchange } from './exchange.model';
import type { FollowUpValue, OutcomeRow } from './exchange-outcome.repository';

@ObjectType('ExchangeText', { description: 'Markdown, and the sanitized HTML rendered from it when written.' })
export class ExchangeText {
  @Field()
  markdown!: string;

  @Field()
  html!: string;
}

@ObjectType('FollowUpAction', { description: 'Something to do after the exchange, by someone, by a day.' })
export class FollowUpAction {
  @Field()
  description!: string;

  @Field(() => LocalDate)
  dueOn!: string;

  value!: FollowUpValue;

  static from(value: FollowUpValue): FollowUpAction {
    return Object.assign(new FollowUpAction(), { description: value.description, dueOn: value.dueOn, value });
  }
}

@ObjectType('ExchangeOutcomes', { description: 'What came of a peer exchange, recorded by those who ran it; read by everyone who reads the exchange.' })
export class ExchangeOutcomes {
  @Field(() => ExchangeText)
  summary!: ExchangeText;

  @Field(() => ExchangeText)
  learnings!: ExchangeText;

  @Field(() => [FollowUpAction])
  followUpActions!: FollowUpAction[];

  @Field(() => Int, { description: 'Name it in `recordOutcomes` when editing: a stale one is a CONFLICT.' })
  version!: number;

  @Field({ description: 'When they were first published.' })
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  row!: OutcomeRow;

  static from(row: OutcomeRow): ExchangeOutcomes {
    return Object.assign(new ExchangeOutcomes(), {
      summary: Object.assign(new ExchangeText(), { markdown: row.summarySource, html: row.summaryHtml }),
      learnings: Object.assign(new ExchangeText(), { markdown: row.learningsSource, html: row.learningsHtml }),
      followUpActions: row.followUps.map(FollowUpAction.from),
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      row,
    });
  }
}

@ObjectType()
export class ExchangeAttendancePayload {
  @Field(() => PeerExchange, { nullable: true })
  peerExchange!: PeerExchange | null;

  @Field(() => [ExchangeRegistration], { nullable: true, description: 'The registrations marked, in the order given.' })
  registrations!: ExchangeRegistration[] | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
