import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { AdminPage, communityGate } from './admin-page';
import { CommunitySettingsQuery } from './community.queries';
import { SettingsForm } from './settings-form';

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
  const gate = communityGate(slug, result, () => reexecute({ requestPolicy: 'network-only' }));
  if (gate || !community) return gate;
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
