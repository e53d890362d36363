import { useId, useState, type FormEvent } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { RecentSuspensionsQuery, SuspendUserMutation, UnsuspendUserMutation, UserByHandleQuery } from './moderation.queries';
import { errorsByField, type UserErrorCode } from '../../ui/form-errors';
import { FieldError, QueryFailure, StaffPage, useDraft, USER_ERRORS } from './staff-gate';
import './moderation.css';

type Person = NonNullable<ResultOf<typeof UserByHandleQuery>['user']>;
type Role = Person['role'];

const ROLES: Record<Role, string> = { ADMIN: 'moderation.role.ADMIN', MODERATOR: 'moderation.role.MODERATOR', USER: 'moderation.role.USER' };
const DURATIONS = ['1', '7', '30', '90', 'lifted'] as const;
const DAY_MS = 86_400_000;

interface FormErrors {
  fields: Record<string, UserErrorCode | undefined>;
  rest: UserErrorCode[];
  failed?: boolean;
}

function FormProblems({ errors }: { errors: FormErrors }) {
  if (!errors.failed && errors.rest.length === 0) return null;
  return (
    <div role="alert" className="field__error">
      {errors.failed ? <FormattedMessage id="moderation.error.network" /> : null}
      {errors.rest.map((code, index) => (
        <p key={index}>
          <FormattedMessage id={USER_ERRORS[code]} />
        </p>
      ))}
    </div>
  );
}

function ReasonField({ id, value, onChange, error }: { id: string; value: string; onChange: (value: string) => void; error: UserErrorCode | undefined }) {
  return (
    <div className="field">
      <label htmlFor={id}>
        <FormattedMessage id="moderation.suspensions.reason" />
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        <FormattedMessage id="moderation.suspensions.reasonHint" />
      </p>
      <textarea
        id={id}
        rows={2}
        maxLength={500}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      />
      <FieldError id={`${id}-error`} code={error} />
    </div>
  );
}

function SuspendForm({ person, onDone }: { person: Person; onDone: (message: string) => void }) {
  const intl = useIntl();
  const id = useId();
  const [duration, setDuration] = useState<(typeof DURATIONS)[number]>('7');
  const [reason, setReason, clearReason] = useDraft(`suspend.${person.id}`);
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, rest: [] });
  const [{ fetching }, suspend] = useMutation(SuspendUserMutation);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const until = duration === 'lifted' ? null : new Date(Date.now() + Number(duration) * DAY_MS).toISOString();
    const result = await suspend({ input: { userId: person.id, reason: reason.trim(), until } });
    const payload = result.data?.suspendUser;
    if (result.error || !payload) return setErrors({ fields: {}, rest: [], failed: true });
    if (payload.userErrors.length > 0) {
      const { byField, rest } = errorsByField(payload.userErrors, ['reason', 'until']);
      setErrors({ fields: { reason: byField['reason']?.code, until: byField['until']?.code }, rest: rest.map((e) => e.code) });
      document.getElementById(byField['reason'] ? `${id}-reason` : `${id}-duration`)?.focus();
      return;
    }
    clearReason();
    setErrors({ fields: {}, rest: [] });
    onDone(intl.formatMessage({ id: 'moderation.suspensions.suspended' }, { name: person.displayName }));
  }
  return (
    <form className="staff-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>
        <FormattedMessage id="moderation.suspensions.suspend" />
      </h3>
      <div className="field">
        <label htmlFor={`${id}-duration`}>
          <FormattedMessage id="moderation.suspensions.duration" />
        </label>
        <select
          id={`${id}-duration`}
          value={duration}
          onChange={(event) => setDuration(event.target.value as (typeof DURATIONS)[number])}
          aria-invalid={errors.fields['until'] ? true : undefined}
          aria-describedby={errors.fields['until'] ? `${id}-duration-error` : undefined}
        >
          {DURATIONS.map((value) => (
            <option key={value} value={value}>
              {value === 'lifted' ? intl.formatMessage({ id: 'moderation.suspensions.untilLifted' }) : intl.formatMessage({ id: 'moderation.suspensions.days' }, { days: Number(value) })}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-duration-error`} code={errors.fields['until']} />
      </div>
      <ReasonField id={`${id}-reason`} value={reason} onChange={setReason} error={errors.fields['reason']} />
      <FormProblems errors={errors} />
      <button type="submit" className="button" disabled={fetching}>
        <FormattedMessage id="moderation.suspensions.submitSuspend" />
      </button>
    </form>
  );
}

function LiftForm({ person, onDone }: { person: Person; onDone: (message: string) => void }) {
  const intl = useIntl();
  const id = useId();
  const [reason, setReason, clearReason] = useDraft(`lift.${person.id}`);
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, rest: [] });
  const [{ fetching }, lift] = useMutation(UnsuspendUserMutation);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await lift({ input: { userId: person.id, reason: reason.trim() } });
    const payload = result.data?.unsuspendUser;
    if (result.error || !payload) return setErrors({ fields: {}, rest: [], failed: true });
    if (payload.userErrors.length > 0) {
      const { byField, rest } = errorsByField(payload.userErrors, ['reason']);
      setErrors({ fields: { reason: byField['reason']?.code }, rest: rest.map((e) => e.code) });
      if (byField['reason']) document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    clearReason();
    setErrors({ fields: {}, rest: [] });
    onDone(intl.formatMessage({ id: 'moderation.suspensions.lifted' }, { name: person.displayName }));
  }
  return (
    <form className="staff-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>
        <FormattedMessage id="moderation.suspensions.lift" />
      </h3>
      <ReasonField id={`${id}-reason`} value={reason} onChange={setReason} error={errors.fields['reason']} />
      <FormProblems errors={errors} />
      <button type="submit" className="button" disabled={fetching}>
        <FormattedMessage id="moderation.suspensions.submitLift" />
      </button>
    </form>
  );
}

function SuspensionStatus({ suspension }: { suspension: Person['suspension'] }) {
  if (!suspension) return <FormattedMessage id="moderation.suspensions.active" />;
  const date = (value: string) => <FormattedDate value={value} year="numeric" month="long" day="numeric" hour="2-digit" minute="2-digit" />;
  return (
    <FormattedMessage
      id="moderation.suspensions.running"
      values={{ since: date(suspension.since), until: suspension.until ? date(suspension.until) : 'none' }}
    />
  );
}

function PersonPanel({ handle, onDone }: { handle: string; onDone: (message: string) => void }) {
  const [result, reexecute] = useQuery({ query: UserByHandleQuery, variables: { handle }, requestPolicy: 'network-only' });
  if (result.error && !result.data) return <QueryFailure error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!result.data)
    return (
      <p role="status">
        <FormattedMessage id="moderation.loading" />
      </p>
    );
  const person = result.data.user;
  if (!person)
    return (
      <p role="alert">
        <FormattedMessage id="moderation.suspensions.notFound" values={{ handle }} />
      </p>
    );
  return (
    <section className="card" aria-labelledby="person-name">
      <h2 id="person-name">
        <Link to={`/u/${person.handle}`}>{person.displayName}</Link>{' '}
        <span className="meta">
          @{person.handle} · <FormattedMessage id={ROLES[person.role]} />
        </span>
      </h2>
      <p>
        <SuspensionStatus suspension={person.suspension} />
      </p>
      {!person.viewerCanSuspend ? (
        <p>
          <FormattedMessage id="moderation.suspensions.cannot" />
        </p>
      ) : person.suspension ? (
        <LiftForm key={`lift-${person.id}`} person={person} onDone={onDone} />
      ) : (
        <SuspendForm key={`suspend-${person.id}`} person={person} onDone={onDone} />
      )}
    </section>
  );
}

function CurrentSuspensions() {
  const intl = useIntl();
  const [result, reexecute] = useQuery({ query: RecentSuspensionsQuery, requestPolicy: 'cache-and-network' });
  if (result.error && !result.data) return <QueryFailure error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!result.data) return null;
  const seen = new Set<string>();
  const rows = result.data.auditLog.edges.flatMap(({ node }) => {
    const subject = node.subject;
    if (node.action !== 'SUSPEND' || subject?.__typename !== 'User' || !subject.suspension || seen.has(subject.id)) return [];
    seen.add(subject.id);
    return [{ person: subject, suspension: subject.suspension, reason: node.reason }];
  });
  return (
    <section aria-labelledby="current-suspensions">
      <h2 id="current-suspensions">
        <FormattedMessage id="moderation.suspensions.current" />
      </h2>
      <p className="meta">
        <FormattedMessage id="moderation.suspensions.currentNote" />
      </p>
      {rows.length === 0 ? (
        <p>
          <FormattedMessage id="moderation.suspensions.none" />
        </p>
      ) : (
        <div className="staff-table-wrap" tabIndex={0} role="region" aria-labelledby="current-suspensions">
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="moderation.suspensions.person" />
                </th>
                <th scope="col">
                  <FormattedMessage id="moderation.suspensions.since" />
                </th>
                <th scope="col">
                  <FormattedMessage id="moderation.suspensions.until" />
                </th>
                <th scope="col">
                  <FormattedMessage id="moderation.suspensions.reason" />
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ person, suspension, reason }) => (
                <tr key={person.id}>
                  <td>
                    <Link to={`/moderation/suspensions?user=${encodeURIComponent(person.handle)}`} aria-label={intl.formatMessage({ id: 'moderation.suspensions.manage' }, { name: person.displayName })}>
                      {person.displayName}
                    </Link>
                  </td>
                  <td>
                    <FormattedDate value={suspension.since} year="numeric" month="short" day="numeric" hour="2-digit" minute="2-digit" />
                  </td>
                  <td>
                    {suspension.until ? (
                      <FormattedDate value={suspension.until} year="numeric" month="short" day="numeric" hour="2-digit" minute="2-digit" />
                    ) : (
                      <FormattedMessage id="moderation.suspensions.untilLifted" />
                    )}
                  </td>
                  <td>{reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Suspensions() {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const handle = params.get('user');
  const [typed, setTyped] = useState(handle ?? '');
  const [announcement, setAnnouncement] = useState('');
  function find(event: FormEvent) {
    event.preventDefault();
    const value = typed.trim().replace(/^@/, '');
    setAnnouncement('');
    setParams(value ? { user: value } : {});
  }
  return (
    <>
      <p role="status" aria-live="polite" className="staff-announcement">
        {announcement}
      </p>
      <form className="staff-form" role="search" onSubmit={find} aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>
          <FormattedMessage id="moderation.suspensions.find" />
        </h2>
        <div className="field">
          <label htmlFor={`${id}-handle`}>
            <FormattedMessage id="moderation.suspensions.handle" />
          </label>
          <p className="field__hint" id={`${id}-hint`}>
            <FormattedMessage id="moderation.suspensions.handleHint" />
          </p>
          <input id={`${id}-handle`} value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" aria-describedby={`${id}-hint`} required />
        </div>
        <button type="submit" className="button">
          <FormattedMessage id="moderation.suspensions.search" />
        </button>
      </form>
      {handle ? (
        <PersonPanel
          key={handle}
          handle={handle}
          onDone={setAnnouncement}
        />
      ) : null}
      <CurrentSuspensions />
    </>
  );
}

export function SuspensionsPage() {
  const intl = useIntl();
  return (
    <StaffPage
      title={intl.formatMessage({ id: 'moderation.suspensions.title' })}
      description={intl.formatMessage({ id: 'moderation.suspensions.description' })}
      path="/moderation/suspensions"
    >
      <Suspensions />
    </StaffPage>
  );
}
