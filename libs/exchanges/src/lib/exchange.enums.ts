import { registerEnumType } from '@nestjs/graphql';

export enum ExchangeFormat {
  STUDY_VISIT = 'STUDY_VISIT',
  WORKSHOP = 'WORKSHOP',
  WEBINAR = 'WEBINAR',
  MENTORING = 'MENTORING',
  PEER_REVIEW = 'PEER_REVIEW',
}
registerEnumType(ExchangeFormat, {
  name: 'ExchangeFormat',
  valuesMap: {
    STUDY_VISIT: { description: 'A visit to a project that solved a problem, to see how.' },
    WORKSHOP: { description: 'Working together on a question, in person.' },
    WEBINAR: { description: 'A presentation online, with questions.' },
    MENTORING: { description: 'An experienced practitioner accompanying another.' },
    PEER_REVIEW: { description: 'Peers from other territories examine the host’s situation.' },
  },
});

export enum ExchangeStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ExchangeStatus, {
  name: 'ExchangeStatus',
  description: 'DRAFT → OPEN (registrations) → CLOSED → COMPLETED; CANCELLED from any but COMPLETED.',
});

export enum RegistrationStatus {
  REGISTERED = 'REGISTERED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
  ATTENDED = 'ATTENDED',
  NO_SHOW = 'NO_SHOW',
}
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  valuesMap: {
    REGISTERED: { description: 'Holds a seat.' },
    WAITLISTED: { description: 'Waits for a seat, in arrival order; promoted when one frees up.' },
    CANCELLED: { description: 'Cancelled by the participant.' },
    ATTENDED: { description: 'Took part (recorded after the exchange).' },
    NO_SHOW: { description: 'Held a seat and did not come (recorded after the exchange).' },
  },
});

export enum ExchangeOrder {
  STARTS_AT = 'STARTS_AT',
  NEWEST = 'NEWEST',
}
registerEnumType(ExchangeOrder, {
  name: 'ExchangeOrder',
  valuesMap: {
    STARTS_AT: { description: 'Soonest first.' },
    NEWEST: { description: 'Most recently created first.' },
  },
});

/** What a `peerExchangeUpdated` event says changed. */
export enum ExchangeChange {
  STATUS = 'STATUS',
  SEATS = 'SEATS',
  DETAILS = 'DETAILS',
}
registerEnumType(ExchangeChange, {
  name: 'ExchangeChange',
  valuesMap: {
    STATUS: { description: 'It opened, closed, was completed or cancelled.' },
    SEATS: { description: 'A registration, a cancellation, a promotion or a new capacity.' },
    DETAILS: { description: 'Its schedule, place, agenda or other details.' },
  },
});
