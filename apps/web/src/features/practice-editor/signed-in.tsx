import type { ReactNode } from 'react';
import type { CombinedError } from '@urql/core';
import { FormattedMessage } from 'react-intl';
import { Navigate, useLocation } from 'react-router';
import { useSessionState } from '../session/session-context';

/**
 * Writing and reviewing happen signed in: the server render and the browser until the session is
 * restored show a status line; a signed-out reader goes to the sign-in page and comes back here.
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
      <FormattedMessage id={state.status === 'anonymous' ? 'practice-editor.gate.offline' : 'practice-editor.gate.checking'} />
    </p>
  );
}

/** The code of the API's refusal (FORBIDDEN, NOT_FOUND…), if that is why a request failed. */
export function refusalOf(error: CombinedError | undefined): string | null {
  const code = error?.graphQLErrors[0]?.extensions?.['code'];
  return typeof code === 'string' ? code : null;
}

/** A query or mutation that did not go through: refused by the API, or unanswered. */
export function RequestFailure({ error }: { error: CombinedError }) {
  const code = refusalOf(error);
  return (
    <p className="form__alert" role="alert">
      <FormattedMessage
        id={code === 'FORBIDDEN' ? 'practice-editor.error.forbidden' : code === 'NOT_FOUND' ? 'practice-editor.error.notFound' : 'practice-editor.error.network'}
      />
    </p>
  );
}
