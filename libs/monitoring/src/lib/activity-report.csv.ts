import { stringify } from 'csv-stringify/sync';
import { slugify } from '@bottega/core';
import { ActivityPeriodUnit, ActivityScopeKind } from './activity-report.enums';
import type { ActivityReport } from './activity-report.model';

export type CsvLanguage = 'it' | 'en';

/**
 * How a spreadsheet set to the language reads a file: Italian ones split
 * columns on `;` and read `,` as the decimal separator, English ones `,` and `.`.
 */
const CONVENTIONS: Record<CsvLanguage, { delimiter: string; locale: string }> = {
  it: { delimiter: ';', locale: 'it-IT' },
  en: { delimiter: ',', locale: 'en-GB' },
};

const LABELS = {
  it: {
    header: ['Ambito', 'Dal', 'Al', 'Periodo', 'Indicatore', 'Valore'],
    total: 'totale',
    [ActivityPeriodUnit.WEEK]: 'settimana',
    [ActivityPeriodUnit.MONTH]: 'mese',
    file: 'attivita',
    scope: { [ActivityScopeKind.TERRITORY]: 'Territorio', [ActivityScopeKind.COMMUNITY]: 'Comunità', [ActivityScopeKind.PROJECT]: 'Progetto' },
    activeMembers: 'Membri attivi',
    threads: 'Discussioni avviate',
    posts: 'Messaggi',
    replies: 'Risposte',
    questionsAsked: 'Domande poste',
    questionsAnswered: 'Domande con risposta accettata',
    questionsAnsweredWithin48Hours: 'Domande con risposta entro 48 ore',
    answeredWithin48HoursShare: 'Quota di domande con risposta entro 48 ore (%)',
    answeredShare: 'Quota di domande con risposta (%)',
    medianHoursToFirstReply: 'Tempo mediano alla prima risposta (ore)',
    published: 'Pratiche pubblicate',
    adoptedHere: 'Pratiche di altri territori adottate qui',
    adoptedElsewhere: 'Pratiche di qui adottate altrove',
    held: 'Scambi svolti',
    participants: 'Partecipanti agli scambi',
    attendanceRate: 'Tasso di presenza agli scambi (%)',
    averageFeedback: 'Valutazione media degli scambi (1-5)',
    feedbackCount: 'Valutazioni ricevute',
  },
  en: {
    header: ['Scope', 'From', 'To', 'Period', 'Figure', 'Value'],
    total: 'total',
    [ActivityPeriodUnit.WEEK]: 'week',
    [ActivityPeriodUnit.MONTH]: 'month',
    file: 'activity',
    scope: { [ActivityScopeKind.TERRITORY]: 'Territory', [ActivityScopeKind.COMMUNITY]: 'Community', [ActivityScopeKind.PROJECT]: 'Project' },
    activeMembers: 'Active members',
    threads: 'Threads started',
    posts: 'Posts',
    replies: 'Replies',
    questionsAsked: 'Questions asked',
    questionsAnswered: 'Questions with an accepted answer',
    questionsAnsweredWithin48Hours: 'Questions answered within 48 hours',
    answeredWithin48HoursShare: 'Share of questions answered within 48 hours (%)',
    answeredShare: 'Share of questions answered (%)',
    medianHoursToFirstReply: 'Median time to first reply (hours)',
    published: 'Practices published',
    adoptedHere: 'Practices from elsewhere adopted here',
    adoptedElsewhere: 'Practices from here adopted elsewhere',
    held: 'Exchanges held',
    participants: 'Exchange participants',
    attendanceRate: 'Exchange attendance rate (%)',
    averageFeedback: 'Average exchange rating (1-5)',
    feedbackCount: 'Ratings received',
  },
} as const;

type Figure = Exclude<keyof (typeof LABELS)['it'], 'header' | 'total' | 'file' | 'scope' | ActivityPeriodUnit>;

const percent = (share: number | null): number | null => (share === null ? null : share * 100);

/**
 * The report as a CSV a spreadsheet opens as it is: UTF-8 with a byte order
 * mark, CRLF line ends, ISO dates, the language's separators and labels. One
 * row per figure, "long" so that it filters and pivots: the totals over the
 * range first, then the series, one row per period and figure.
 */
export function activityCsv(report: ActivityReport, language: CsvLanguage): string {
  const labels = LABELS[language];
  const { delimiter, locale } = CONVENTIONS[language];
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false });
  const scope = `${labels.scope[report.scope.kind]}: ${report.scope.name}`;
  const rows: string[][] = [];
  const add = (from: string, to: string, period: string, figure: Figure, value: number | null) =>
    rows.push([scope, from, to, period, labels[figure], value === null ? '' : number.format(value)]);
  const total = (figure: Figure, value: number | null) => add(report.from, report.to, labels.total, figure, value);

  total('activeMembers', report.activeMembers);
  const { forum, practices, exchanges } = report;
  if (forum) {
    total('threads', forum.threads);
    total('posts', forum.posts);
    total('replies', forum.replies);
    total('questionsAsked', forum.questionsAsked);
    total('questionsAnswered', forum.questionsAnswered);
    total('questionsAnsweredWithin48Hours', forum.questionsAnsweredWithin48Hours);
    total('answeredWithin48HoursShare', percent(forum.answeredWithin48HoursShare));
    total('medianHoursToFirstReply', forum.medianHoursToFirstReply);
  }
  if (practices) {
    total('published', practices.published);
    total('adoptedHere', practices.adoptedHere);
    total('adoptedElsewhere', practices.adoptedElsewhere);
  }
  if (exchanges) {
    total('held', exchanges.held);
    total('participants', exchanges.participants);
    total('attendanceRate', percent(exchanges.attendanceRate));
    total('averageFeedback', exchanges.averageFeedback);
    total('feedbackCount', exchanges.feedbackCount);
  }
  const unit = labels[report.period];
  for (const period of report.periods) {
    add(period.starts, period.ends, unit, 'threads', period.threads);
    add(period.starts, period.ends, unit, 'posts', period.posts);
    add(period.starts, period.ends, unit, 'questionsAsked', period.questionsAsked);
    add(period.starts, period.ends, unit, 'questionsAnswered', period.questionsAnswered);
    add(period.starts, period.ends, unit, 'answeredShare', percent(period.answeredShare));
  }
  return stringify([[...labels.header], ...rows], { delimiter, record_delimiter: 'windows', bom: true });
}

/** The file's name: `attivita-lombardia-2025-01-01-2025-12-31.csv`. */
export function activityCsvFileName(report: ActivityReport, language: CsvLanguage): string {
  return `${LABELS[language].file}-${slugify(report.scope.name, 60) || 'report'}-${report.from}-${report.to}.csv`;
}

/**
 * The language asked for: `lang` when given (`it` or `en`, else null: not
 * one we write), otherwise the first of Italian and English the
 * Accept-Language header prefers, Italian by default.
 */
export function csvLanguage(lang: string | undefined, acceptLanguage: string | undefined): CsvLanguage | null {
  if (lang !== undefined) {
    const asked = lang.trim().toLowerCase();
    return asked === 'it' || asked === 'en' ? asked : null;
  }
  let best: { language: CsvLanguage; quality: number } | null = null;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag, ...parameters] = part.trim().toLowerCase().split(';');
    const language = tag?.split('-')[0];
    if (language !== 'it' && language !== 'en') continue;
    const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((value) => value !== undefined);
    const quality = q === undefined ? 1 : Number(q);
    if (quality > 0 && (!best || quality > best.quality)) best = { language, quality };
  }
  return best?.language ?? 'it';
}
