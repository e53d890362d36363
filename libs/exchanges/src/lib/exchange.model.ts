import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection, Node, UserError, toGlobalId } from '@bottega/core';
import { languageOf } from '@bottega/markdown';
import { ExchangeChange, ExchangeFormat, ExchangeStatus, RegistrationStatus } from './exchange.enums';
import type { AgendaItemValue, ExchangeRow } from './exchange.repository';
import type { RegistrationRow } from './registration.repository';

/** The time zone exchanges are planned in; instants are stored and returned as such. */
export const EXCHANGE_TIME_ZONE = 'Europe/Rome';

@ObjectType('ExchangeDescription', { description: 'Markdown, and the sanitized HTML rendered from it when written.' })
export class ExchangeDescription {
  @Field()
  markdown!: string;

  @Field()
  html!: string;
}

@ObjectType('ExchangeAgendaItem', { description: 'One moment of an exchange’s programme, in order.' })
export class ExchangeAgendaItem {
  @Field({ description: 'An instant; shown in Europe/Rome.' })
  startsAt!: Date;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  static from(item: AgendaItemValue): ExchangeAgendaItem {
    return Object.assign(new ExchangeAgendaItem(), item);
  }
}

@ObjectType('PeerExchange', {
  implements: () => [Node],
  description:
    'A peer exchange: a study visit, a workshop, a webinar, mentoring or a peer review, hosted in a territory and a community, ' +
    'with its schedule, capacity and registrations. Times are instants, planned in Europe/Rome.',
})
export class PeerExchange extends Node {
  @Field()
  title!: string;

  @Field(() => ExchangeDescription)
  description!: ExchangeDescription;

  @Field({ description: 'The language the title and description are written in, as ISO 639-1 ("it", "en"): mark it (`lang`) where they are shown.' })
  get language(): string {
    return languageOf(`${this.title}\n${this.description.markdown}`);
  }

  @Field(() => ExchangeFormat)
  format!: ExchangeFormat;

  @Field(() => ExchangeStatus)
  status!: ExchangeStatus;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled, in the organisers’ words.' })
  cancelReason!: string | null;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field({ description: `The time zone it is planned in: always ${EXCHANGE_TIME_ZONE}.` })
  timeZone!: string;

  @Field({ description: 'Registrations close after this instant.' })
  registrationDeadline!: Date;

  @Field(() => Int)
  capacity!: number;

  @Field(() => Int, { description: 'Seats held now.' })
  registeredCount!: number;

  @Field(() => Int, { description: 'People waiting for a seat.' })
  waitlistedCount!: number;

  @Field(() => Int, { description: 'Seats still free (never below zero, also when the capacity was lowered below the seats held).' })
  seatsLeft!: number;

  @Field(() => [ExchangeAgendaItem])
  agenda!: ExchangeAgendaItem[];

  @Field(() => Int, { description: 'Name it in `updatePeerExchange`: a stale one is a CONFLICT.' })
  version!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  row!: ExchangeRow;

  static from(row: ExchangeRow): PeerExchange {
    return Object.assign(new PeerExchange(), {
      id: toGlobalId('PeerExchange', row.id),
      dbId: row.id,
      title: row.title,
      description: Object.assign(new ExchangeDescription(), { markdown: row.descriptionSource, html: row.descriptionHtml }),
      format: row.format,
      status: row.status,
      cancelReason: row.cancelReason,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      timeZone: EXCHANGE_TIME_ZONE,
      registrationDeadline: row.registrationDeadline,
      capacity: row.capacity,
      registeredCount: row.registeredCount,
      waitlistedCount: row.waitlistedCount,
      seatsLeft: Math.max(row.capacity - row.registeredCount, 0),
      agenda: row.agenda.map(ExchangeAgendaItem.from),
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      row,
    });
  }
}

@ObjectType()
export class PeerExchangeConnection extends Connection(PeerExchange, 'PeerExchange') {}

@ObjectType('ExchangeRegistration', {
  implements: () => [Node],
  description: 'Someone’s registration at a peer exchange; seen by the exchange’s managers and by the person.',
})
export class ExchangeRegistration extends Node {
  @Field(() => RegistrationStatus)
  status!: RegistrationStatus;

  @Field(() => Int, { nullable: true, description: 'Place in the waitlist, 1 first, while WAITLISTED.' })
  position!: number | null;

  @Field(() => String, { nullable: true, description: 'What they want to learn.' })
  note!: string | null;

  @Field({ description: 'When they (last) registered.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When a seat freed up for them.' })
  promotedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;

  row!: RegistrationRow;

  static from(row: RegistrationRow): ExchangeRegistration {
    return Object.assign(new ExchangeRegistration(), {
      id: toGlobalId('ExchangeRegistration', row.id),
      dbId: row.id,
      status: row.status as RegistrationStatus,
      position: row.position,
      note: row.note,
      createdAt: row.createdAt,
      promotedAt: row.promotedAt,
      cancelledAt: row.cancelledAt,
      row,
    });
  }
}

@ObjectType()
export class ExchangeRegistrationConnection extends Connection(ExchangeRegistration, 'ExchangeRegistration') {}

@ObjectType()
export class PeerExchangePayload {
  @Field(() => PeerExchange, { nullable: true })
  peerExchange!: PeerExchange | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class ExchangeRegistrationPayload {
  @Field(() => ExchangeRegistration, { nullable: true })
  registration!: ExchangeRegistration | null;

  @Field(() => PeerExchange, { nullable: true, description: 'The exchange as it is after the change (seats, waitlist).' })
  peerExchange!: PeerExchange | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('PeerExchangeUpdate', { description: 'A change to a peer exchange, with the exchange as it is now.' })
export class PeerExchangeUpdate {
  @Field(() => ExchangeChange)
  change!: ExchangeChange;

  @Field(() => PeerExchange)
  peerExchange!: PeerExchange;
}
