import { DateTime } from 'luxon';
import { z } from 'zod';

/** Exchanges are planned in Italian time, whatever the planner's own clock says. */
export const ROME = 'Europe/Rome';

export const FORMAT_VALUES = ['STUDY_VISIT', 'WORKSHOP', 'WEBINAR', 'MENTORING', 'PEER_REVIEW'] as const;
export type FormatValue = (typeof FORMAT_VALUES)[number];

/** A `datetime-local` value read as a wall-clock time in Rome, as an instant with its offset; null when not one. */
export function romeInstant(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return null;
  const time = DateTime.fromISO(local, { zone: ROME });
  return time.isValid ? time.toISO({ suppressMilliseconds: true }) : null;
}

/** An instant as the `datetime-local` value of its wall-clock time in Rome. */
export function romeLocal(instant: string): string {
  const time = DateTime.fromISO(instant, { setZone: false }).setZone(ROME);
  return time.isValid ? time.toFormat("yyyy-MM-dd'T'HH:mm") : '';
}

const millis = (local: string): number | null => {
  const instant = romeInstant(local);
  return instant === null ? null : DateTime.fromISO(instant).toMillis();
};

const HTTPS = /^https:\/\/[^\s/$.?#][^\s]*$/i;

/**
 * The planning form's rules, as the API states them: a title of 8 to 200 characters, an end
 * after the start, registrations closing by the start, an https link, 0 seats or more. A new
 * exchange also starts in the future.
 */
export function planSchema(options: { now?: () => Date; creating?: boolean } = {}) {
  const now = options.now ?? (() => new Date());
  return z
    .object({
      format: z.enum(FORMAT_VALUES, { message: 'exchanges.plan.error.required' }),
      title: z.string().trim().min(8, 'exchanges.plan.error.titleShort').max(200, 'exchanges.plan.error.titleLong'),
      hostCommunityId: z.string().min(1, 'exchanges.plan.error.required'),
      hostTerritoryId: z.string().min(1, 'exchanges.plan.error.required'),
      hostProjectId: z.string(),
      startsAt: z.string().min(1, { message: 'exchanges.plan.error.required', abort: true })
        .refine((value) => romeInstant(value) !== null, 'exchanges.plan.error.dateTime'),
      endsAt: z.string().min(1, { message: 'exchanges.plan.error.required', abort: true })
        .refine((value) => romeInstant(value) !== null, 'exchanges.plan.error.dateTime'),
      registrationDeadline: z
        .string()
        .min(1, { message: 'exchanges.plan.error.required', abort: true })
        .refine((value) => romeInstant(value) !== null, 'exchanges.plan.error.dateTime'),
      capacity: z
        .string()
        .trim()
        .min(1, { message: 'exchanges.plan.error.required', abort: true })
        .refine((value) => /^\d+$/.test(value) && Number(value) <= 2_147_483_647, 'exchanges.plan.error.capacity'),
      venue: z.string().trim().max(500, 'exchanges.plan.error.venueLong'),
      onlineUrl: z
        .string()
        .trim()
        .max(2000, 'exchanges.plan.error.onlineUrl')
        .refine((value) => value === '' || HTTPS.test(value), 'exchanges.plan.error.onlineUrl'),
      reviewQuestion: z.string().trim().max(2000, 'exchanges.plan.error.reviewQuestion'),
      description: z.string(),
    })
    .superRefine((values, context) => {
      const starts = millis(values.startsAt);
      const ends = millis(values.endsAt);
      const deadline = millis(values.registrationDeadline);
      if (starts !== null && options.creating && starts <= now().getTime()) {
        context.addIssue({ code: 'custom', path: ['startsAt'], message: 'exchanges.plan.error.startsInPast' });
      }
      if (starts !== null && ends !== null && ends <= starts) {
        context.addIssue({ code: 'custom', path: ['endsAt'], message: 'exchanges.plan.error.endsBeforeStart' });
      }
      if (starts !== null && deadline !== null && deadline > starts) {
        context.addIssue({ code: 'custom', path: ['registrationDeadline'], message: 'exchanges.plan.error.deadlineAfterStart' });
      }
      if (values.format === 'PEER_REVIEW' && values.reviewQuestion.length > 0 && values.reviewQuestion.length < 10) {
        context.addIssue({ code: 'custom', path: ['reviewQuestion'], message: 'exchanges.plan.error.reviewQuestion' });
      }
    });
}

export type PlanValues = z.infer<ReturnType<typeof planSchema>>;

export const PLAN_FIELDS = [
  'format',
  'title',
  'hostCommunityId',
  'hostTerritoryId',
  'hostProjectId',
  'startsAt',
  'endsAt',
  'registrationDeadline',
  'capacity',
  'venue',
  'onlineUrl',
  'reviewQuestion',
  'description',
] as const satisfies readonly (keyof PlanValues)[];

export const EMPTY_PLAN: PlanValues = {
  format: 'WORKSHOP',
  title: '',
  hostCommunityId: '',
  hostTerritoryId: '',
  hostProjectId: '',
  startsAt: '',
  endsAt: '',
  registrationDeadline: '',
  capacity: '20',
  venue: '',
  onlineUrl: '',
  reviewQuestion: '',
  description: '',
};
