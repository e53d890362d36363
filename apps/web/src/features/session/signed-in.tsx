import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Navigate, useLocation } from 'react-router';
import { useSessionState } from './session-context';

/**
 * A page used signed in: the server render (anonymous) and the browser until the session is known
 * show a status line; a signed-out visitor goes to the sign-in page and comes back here afterwards.
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
      <FormattedMessage id={state.status === 'anonymous' ? 'session.gate.offline' : 'session.gate.checking'} />
    </p>
  );
}
