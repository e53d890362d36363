import { useCallback, useState, type ReactNode } from 'react';
import type { CombinedError } from '@urql/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, Navigate, NavLink, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { PageMeta } from '../../app/head';
import { SignedIn } from '../session/signed-in';
import { FieldError as UiFieldError } from '../../ui/field';
import { ViewerRoleQuery } from './moderation.queries';
import { USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';

export function isForbidden(error: CombinedError | undefined): boolean {
  return error?.graphQLErrors.some((e) => e.extensions?.['code'] === 'FORBIDDEN') ?? false;
}

export function isSignedOut(error: CombinedError | undefined): boolean {
  return error?.graphQLErrors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED') ?? false;
}

/** What a query's failure means for the reader: not allowed, signed out, or unreachable. */
export function QueryFailure({ error, retry }: { error: CombinedError; retry: () => void }) {
  const location = useLocation();
  if (isForbidden(error)) {
    return (
      <div className="staff-refusal" role="alert">
        <h2>
          <FormattedMessage id="moderation.forbidden.title" />
        </h2>
        <p>
          <FormattedMessage id="moderation.forbidden.body" />
        </p>
        <p>
          <Link to="/">
            <FormattedMessage id="moderation.forbidden.home" />
          </Link>
        </p>
      </div>
    );
  }
  if (isSignedOut(error)) {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(`${location.pathname}${location.search}`)}`} replace />;
  }
  return (
    <div className="staff-refusal" role="alert">
      <p>
        <FormattedMessage id={error.networkError ? 'moderation.error.network' : 'moderation.error.other'} />
      </p>
      <button type="button" className="button" onClick={retry}>
        <FormattedMessage id="moderation.error.retry" />
      </button>
    </div>
  );
}

/** The staff pages' own navigation, on each of them: suspensions and the audit log for staff only (coordinators see their communities' reports). */
export function StaffNav() {
  const intl = useIntl();
  const [{ data }] = useQuery({ query: ViewerRoleQuery });
  const staff = data?.viewer?.role === 'MODERATOR' || data?.viewer?.role === 'ADMIN';
  return (
    <nav className="staff-nav" aria-label={intl.formatMessage({ id: 'moderation.nav.label' })}>
      <ul>
        <li>
          <NavLink to="/moderation" end>
            <FormattedMessage id="moderation.nav.queue" />
          </NavLink>
        </li>
        {staff ? (
          <>
            <li>
              <NavLink to="/moderation/suspensions">
                <FormattedMessage id="moderation.nav.suspensions" />
              </NavLink>
            </li>
            <li>
              <NavLink to="/moderation/audit">
                <FormattedMessage id="moderation.nav.audit" />
              </NavLink>
            </li>
          </>
        ) : null}
        <li>
          <NavLink to="/activity-report">
            <FormattedMessage id="moderation.nav.activity" />
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}

/** Heading, head tags and navigation common to the staff pages. */
export function StaffPage(props: { title: string; description: string; path: string; children: ReactNode }) {
  return (
    <section className="page staff-page">
      <PageMeta title={`${props.title} · Bottega`} description={props.description} path={props.path} />
      <StaffNav />
      <h1>{props.title}</h1>
      <SignedIn>{props.children}</SignedIn>
    </section>
  );
}

// The API's words for every code, but a decision's or a suspension's reason says its limits.
export const USER_ERRORS: Record<UserErrorCode, string> = {
  ...USER_ERROR_MESSAGES,
  TOO_LONG: 'moderation.userError.TOO_LONG',
  TOO_SHORT: 'moderation.userError.TOO_SHORT',
};

export function FieldError({ id, code }: { id: string; code: UserErrorCode | undefined }) {
  return <UiFieldError id={id} code={code} messages={USER_ERRORS} />;
}

/**
 * Text being typed, kept in localStorage under `key` so a reload or a lost connection does not
 * lose it; `clear` once the API has accepted it. Forms using it render only in the browser.
 */
export function useDraft(key: string): [string, (value: string) => void, () => void] {
  const storageKey = `bottega.moderation.${key}`;
  const [value, setValue] = useState(() => {
    try {
      return localStorage.getItem(storageKey) ?? '';
    } catch {
      return '';
    }
  });
  const update = useCallback(
    (next: string) => {
      setValue(next);
      try {
        if (next) localStorage.setItem(storageKey, next);
        else localStorage.removeItem(storageKey);
      } catch {
        // Storage full or refused: the text stays in the form.
      }
    },
    [storageKey],
  );
  const clear = useCallback(() => update(''), [update]);
  return [value, update, clear];
}
