import ical, { ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime } from 'luxon';
import { ExchangeStatus, RegistrationStatus } from './exchange.enums';
import { EXCHANGE_TIME_ZONE } from './exchange.model';
import type { ExchangeRow } from './exchange.repository';

/** One exchange in a calendar, as its reader may see it. */
export interface CalendarEntry {
  exchange: ExchangeRow;
  /** Whether the reader is told where it takes place (the API's own rule). */
  showPlace: boolean;
  /** The reader's standing in a personal feed: REGISTERED, WAITLISTED (with the place in line) or REVIEWER. */
  standing?: { status: RegistrationStatus | 'REVIEWER'; position: number | null };
}

const STANDING_NOTES: Record<RegistrationStatus | 'REVIEWER', string> = {
  REGISTERED: 'Iscrizione confermata.',
  WAITLISTED: 'In lista d’attesa',
  CANCELLED: '',
  ATTENDED: '',
  NO_SHOW: '',
  REVIEWER: 'Partecipi come revisore alla peer review.',
};

/** The wall-clock time in Rome of an instant, which ical-generator writes with TZID=Europe/Rome. */
const inRome = (instant: Date) => DateTime.fromJSDate(instant, { zone: EXCHANGE_TIME_ZONE });

/**
 * An iCalendar of exchanges, in Europe/Rome with its VTIMEZONE (both
 * daylight-saving rules). Each event's UID is stable per exchange; SEQUENCE
 * follows the exchange's version, DTSTAMP and LAST-MODIFIED its last change;
 * a cancelled exchange is STATUS:CANCELLED, a draft or a waitlisted seat TENTATIVE.
 */
export function exchangeCalendar(name: string, entries: CalendarEntry[]): string {
  // No calendar-wide zone: the stamps stay in UTC, while each event names its zone and the generator writes its VTIMEZONE.
  const calendar: ICalCalendar = ical({ name, prodId: { company: 'Bottega', product: 'Peer exchanges', language: 'IT' } });
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  for (const { exchange, showPlace, standing } of entries) {
    const waitlisted = standing?.status === RegistrationStatus.WAITLISTED;
    const notes = [
      exchange.status === ExchangeStatus.CANCELLED && exchange.cancelReason ? `Annullato: ${exchange.cancelReason}` : null,
      standing ? `${STANDING_NOTES[standing.status]}${waitlisted && standing.position ? ` (posizione ${standing.position}).` : waitlisted ? '.' : ''}` : null,
      exchange.descriptionSource || null,
    ].filter((note): note is string => Boolean(note));
    calendar.createEvent({
      id: `peer-exchange-${exchange.id}@bottega`,
      sequence: exchange.version - 1,
      stamp: exchange.updatedAt,
      lastModified: exchange.updatedAt,
      created: exchange.createdAt,
      start: inRome(exchange.startsAt),
      end: inRome(exchange.endsAt),
      timezone: EXCHANGE_TIME_ZONE,
      summary: waitlisted ? `${exchange.title} (lista d’attesa)` : exchange.title,
      description: notes.join('\n\n') || null,
      location: showPlace ? (exchange.venue ?? exchange.onlineUrl) : null,
      url: showPlace ? exchange.onlineUrl : null,
      status:
        exchange.status === ExchangeStatus.CANCELLED
          ? ICalEventStatus.CANCELLED
          : exchange.status === ExchangeStatus.DRAFT || waitlisted
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
      x: standing ? [['X-BOTTEGA-REGISTRATION', standing.status]] : [],
    });
  }
  return calendar.toString();
}
