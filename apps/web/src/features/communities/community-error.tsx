import { useEffect } from 'react';
import { FormattedMessage } from 'react-intl';
import { isRouteErrorResponse, useLocation, useRevalidator, useRouteError } from 'react-router';
import { NotFoundPage, RouteError } from '../../app/shell';
import { useSessionState } from '../session/session-context';

// Pages asked again once signed in, in this tab: a second "not found" is the answer.
const askedSignedIn = new Set<string>();

/**
 * The server renders anonymously, so a members-only or private community is "not found" there;
 * once the browser has restored the session, the page asks again as the signed-in reader (a
 * member, or someone invited), and shows the community when the API lets them read it.
 */
export function CommunityError() {
  const error = useRouteError();
  const state = useSessionState();
  const revalidator = useRevalidator();
  const { pathname } = useLocation();
  const missing = isRouteErrorResponse(error) && error.status === 404;
  const signedIn = state.status === 'signedIn';
  const pending = missing && signedIn && !askedSignedIn.has(pathname);

  useEffect(() => {
    if (!pending) return;
    askedSignedIn.add(pathname);
    void revalidator.revalidate();
  }, [pending, pathname, revalidator]);

  if (!missing) return <RouteError />;
  if (pending || (signedIn && revalidator.state === 'loading')) {
    return (
      <p role="status">
        <FormattedMessage id="communities.gate.asking" />
      </p>
    );
  }
  return <NotFoundPage />;
}
