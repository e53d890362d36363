import { lazy, Suspense } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useLocation, useNavigate } from 'react-router';
import type { FeatureSlots } from '../../app/slots';
import { useBrowserSession, useSessionState, SessionProvider } from './session-context';
import './slot.css';

// Loaded once someone is signed in: anonymous readers never download it.
const NotificationsBadge = lazy(async () => ({ default: (await import('../notifications/badge')).NotificationsBadge }));

function SessionHeader() {
  const state = useSessionState();
  const session = useBrowserSession();
  const location = useLocation();
  const navigate = useNavigate();
  const here = `${location.pathname}${location.search}`;
  const next = here === '/' || here.startsWith('/sign-in') || here.startsWith('/register') ? '' : `?next=${encodeURIComponent(here)}`;

  if (state.status === 'restoring') {
    // Same footprint as the links that replace it, so the header does not jump.
    return <div className="session-slot" aria-hidden="true" />;
  }
  if (state.status === 'anonymous') {
    return (
      <div className="session-slot">
        {state.ended ? (
          <p className="session-slot__notice" role="status">
            <FormattedMessage id="session.ended" />
          </p>
        ) : null}
        <Link to={`/sign-in${next}`}>
          <FormattedMessage id="session.signIn.link" />
        </Link>
        <Link to={`/register${next}`}>
          <FormattedMessage id="session.register.link" />
        </Link>
      </div>
    );
  }
  return (
    <div className="session-slot">
      <Suspense fallback={null}>
        <NotificationsBadge />
      </Suspense>
      <Link to={`/u/${state.viewer.handle}`} className="session-slot__name">
        {state.viewer.displayName}
      </Link>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          void session.signOut().then(() => navigate(location.pathname === '/notifications' ? '/' : here, { replace: true }));
        }}
      >
        <FormattedMessage id="session.signOut" />
      </button>
    </div>
  );
}

export const slots: FeatureSlots = {
  provider: SessionProvider,
  header: SessionHeader,
};
