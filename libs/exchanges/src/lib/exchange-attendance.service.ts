import { Injectable } from '@nestjs/common';
import {
  BadInputError,
  ForbiddenError,
  NotFoundError,
  Outbox,
  OutboxChange,
  UserError,
  UserErrorCode,
  fromGlobalId,
  refuse,
  succeed,
  validateInput,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import { RecordAttendanceInput } from './dto/exchange-attendance.inputs';
import { ExchangeAccess } from './exchange.access';
import { ExchangeStatus, RegistrationStatus } from './exchange.enums';
import { Refused, over } from './exchange.errors';
import { ExchangeLoaders } from './exchange.loaders';
import { canManage } from './exchange.policy';
import { ExchangeRepository, type ExchangeRow } from './exchange.repository';
import type { RegistrationRow } from './registration.repository';
import { AttendanceStatus } from './exchange-attendance.enums';
import { ExchangeAttendanceRepository, type SeatRow } from './exchange-attendance.repository';
import { hasStarted } from './exchange-outcome.policy';

export interface AttendanceOutcome {
  exchange: ExchangeRow;
  registrations: RegistrationRow[];
}

type Entry = { path: string[]; globalId: string; status: AttendanceStatus } & ({ registrationId: string } | { userId: string });

/**
 * Attendance, recorded by those who run an exchange once it has started:
 * each person holding a seat ATTENDED or NO_SHOW. Marks may be changed until
 * the exchange is completed; after that only those not yet marked are. Under
 * the exchange's row lock, so it never crosses a cancellation or a promotion.
 */
@Injectable()
export class ExchangeAttendanceService {
  constructor(
    private readonly exchanges: ExchangeRepository,
    private readonly attendance: ExchangeAttendanceRepository,
    private readonly access: ExchangeAccess,
    private readonly loaders: ExchangeLoaders,
    private readonly outbox: Outbox,
  ) {}

  async record(input: RecordAttendanceInput, context: RequestContext): Promise<Outcome<AttendanceOutcome>> {
    await context.requireViewer();
    const { exchange, principals } = await this.access.readable(context, input.exchangeId, ['input', 'exchangeId']);
    if (!canManage(principals, exchange)) throw new ForbiddenError('Only those who run this exchange record attendance.');
    const entries = input.entries.map(readEntry);
    const errors = await validateInput(RecordAttendanceInput, input);
    if (errors.length > 0) return refuse(...errors);

    const marked = await this.exchanges
      .transaction(async (manager) => {
        const locked = await this.exchanges.lock(manager, exchange.id);
        if (!locked) throw new Error('An exchange vanished under its managers');
        const { row } = locked;
        if (!hasStarted({ ...row, feedbackClosedAt: null }, new Date())) {
          throw new Refused(
            row.status === ExchangeStatus.CANCELLED
              ? over(row.status)
              : UserError.of(UserErrorCode.INVALID_STATE, 'Attendance is recorded once the exchange has started.', ['input', 'exchangeId']),
          );
        }
        const seats = await this.attendance.seats(
          manager,
          exchange.id,
          entries.flatMap((e) => ('registrationId' in e ? [e.registrationId] : [])),
          entries.flatMap((e) => ('userId' in e ? [e.userId] : [])),
        );
        const marks = entries.map((entry) => ({ entry, seat: seatOf(entry, seats) }));
        const seen = new Set<string>();
        for (const { entry, seat } of marks) {
          const refusal = markRefusal(entry, seat, row.status, seen);
          if (refusal) throw new Refused(refusal);
        }
        const changes = marks.map(({ entry, seat }) => ({ id: (seat as SeatRow).id, status: entry.status }));
        await this.attendance.mark(manager, changes);
        // Who did not come gives no feedback: any they gave goes.
        await this.attendance.forgetFeedbackOfNoShows(manager, exchange.id);
        await this.outbox.record(manager, { kind: 'PeerExchange', subjectId: exchange.id, change: OutboxChange.EDITED });
        return changes.map((change) => change.id);
      })
      .catch((error: unknown) => {
        if (error instanceof Refused) return error.userError;
        throw error;
      });
    if (marked instanceof UserError) return refuse(marked);
    const byId = context.loaders.get(this.loaders.registrationById);
    marked.forEach((id) => byId.clear(id));
    const registrations = (await byId.loadMany(marked)).filter((r): r is RegistrationRow => r !== null && !(r instanceof Error));
    return succeed({ exchange: await context.loaders.reload(this.loaders.byId, exchange.id), registrations });
  }
}

function readEntry(entry: RecordAttendanceInput['entries'][number], index: number): Entry {
  const path = ['input', 'entries', String(index)];
  if ((entry.registrationId == null) === (entry.userId == null)) throw new BadInputError('Name the registration or the person, one of them.', path);
  if (!Object.values(AttendanceStatus).includes(entry.status)) throw new BadInputError('ATTENDED or NO_SHOW.', [...path, 'status']);
  return entry.registrationId != null
    ? { path, globalId: entry.registrationId, status: entry.status, registrationId: fromGlobalId(entry.registrationId, 'ExchangeRegistration', [...path, 'registrationId']) }
    : { path, globalId: entry.userId as string, status: entry.status, userId: fromGlobalId(entry.userId as string, 'User', [...path, 'userId']) };
}

function seatOf(entry: Entry, seats: SeatRow[]): SeatRow | null {
  // A registration of another exchange is, here, no registration at all.
  if ('registrationId' in entry) {
    const seat = seats.find((s) => s.id === entry.registrationId);
    if (!seat) throw new NotFoundError('ExchangeRegistration', entry.globalId);
    return seat;
  }
  return seats.find((s) => s.userId === entry.userId) ?? null;
}

const MARKED: string[] = [RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW];

/** Why this person cannot be marked so, or null. */
function markRefusal(entry: Entry, seat: SeatRow | null, status: ExchangeStatus, seen: Set<string>): UserError | null {
  const field = [...entry.path, 'registrationId' in entry ? 'registrationId' : 'userId'];
  if (!seat) return UserError.of(UserErrorCode.INVALID_STATE, 'This person is not registered to this exchange.', field);
  if (seen.has(seat.id)) return UserError.of(UserErrorCode.INVALID, 'Each person is named once.', field);
  seen.add(seat.id);
  if (seat.status !== RegistrationStatus.REGISTERED && !MARKED.includes(seat.status)) {
    return UserError.of(
      UserErrorCode.INVALID_STATE,
      seat.status === RegistrationStatus.WAITLISTED ? 'This person was on the waitlist and held no seat.' : 'This person cancelled their registration.',
      field,
    );
  }
  if (status === ExchangeStatus.COMPLETED && MARKED.includes(seat.status) && seat.status !== entry.status) {
    return UserError.of(UserErrorCode.INVALID_STATE, 'The exchange is completed: attendance already recorded no longer changes.', field);
  }
  return null;
}
