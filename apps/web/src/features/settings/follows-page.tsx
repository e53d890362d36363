import { useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link, Navigate } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { PageMeta } from '../../app/head';
import { FOLLOWS_PAGE, FollowButton, ViewerFollowsQuery } from '../../ui/follow-button';
import { useSessionState } from '../session/session-context';
import { FollowedSubjectsQuery } from './settings.queries';
import './settings.css';

type Follow = ResultOf<typeof ViewerFollowsQuery>['follows']['nodes'][number];
type Subject = NonNullable<ResultOf<typeof FollowedSubjectsQuery>['nodes'][number]>;

// Typed against the schema's enum, so a kind the API adds fails the typecheck until it has words.
const TYPES: Record<Follow['type'], string> = {
  THREAD: 'settings.follows.type.THREAD',
  COMMUNITY: 'settings.follows.type.COMMUNITY',
  TERRITORY: 'settings.follows.type.TERRITORY',
  PRACTICE: 'settings.follows.type.PRACTICE',
  TAG: 'settings.follows.type.TAG',
};

/** /settings/follows: what the viewer follows, each with a button to stop (and follow again). */
export function FollowsPage() {
  const intl = useIntl();
  const state = useSessionState();
  if (state.status === 'anonymous') return <Navigate to={`/sign-in?next=${encodeURIComponent('/settings/follows')}`} replace />;
  return (
    <section className="page settings">
      <PageMeta
        title={`${intl.formatMessage({ id: 'settings.follows.title' })} · Bottega`}
        description={intl.formatMessage({ id: 'settings.follows.description' })}
        path="/settings/follows"
      />
      <h1>
        <FormattedMessage id="settings.follows.title" />
      </h1>
      <p className="page-intro">
        <FormattedMessage id="settings.follows.intro" />
      </p>
      {state.status === 'signedIn' ? (
        <FollowList />
      ) : (
        <p role="status">
          <FormattedMessage id="settings.loading" />
        </p>
      )}
    </section>
  );
}

function key(follow: Follow): string {
  return follow.subjectId ?? `tag:${follow.tag ?? ''}`;
}

function FollowList() {
  const [{ data, error, fetching }] = useQuery({ query: ViewerFollowsQuery, variables: { first: FOLLOWS_PAGE }, requestPolicy: 'cache-and-network' });
  // What was listed stays listed after an unfollow, so it can be followed again from here.
  const [listed, setListed] = useState<Follow[]>([]);
  const current = data?.follows.nodes ?? [];
  const fresh = current.filter((follow) => !listed.some((seen) => key(seen) === key(follow)));
  if (fresh.length > 0) setListed([...listed, ...fresh]);
  const ids = listed.flatMap((follow) => (follow.subjectId ? [follow.subjectId] : []));
  const [{ data: named }] = useQuery({ query: FollowedSubjectsQuery, variables: { ids }, pause: ids.length === 0 });

  if (!data) {
    return (
      <p role={error ? 'alert' : 'status'}>
        <FormattedMessage id={error && !fetching ? 'settings.error.load' : 'settings.loading'} />
      </p>
    );
  }
  const subjects = new Map((named?.nodes ?? []).flatMap((node) => (node ? [[node.id, node] as const] : [])));
  return (
    <>
      <p>
        <FormattedMessage id="settings.follows.count" values={{ count: data.follows.totalCount }} />
      </p>
      {listed.length === 0 ? null : (
        <ul className="follows-list">
          {listed.map((follow) => (
            <FollowItem key={key(follow)} follow={follow} subject={follow.subjectId ? subjects.get(follow.subjectId) : undefined} />
          ))}
        </ul>
      )}
    </>
  );
}

function FollowItem({ follow, subject }: { follow: Follow; subject: Subject | undefined }) {
  const intl = useIntl();
  const target = follow.tag ? { href: `/tags/${encodeURIComponent(follow.tag)}`, name: `#${follow.tag}` } : subject ? place(subject) : null;
  const name = target?.name ?? intl.formatMessage({ id: 'settings.follows.gone' });
  return (
    <li>
      <div>
        <p className="meta">
          <FormattedMessage id={TYPES[follow.type]} />
          {' · '}
          <FormattedMessage
            id="settings.follows.since"
            values={{ date: <FormattedDate value={follow.createdAt} year="numeric" month="long" day="numeric" /> }}
          />
        </p>
        <p>{target ? <Link to={target.href}>{target.name}</Link> : name}</p>
      </div>
      <FollowButton subject={follow.tag ? { tag: follow.tag } : { subjectId: follow.subjectId ?? '' }} name={name} />
    </li>
  );
}

function place(subject: Subject): { href: string; name: string } | null {
  switch (subject.__typename) {
    case 'Thread':
      return { href: `/threads/${subject.id}`, name: subject.title };
    case 'Community':
      return { href: `/communities/${subject.slug}`, name: subject.name };
    case 'Territory':
      return { href: `/territories/${subject.code}`, name: subject.name };
    case 'Practice':
      return { href: `/practices/${subject.slug}`, name: subject.title };
    default:
      return null;
  }
}
