import { useEffect, useRef } from 'react';
import { isRouteErrorResponse, useParams, useRevalidator, useRouteError } from 'react-router';
import { RouteError } from '../../app/shell';
import { useSessionState } from '../session/session-context';

/** Exchanges to read again from the API, signed in, at their next load (a draft the anonymous render could not see). */
export const readAgain = new Set<string>();

/**
 * A 404 for an exchange the server could not show (rendering is anonymous): a draft is read only
 * by those who run it, so once the browser has restored the session the exchange is asked for
 * again; it stays a 404 for anyone who may not read it.
 */
export function ExchangeRouteError() {
  const error = useRouteError();
  const id = useParams()['id'] ?? '';
  const session = useSessionState();
  const revalidator = useRevalidator();
  const tried = useRef<string | null>(null);
  const missing = isRouteErrorResponse(error) && error.status === 404;
  useEffect(() => {
    if (!missing || session.status !== 'signedIn' || tried.current === id) return;
    tried.current = id;
    readAgain.add(id);
    void revalidator.revalidate();
  }, [missing, session.status, id, revalidator]);
  return <RouteError />;
}
