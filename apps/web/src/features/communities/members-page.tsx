import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { AdminPage, communityGate } from './admin-page';
import { CommunityMembersQuery } from './community.queries';
import { InviteForm } from './invite-form';
import { MemberRow } from './member-row';

export function MembersPage() {
  return (
    <AdminPage titleId="communities.members.title" descriptionId="communities.members.meta" section="members">
      {(slug) => <Members slug={slug} />}
    </AdminPage>
  );
}

function Members({ slug }: { slug: string }) {
  const [announcement, setAnnouncement] = useState('');
  const [result, reexecute] = useQuery({ query: CommunityMembersQuery, variables: { slug }, requestPolicy: 'cache-and-network' });
  const community = result.data?.community;
  const gate = communityGate(slug, result, () => reexecute({ requestPolicy: 'network-only' }));
  if (gate || !community) return gate;
  const coordinators = community.members.nodes.filter((member) => member.role === 'COORDINATOR').length;
  return (
    <>
      <p className="page-intro">
        <Link to={`/communities/${community.slug}`}>{community.name}</Link>
      </p>
      <p role="status" aria-live="polite" className="community-announcement">
        {announcement}
      </p>
      <section aria-labelledby="community-invite">
        <h2 id="community-invite">
          <FormattedMessage id="communities.invite.title" />
        </h2>
        <InviteForm community={community} onInvited={setAnnouncement} />
      </section>
      <section aria-labelledby="community-member-list">
        <h2 id="community-member-list">
          <FormattedMessage id="communities.members.count" values={{ count: community.memberCount }} />
        </h2>
        <ul className="member-list">
          {community.members.nodes.map((member) => (
            <MemberRow
              key={member.user.id}
              community={community}
              member={member}
              isViewer={member.user.id === result.data?.viewer?.id}
              lastCoordinator={member.role === 'COORDINATOR' && coordinators === 1}
              onChanged={setAnnouncement}
            />
          ))}
        </ul>
        {community.members.totalCount > community.members.nodes.length ? (
          <p className="meta">
            <FormattedMessage
              id="communities.members.more"
              values={{ shown: community.members.nodes.length, count: community.members.totalCount }}
            />
          </p>
        ) : null}
      </section>
    </>
  );
}
