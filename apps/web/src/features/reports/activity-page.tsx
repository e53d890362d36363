import { useCallback, useId, useMemo, useState, type FormEvent } from 'react';
import { FormattedDate, FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { useLang } from '../../app/i18n-provider';
import { useSession } from '../../app/session';
import { isForbidden, QueryFailure, StaffPage } from '../moderation/staff-gate';
import { Chart, type ChartSeries } from './chart';
import { ActivityReportQuery, ReportScopesQuery } from './reports.queries';
import '../moderation/moderation.css';
import './reports.css';

type Report = ResultOf<typeof ActivityReportQuery>['activityReport'];
type Period = 'auto' | 'week' | 'month';

const COLORS = { threads: '#8a3b12', posts: '#1a56db', answered: '#2f6f3e', exchanges: '#6b3fa0' };
const PERIOD_UNITS: Record<Exclude<Period, 'auto'>, 'WEEK' | 'MONTH'> = { week: 'WEEK', month: 'MONTH' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in Rome, as YYYY-MM-DD. */
function romeToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The first day of the month eleven months before `day`: a year of whole months to today. */
function yearBefore(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 1 - 11, 1));
  return start.toISOString().slice(0, 10);
}

/** Days as instants at UTC midnight, so axes and tables show the day the API meant. */
const epochSeconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

interface Selection {
  scope: { territoryId: string } | { communityId: string } | null;
  scopeValue: string;
  from: string;
  to: string;
  period: Period;
}

function readSelection(params: URLSearchParams): Selection {
  const today = romeToday();
  const territory = params.get('territory');
  const community = params.get('community');
  const dateParam = (name: string) => {
    const value = params.get(name);
    return value && DATE.test(value) ? value : null;
  };
  const to = dateParam('to') ?? today;
  const from = dateParam('from') ?? yearBefore(to);
  const period = (['week', 'month'] as const).find((value) => value === params.get('period')) ?? 'auto';
  const scope = territory ? { territoryId: territory } : community ? { communityId: community } : null;
  return { scope, scopeValue: territory ? `territory:${territory}` : community ? `community:${community}` : '', from, to, period };
}

function ScopeForm({ selection }: { selection: Selection }) {
  const intl = useIntl();
  const id = useId();
  const [, setParams] = useSearchParams();
  const [scopes] = useQuery({ query: ReportScopesQuery, requestPolicy: 'cache-and-network' });
  const [scope, setScope] = useState(selection.scopeValue);
  const [from, setFrom] = useState(selection.from);
  const [to, setTo] = useState(selection.to);
  const [period, setPeriod] = useState<Period>(selection.period);
  const coordinated = scopes.data?.communities.nodes.filter((community) => community.viewerRole === 'COORDINATOR') ?? [];
  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    const [kind, value] = scope.split(':');
    if (kind && value) next.set(kind, value);
    next.set('from', from);
    next.set('to', to);
    if (period !== 'auto') next.set('period', period);
    setParams(next);
  }
  return (
    <form className="staff-form report-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <FormattedMessage id="reports.form.title" />
      </h2>
      <div className="field">
        <label htmlFor={`${id}-scope`}>
          <FormattedMessage id="reports.form.scope" />
        </label>
        <select id={`${id}-scope`} value={scope} onChange={(event) => setScope(event.target.value)} required>
          <option value="">{intl.formatMessage({ id: 'reports.form.choose' })}</option>
          {coordinated.length > 0 ? (
            <optgroup label={intl.formatMessage({ id: 'reports.form.communities' })}>
              {coordinated.map((community) => (
                <option key={community.id} value={`community:${community.id}`}>
                  {community.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          <optgroup label={intl.formatMessage({ id: 'reports.form.regions' })}>
            {scopes.data?.regions.nodes.map((territory) => (
              <option key={territory.id} value={`territory:${territory.id}`}>
                {territory.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={intl.formatMessage({ id: 'reports.form.provinces' })}>
            {scopes.data?.provinces.nodes.map((territory) => (
              <option key={territory.id} value={`territory:${territory.id}`}>
                {territory.parent ? `${territory.name} (${territory.parent.name})` : territory.name}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="report-form__dates">
        <div className="field">
          <label htmlFor={`${id}-from`}>
            <FormattedMessage id="reports.form.from" />
          </label>
          <input id={`${id}-from`} type="date" value={from} max={to} onChange={(event) => setFrom(event.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>
            <FormattedMessage id="reports.form.to" />
          </label>
          <input id={`${id}-to`} type="date" value={to} min={from} onChange={(event) => setTo(event.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-period`}>
            <FormattedMessage id="reports.form.period" />
          </label>
          <select id={`${id}-period`} value={period} onChange={(event) => setPeriod(event.target.value as Period)}>
            <option value="auto">{intl.formatMessage({ id: 'reports.form.periodAuto' })}</option>
            <option value="week">{intl.formatMessage({ id: 'reports.form.periodWeek' })}</option>
            <option value="month">{intl.formatMessage({ id: 'reports.form.periodMonth' })}</option>
          </select>
        </div>
      </div>
      <button type="submit" className="button">
        <FormattedMessage id="reports.form.show" />
      </button>
    </form>
  );
}

function CsvDownload({ selection }: { selection: Selection }) {
  const session = useSession();
  const { lang } = useLang();
  const [state, setState] = useState<'idle' | 'working' | 'failed' | 'refused'>('idle');
  async function download() {
    const query = new URLSearchParams({ from: selection.from, to: selection.to, lang });
    if (selection.scope && 'territoryId' in selection.scope) query.set('territoryId', selection.scope.territoryId);
    if (selection.scope && 'communityId' in selection.scope) query.set('communityId', selection.scope.communityId);
    if (selection.period !== 'auto') query.set('period', selection.period);
    setState('working');
    try {
      const token = session.accessToken();
      const response = await fetch(`/reports/activity.csv?${query.toString()}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!response.ok) {
        setState(response.status === 403 || response.status === 401 ? 'refused' : 'failed');
        return;
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'activity.csv';
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState('idle');
    } catch {
      setState('failed');
    }
  }
  return (
    <div className="report-csv">
      <button type="button" className="button button--quiet" onClick={() => void download()} disabled={state === 'working'}>
        <FormattedMessage id="reports.csv.download" />
      </button>
      <p role="status" className="meta">
        {state === 'failed' ? <FormattedMessage id="reports.csv.failed" /> : state === 'refused' ? <FormattedMessage id="reports.csv.refused" /> : null}
      </p>
    </div>
  );
}

function PeriodTable({ report, caption, columns }: { report: Report; caption: string; columns: { label: string; value: (p: Report['periods'][number]) => number | null; percent?: boolean }[] }) {
  const intl = useIntl();
  return (
    <div className="staff-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="staff-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="reports.table.period" />
            </th>
            {columns.map((column) => (
              <th scope="col" className="number" key={column.label}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.periods.map((period) => (
            <tr key={period.starts}>
              <th scope="row">
                {intl.formatDateTimeRange(Date.parse(`${period.starts}T00:00:00Z`), Date.parse(`${period.ends}T00:00:00Z`), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })}
              </th>
              {columns.map((column) => {
                const value = column.value(period);
                return (
                  <td className="number" key={column.label}>
                    {value === null ? '—' : column.percent ? <FormattedNumber value={value} style="percent" /> : <FormattedNumber value={value} />}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Legend({ series }: { series: ChartSeries[] }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {series.map((line) => (
        <li key={line.label}>
          <span className="chart-legend__swatch" style={{ background: line.color }} />
          {line.label}
        </li>
      ))}
    </ul>
  );
}

function Figures({ report }: { report: Report }) {
  const intl = useIntl();
  const x = useMemo(() => report.periods.map((period) => epochSeconds(period.starts)), [report]);
  const dayLabel = useCallback(
    (value: number) => intl.formatDate(value * 1000, report.period === 'MONTH' ? { month: 'short', year: '2-digit', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    [intl, report.period],
  );
  const count = useCallback((value: number) => (Number.isInteger(value) ? intl.formatNumber(value) : ''), [intl]);
  const percent = useCallback((value: number) => intl.formatNumber(value, { style: 'percent' }), [intl]);
  const labels = {
    threads: intl.formatMessage({ id: 'reports.figure.threads' }),
    posts: intl.formatMessage({ id: 'reports.figure.posts' }),
    asked: intl.formatMessage({ id: 'reports.figure.asked' }),
    answered: intl.formatMessage({ id: 'reports.figure.answered' }),
    share: intl.formatMessage({ id: 'reports.figure.share' }),
  };
  const activity = useMemo<ChartSeries[]>(
    () => [
      { label: labels.threads, values: report.periods.map((p) => p.threads), color: COLORS.threads },
      { label: labels.posts, values: report.periods.map((p) => p.posts), color: COLORS.posts },
    ],
    [report, labels.threads, labels.posts],
  );
  const answered = useMemo<ChartSeries[]>(() => [{ label: labels.share, values: report.periods.map((p) => p.answeredShare), color: COLORS.answered }], [report, labels.share]);
  const exchanges = report.exchanges;
  const exchangeRows = useMemo(
    () =>
      exchanges
        ? [
            { label: intl.formatMessage({ id: 'reports.exchanges.held' }), value: exchanges.held },
            { label: intl.formatMessage({ id: 'reports.exchanges.participants' }), value: exchanges.participants },
            { label: intl.formatMessage({ id: 'reports.exchanges.attended' }), value: exchanges.attended },
            { label: intl.formatMessage({ id: 'reports.exchanges.noShows' }), value: exchanges.noShows },
          ]
        : [],
    [exchanges, intl],
  );
  const exchangeX = useMemo(() => exchangeRows.map((_row, index) => index), [exchangeRows]);
  const exchangeSeries = useMemo<ChartSeries[]>(
    () => [{ label: intl.formatMessage({ id: 'reports.exchanges.title' }), values: exchangeRows.map((row) => row.value), color: COLORS.exchanges, bars: true }],
    [exchangeRows, intl],
  );
  const exchangeLabel = useCallback((value: number) => exchangeRows[value]?.label ?? '', [exchangeRows]);

  return (
    <div className="report-figures">
      <figure className="report-figure">
        <figcaption>
          <FormattedMessage id="reports.figure.activityCaption" />
        </figcaption>
        <Legend series={activity} />
        <Chart x={x} series={activity} xLabel={dayLabel} yLabel={count} />
        <PeriodTable
          report={report}
          caption={intl.formatMessage({ id: 'reports.figure.activityTable' })}
          columns={[
            { label: labels.threads, value: (p) => p.threads },
            { label: labels.posts, value: (p) => p.posts },
          ]}
        />
      </figure>
      <figure className="report-figure">
        <figcaption>
          <FormattedMessage id="reports.figure.answeredCaption" />
        </figcaption>
        <Legend series={answered} />
        <Chart x={x} series={answered} xLabel={dayLabel} yLabel={percent} yMax={1} />
        <PeriodTable
          report={report}
          caption={intl.formatMessage({ id: 'reports.figure.answeredTable' })}
          columns={[
            { label: labels.asked, value: (p) => p.questionsAsked },
            { label: labels.answered, value: (p) => p.questionsAnswered },
            { label: labels.share, value: (p) => p.answeredShare, percent: true },
          ]}
        />
      </figure>
      {exchanges ? (
        <figure className="report-figure">
          <figcaption>
            <FormattedMessage id="reports.exchanges.caption" />
          </figcaption>
          <Chart x={exchangeX} series={exchangeSeries} xLabel={exchangeLabel} yLabel={count} categorical />
          <div className="staff-table-wrap" tabIndex={0} role="region" aria-label={intl.formatMessage({ id: 'reports.exchanges.table' })}>
            <table className="staff-table">
              <caption>
                <FormattedMessage id="reports.exchanges.table" />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="reports.table.figure" />
                  </th>
                  <th scope="col" className="number">
                    <FormattedMessage id="reports.table.value" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {exchangeRows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td className="number">
                      <FormattedNumber value={row.value} />
                    </td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">
                    <FormattedMessage id="reports.exchanges.attendanceRate" />
                  </th>
                  <td className="number">{exchanges.attendanceRate === null ? '—' : <FormattedNumber value={exchanges.attendanceRate} style="percent" />}</td>
                </tr>
                <tr>
                  <th scope="row">
                    <FormattedMessage id="reports.exchanges.averageFeedback" values={{ count: exchanges.feedbackCount }} />
                  </th>
                  <td className="number">{exchanges.averageFeedback === null ? '—' : <FormattedNumber value={exchanges.averageFeedback} maximumFractionDigits={1} />}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </figure>
      ) : null}
    </div>
  );
}

function Summary({ report }: { report: Report }) {
  const { forum, practices } = report;
  const fact = (id: string, value: number | null | undefined, options?: { percent?: boolean; hours?: boolean }) => (
    <div>
      <dt>
        <FormattedMessage id={id} />
      </dt>
      <dd>
        {value === null || value === undefined ? (
          '—'
        ) : options?.percent ? (
          <FormattedNumber value={value} style="percent" />
        ) : options?.hours ? (
          <FormattedMessage id="reports.summary.hoursValue" values={{ hours: Math.round(value * 10) / 10 }} />
        ) : (
          <FormattedNumber value={value} />
        )}
      </dd>
    </div>
  );
  return (
    <dl className="facts report-summary">
      {fact('reports.summary.activeMembers', report.activeMembers)}
      {forum ? (
        <>
          {fact('reports.summary.threads', forum.threads)}
          {fact('reports.summary.replies', forum.replies)}
          {fact('reports.summary.questions', forum.questionsAsked)}
          {fact('reports.summary.answered48', forum.answeredWithin48HoursShare, { percent: true })}
          {fact('reports.summary.firstReply', forum.medianHoursToFirstReply, { hours: true })}
        </>
      ) : null}
      {practices ? (
        <>
          {fact('reports.summary.published', practices.published)}
          {fact('reports.summary.adoptedHere', practices.adoptedHere)}
          {fact('reports.summary.adoptedElsewhere', practices.adoptedElsewhere)}
        </>
      ) : null}
    </dl>
  );
}

function ReportView({ selection }: { selection: Selection & { scope: NonNullable<Selection['scope']> } }) {
  const variables = { scope: selection.scope, from: selection.from, to: selection.to, period: selection.period === 'auto' ? null : PERIOD_UNITS[selection.period] };
  const [result, reexecute] = useQuery({ query: ActivityReportQuery, variables, requestPolicy: 'cache-and-network' });
  const report = result.data?.activityReport;
  if (result.error && !report) {
    if (isForbidden(result.error)) {
      return (
        <div className="staff-refusal" role="alert">
          <h2>
            <FormattedMessage id="reports.forbidden.title" />
          </h2>
          <p>
            <FormattedMessage id="reports.forbidden.body" />
          </p>
        </div>
      );
    }
    const bad = result.error.graphQLErrors.find((error) => error.extensions?.['code'] === 'BAD_USER_INPUT');
    if (bad) {
      return (
        <p className="staff-refusal" role="alert">
          <FormattedMessage id="reports.badInput" />
        </p>
      );
    }
    return <QueryFailure error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  if (!report)
    return (
      <p role="status">
        <FormattedMessage id="moderation.loading" />
      </p>
    );
  return (
    <section aria-labelledby="report-title" className="report">
      <h2 id="report-title">
        <FormattedMessage
          id="reports.heading"
          values={{
            name: report.scope.name,
            from: <FormattedDate value={`${report.from}T00:00:00Z`} timeZone="UTC" day="numeric" month="long" year="numeric" />,
            to: <FormattedDate value={`${report.to}T00:00:00Z`} timeZone="UTC" day="numeric" month="long" year="numeric" />,
          }}
        />
      </h2>
      <p className="meta">
        <FormattedMessage id="reports.scopeNote" values={{ count: report.scope.territoryCount, unit: report.period }} />
      </p>
      <CsvDownload selection={selection} />
      <Summary report={report} />
      <Figures report={report} />
    </section>
  );
}

export function ActivityPage() {
  const intl = useIntl();
  const [params] = useSearchParams();
  const selection = readSelection(params);
  const { scope } = selection;
  return (
    <StaffPage title={intl.formatMessage({ id: 'reports.title' })} description={intl.formatMessage({ id: 'reports.description' })} path="/activity-report">
      <ScopeForm key={params.toString()} selection={selection} />
      {scope ? (
        <ReportView selection={{ ...selection, scope }} />
      ) : (
        <p>
          <FormattedMessage id="reports.pick" />
        </p>
      )}
    </StaffPage>
  );
}
