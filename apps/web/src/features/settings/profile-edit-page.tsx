import { FormattedMessage, useIntl } from 'react-intl';
import { Link, Navigate } from 'react-router';
import { useQuery } from 'urql';
import { readFragment } from '../../app/graphql';
import { PageMeta } from '../../app/head';
import type { SignedInViewer } from '../session/browser-session';
import { useSessionState } from '../session/session-context';
import { CompetencesEditor } from './competences-editor';
import { ProfileBasicsForm } from './profile-basics-form';
import { EditableProfileFields, EditProfileQuery } from './settings.queries';
import './settings.css';

/** /settings/profile: the signed-in person edits their profile and competences. */
export function ProfileEditPage() {
  const intl = useIntl();
  const state = useSessionState();
  if (state.status === 'anonymous') return <Navigate to={`/sign-in?next=${encodeURIComponent('/settings/profile')}`} replace />;
  return (
    <section className="page settings">
      <PageMeta
        title={`${intl.formatMessage({ id: 'settings.profile.title' })} · Bottega`}
        description={intl.formatMessage({ id: 'settings.profile.description' })}
        path="/settings/profile"
      />
      <h1>
        <FormattedMessage id="settings.profile.title" />
      </h1>
      {state.status === 'signedIn' ? (
        <Editor viewer={state.viewer} />
      ) : (
        <p role="status">
          <FormattedMessage id="settings.loading" />
        </p>
      )}
    </section>
  );
}

function Editor({ viewer }: { viewer: SignedInViewer }) {
  const intl = useIntl();
  const lang = intl.locale.startsWith('en') ? 'EN' : 'IT';
  const [{ data, error, fetching }] = useQuery({ query: EditProfileQuery, variables: { handle: viewer.handle, lang }, requestPolicy: 'cache-and-network' });
  if (!data) {
    return (
      <p role={error ? 'alert' : 'status'}>
        <FormattedMessage id={error && !fetching ? 'settings.error.load' : 'settings.loading'} />
      </p>
    );
  }
  const profile = data.competenceProfile ? readFragment(EditableProfileFields, data.competenceProfile) : null;
  return (
    <>
      <p className="page-intro">
        <FormattedMessage id="settings.profile.intro" />{' '}
        <Link to={`/u/${viewer.handle}`}>
          <FormattedMessage id="settings.profile.public" />
        </Link>
      </p>
      <div className="settings__forms">
        <ProfileBasicsForm key={`basics-${profile?.id ?? 'new'}`} profile={profile} displayName={viewer.displayName} />
        <CompetencesEditor key={`competences-${profile?.id ?? 'new'}`} profile={profile} areas={data.skillAreas} />
      </div>
    </>
  );
}
