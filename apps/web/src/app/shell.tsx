import { useEffect, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, NavLink, Outlet, isRouteErrorResponse, useLocation, useNavigation, useRouteError } from 'react-router';
import { PageMeta } from './head';
import { useLang } from './i18n-provider';
import { slots } from './slots';

function LangSwitch() {
  const { lang, switchTo } = useLang();
  const location = useLocation();
  const other = lang === 'it' ? 'en' : 'it';
  const next = `${location.pathname}${location.search}`;
  // A plain link works without JavaScript (the server sets the cookie and comes back);
  // with JavaScript the page switches in place.
  return (
    <a
      className="lang-switch"
      href={`/lang/${other}?next=${encodeURIComponent(next)}`}
      hrefLang={other}
      lang={other}
      onClick={(event) => {
        event.preventDefault();
        void switchTo(other);
      }}
    >
      <FormattedMessage id="app.lang.switchTo" />
    </a>
  );
}

function Header() {
  const intl = useIntl();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="site-name">
          <FormattedMessage id="app.name" />
        </Link>
        <nav aria-label={intl.formatMessage({ id: 'app.nav.label' })} className="site-nav">
          <ul>
            <li>
              <NavLink to="/practices">
                <FormattedMessage id="app.nav.practices" />
              </NavLink>
            </li>
            <li>
              <NavLink to="/communities">
                <FormattedMessage id="app.nav.communities" />
              </NavLink>
            </li>
            <li>
              <NavLink to="/peer-exchanges">
                <FormattedMessage id="app.nav.exchanges" />
              </NavLink>
            </li>
            <li>
              <NavLink to="/search">
                <FormattedMessage id="app.nav.search" />
              </NavLink>
            </li>
          </ul>
        </nav>
        <div className="site-header__end">
          <LangSwitch />
          {/* The sign-in state: filled by the session feature's slots.tsx. */}
          {slots.map(({ header: Slot }, index) => (Slot ? <Slot key={index} /> : null))}
        </div>
      </div>
    </header>
  );
}

/** Skip link, header, main landmark and footer around every page. */
export function Shell(props: { children?: ReactNode }) {
  const navigation = useNavigation();
  // Marks the page as interactive (styles and browser tests can tell a hydrated page apart).
  useEffect(() => {
    document.documentElement.dataset['hydrated'] = 'true';
  }, []);
  return (
    <>
      <a className="skip-link" href="#main">
        <FormattedMessage id="app.skipToContent" />
      </a>
      <Header />
      <main id="main" tabIndex={-1} aria-busy={navigation.state === 'loading'}>
        {props.children ?? <Outlet />}
      </main>
      <footer className="site-footer">
        <p>
          <FormattedMessage id="app.footer.about" />
        </p>
        <p>
          <a href="/graphql">
            <FormattedMessage id="app.footer.api" />
          </a>
        </p>
      </footer>
    </>
  );
}

export function NotFoundPage() {
  const intl = useIntl();
  const location = useLocation();
  return (
    <section className="page">
      <PageMeta
        title={`${intl.formatMessage({ id: 'app.notFound.title' })} · Bottega`}
        description={intl.formatMessage({ id: 'app.notFound.body' })}
        path={location.pathname}
      />
      <h1>
        <FormattedMessage id="app.notFound.title" />
      </h1>
      <p>
        <FormattedMessage id="app.notFound.body" />
      </p>
      <p>
        <Link to="/">
          <FormattedMessage id="app.notFound.home" />
        </Link>
      </p>
    </section>
  );
}

/** What a route shows when its loader fails: the 404 page, or a plain apology. */
export function RouteError() {
  const error = useRouteError();
  const intl = useIntl();
  const location = useLocation();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <section className="page" role="alert">
      <PageMeta
        title={`${intl.formatMessage({ id: 'app.error.title' })} · Bottega`}
        description={intl.formatMessage({ id: 'app.error.body' })}
        path={location.pathname}
      />
      <h1>
        <FormattedMessage id="app.error.title" />
      </h1>
      <p>
        <FormattedMessage id="app.error.body" />
      </p>
    </section>
  );
}
