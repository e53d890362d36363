import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { PageMeta } from '../../app/head';
import { useRouteQuery } from '../../app/routing';
import { useSessionState } from '../session/session-context';
import { CommunitiesQuery, StaffViewerQuery } from './community.queries';
import './community.css';

type Community = ResultOf<typeof CommunitiesQuery>['communities']['nodes'][number];

const KINDS: Record<Community['kind'], string> = {
  TERRITORIAL: 'communities.kind.TERRITORIAL',
  THEMATIC: 'communities.kind.THEMATIC',
};

/**
 * Every community the reader may read. Signed in, the list is asked again with the session:
 * invitations to private communities first, then the reader's own, then the others.
 */
export function CommunitiesPage() {
  const intl = useIntl();
  const state = useSessionState();
  const signedIn = state.status === 'signedIn';
  const [{ data }] = useRouteQuery(CommunitiesQuery);
  // Same query, same cache entry: once signed in, the anonymous list is replaced by the reader's.
  const [mine] = useQuery({ query: CommunitiesQuery, variables: {}, pause: !signedIn, requestPolicy: 'network-only' });
  const all = data?.communities.nodes ?? [];
  const personal = signedIn && Boolean(mine.data);
  const invited = personal ? all.filter((c) => c.visibility === 'PRIVATE' && c.viewerRole === null && c.viewerCanJoin) : [];
  const belong = personal ? all.filter((c) => c.viewerRole !== null) : [];
  const others = all.filter((c) => !invited.includes(c) && !belong.includes(c));
  return (
    <section className="page">
      <PageMeta
        title={`${intl.formatMessage({ id: 'communities.list.title' })} · Bottega`}
        description={intl.formatMessage({ id: 'communities.list.description' })}
        path="/communities"
      />
      <h1>
        <FormattedMessage id="communities.list.title" />
      </h1>
      <p className="page-intro">
        <FormattedMessage id="communities.list.intro" />
      </p>
      {signedIn ? <NewCommunityLink /> : null}
      {invited.length > 0 ? <Group id="communities-invited" titleId="communities.list.invited" communities={invited} /> : null}
      {personal ? <Group id="communities-mine" titleId="communities.list.mine" communities={belong} emptyId="communities.list.mineEmpty" /> : null}
      <Group
        id="communities-others"
        titleId={personal ? 'communities.list.open' : 'communities.list.all'}
        communities={others}
        emptyId="communities.list.openEmpty"
      />
    </section>
  );
}

function NewCommunityLink() {
  const [{ data }] = useQuery({ query: StaffViewerQuery });
  const role = data?.viewer?.role;
  // The API opens new communities to admins and moderators.
  if (role !== 'ADMIN' && role !== 'MODERATOR') return null;
  return (
    <p>
      <Link className="button-link" to="/communities/new">
        <FormattedMessage id="communities.list.new" />
      </Link>
    </p>
  );
}

function Group({ id, titleId, communities, emptyId }: { id: string; titleId: string; communities: Community[]; emptyId?: string }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        <FormattedMessage id={titleId} values={{ count: communities.length }} />
      </h2>
      {communities.length === 0 && emptyId ? (
        <p>
          <FormattedMessage id={emptyId} />
        </p>
      ) : (
        <ul className="cards">
          {communities.map((community) => (
            <li key={community.id} className="card">
              <h3>
                <Link to={`/communities/${community.slug}`}>{community.name}</Link>
              </h3>
              <p className="meta">
                <FormattedMessage id={KINDS[community.kind]} />
                {community.territory ? ` · ${community.territory.name}` : null}
                {' · '}
                <FormattedMessage id="communities.memberCount" values={{ count: community.memberCount }} />
                {community.viewerRole ? (
                  <>
                    {' · '}
                    <strong>
                      <FormattedMessage id={community.viewerRole === 'COORDINATOR' ? 'communities.list.youCoordinate' : 'communities.list.youBelong'} />
                    </strong>
                  </>
                ) : null}
              </p>
              {community.description ? <p>{community.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
