import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Navigate, useLocation } from 'react-router';
import { useSessionState } from '../session/session-context';

/**
 * Planning pages are used signed in: a status line until the browser knows the session, the
 * sign-in page (and back here) for a signed-out visitor.
 */
export function SignedIn(props: { children: ReactNode }) {
  const state = useSessionState();
  const location = useLocation();
  if (state.status === 'signedIn') return <>{props.children}</>;
  if (state.status === 'anonymous' && !state.offline) {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(`${location.pathname}${location.search}`)}`} replace />;
  }
  return (
    <p role="status">
      <FormattedMessage id={state.status === 'anonymous' ? 'exchanges.session.offline' : 'exchanges.session.checking'} />
    </p>
  );
}
