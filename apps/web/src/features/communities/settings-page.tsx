import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { AdminPage } from './admin-page';
import { CommunitySettingsQuery } from './community.queries';
import { SettingsForm } from './settings-form';
import { LoadFailure, Refusal } from './signed-in';

export function SettingsPage() {
  return (
    <AdminPage titleId="communities.settings.title" descriptionId="communities.settings.meta" section="settings">
      {(slug) => <Settings slug={slug} />}
    </AdminPage>
  );
}

function Settings({ slug }: { slug: string }) {
  const [announcement, setAnnouncement] = useState('');
  const [result, reexecute] = useQuery({ query: CommunitySettingsQuery, variables: { slug }, requestPolicy: 'network-only' });
  const community = result.data?.community;
  if (result.error && !result.data) return <LoadFailure error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!result.data) {
    return (
      <p role="status">
        <FormattedMessage id="communities.loading" />
      </p>
    );
  }
  if (!community) {
    return (
      <p role="alert">
        <FormattedMessage id="communities.notFound" />
      </p>
    );
  }
  if (!community.viewerCanModerate) return <Refusal slug={slug} />;
  return (
    <>
      <p className="page-intro">
        <Link to={`/communities/${community.slug}`}>{community.name}</Link>
      </p>
      <p role="status" aria-live="polite" className="community-announcement">
        {announcement}
      </p>
      <SettingsForm key={community.id} community={community} onSaved={setAnnouncement} />
    </>
  );
}
