import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link, useLoaderData } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf, VariablesOf } from '../../app/graphql';
import { PageMeta } from '../../app/head';
import { useRouteQuery } from '../../app/routing';
import { FollowButton } from '../../ui/follow-button';
import { CommunityQuery, CommunityThreadsQuery } from './community.queries';
import { ViewerActions } from './viewer-actions';
import './community.css';

type Community = NonNullable<ResultOf<typeof CommunityQuery>['community']>;

// Typed against the schema's enums, so a value the API adds fails the typecheck until it has a label.
const VISIBILITY: Record<Community['visibility'], string> = {
  PUBLIC: 'communities.visibility.PUBLIC',
  MEMBERS_ONLY: 'communities.visibility.MEMBERS_ONLY',
  PRIVATE: 'communities.visibility.PRIVATE',
};
const KINDS: Record<Community['kind'], string> = {
  TERRITORIAL: 'communities.kind.TERRITORIAL',
  THEMATIC: 'communities.kind.THEMATIC',
};

export function CommunityPage() {
  const intl = useIntl();
  const { threads: threadVariables } = useLoaderData<{ threads: VariablesOf<typeof CommunityThreadsQuery> }>();
  const [{ data }] = useRouteQuery(CommunityQuery);
  const [{ data: listed }] = useQuery({ query: CommunityThreadsQuery, variables: threadVariables });
  const community = data?.community;
  if (!community) return null;
  const coordinators = community.members.nodes.filter((member) => member.role === 'COORDINATOR');
  const threads = listed?.threads;
  return (
    <>
      <PageMeta
        title={`${community.name} · Bottega`}
        description={community.description || intl.formatMessage({ id: 'communities.meta.description' }, { name: community.name })}
        path={`/communities/${community.slug}`}
      />
      <p className="meta">
        <FormattedMessage id={KINDS[community.kind]} />
        {community.territory ? (
          <>
            {' · '}
            <Link to={`/territories/${community.territory.code}`}>{community.territory.name}</Link>
          </>
        ) : null}
      </p>
      <h1>{community.name}</h1>
      {community.description ? <p className="page-intro">{community.description}</p> : null}
      <dl className="facts">
        <dt>
          <FormattedMessage id="communities.visibility" />
        </dt>
        <dd>
          <FormattedMessage id={VISIBILITY[community.visibility]} />
        </dd>
        <dt>
          <FormattedMessage id="communities.members" />
        </dt>
        <dd>
          <FormattedMessage id="communities.memberCount" values={{ count: community.memberCount }} />
        </dd>
        {coordinators.length > 0 ? (
          <>
            <dt>
              <FormattedMessage id="communities.coordinators" values={{ count: coordinators.length }} />
            </dt>
            <dd>
              {coordinators.map((member, index) => (
                <span key={member.user.id}>
                  {index > 0 ? ', ' : ''}
                  <Link to={`/u/${member.user.handle}`}>{member.user.displayName}</Link>
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <ViewerActions slug={community.slug} />
      <div className="community-bar">
        <Link className="button-link" to={`/communities/${community.slug}/ask`}>
          <FormattedMessage id="communities.ask" />
        </Link>
        <Link className="button-link" to={`/practices/new?community=${encodeURIComponent(community.slug)}`}>
          <FormattedMessage id="communities.writePractice" />
        </Link>
        <FollowButton subject={{ subjectId: community.id }} name={community.name} />
      </div>

      <section aria-labelledby="community-threads">
        <h2 id="community-threads">
          <FormattedMessage id="communities.threads.title" values={{ count: threads?.totalCount ?? 0 }} />
        </h2>
        {threads && threads.nodes.length === 0 ? (
          <p>
            <FormattedMessage id="communities.threads.none" />
          </p>
        ) : null}
        <ul className="cards">
          {threads?.nodes.map((thread) => (
            <li key={thread.id} className={`card${thread.pinned ? ' card--pinned' : ''}`}>
              <h3>
                <Link to={`/threads/${encodeURIComponent(thread.id)}`}>{thread.title}</Link>
              </h3>
              <p className="meta">
                {thread.pinned ? (
                  <>
                    <strong className="thread-mark">
                      <span aria-hidden="true">📌 </span>
                      <FormattedMessage id="communities.thread.pinned" />
                    </strong>
                    {' · '}
                  </>
                ) : null}
                {thread.kind === 'QUESTION' ? (
                  <>
                    <FormattedMessage id={thread.answered ? 'communities.thread.answered' : 'communities.thread.open'} />
                    {' · '}
                  </>
                ) : null}
                {thread.locked ? (
                  <>
                    <strong className="thread-mark">
                      <span aria-hidden="true">🔒 </span>
                      <FormattedMessage id="communities.thread.locked" />
                    </strong>
                    {' · '}
                  </>
                ) : null}
                <FormattedMessage id="communities.thread.replies" values={{ count: Math.max(thread.postCount - 1, 0) }} />
                {' · '}
                <FormattedMessage
                  id="communities.thread.activity"
                  values={{ date: <FormattedDate value={thread.lastActivityAt} year="numeric" month="long" day="numeric" /> }}
                />
                {thread.author ? (
                  <>
                    {' · '}
                    <Link to={`/u/${thread.author.handle}`}>{thread.author.displayName}</Link>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
        {threads?.pageInfo.hasNextPage && threads.pageInfo.endCursor ? (
          <p className="pager">
            <Link to={`/communities/${community.slug}?after=${encodeURIComponent(threads.pageInfo.endCursor)}`} preventScrollReset rel="next">
              <FormattedMessage id="communities.threads.more" />
            </Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
