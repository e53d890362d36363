import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useLocation } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../app/graphql';
import { useSessionState } from '../features/session/session-context';
import { UserErrorFields } from './form-errors';
import './follow-button.css';

/** What can be followed: a thread, community, territory or practice by its global id, or a tag. */
export type FollowSubject = { subjectId: string } | { tag: string };

/** The viewer's follows (the API lists at most 100 a page; the first page answers "do I follow it?"). */
export const ViewerFollowsQuery = graphql(`
  query ViewerFollows($first: Int!) {
    follows(first: $first) {
      totalCount
      nodes { type subjectId tag createdAt }
    }
  }
`);

export const FOLLOWS_PAGE = 100;

const FollowMutation = graphql(
  `
    mutation Follow($input: FollowInput!) {
      follow(input: $input) {
        following
        userErrors { ...UserErrorFields }
      }
    }
  `,
  [UserErrorFields],
);

const UnfollowMutation = graphql(
  `
    mutation Unfollow($input: FollowInput!) {
      unfollow(input: $input) {
        following
        userErrors { ...UserErrorFields }
      }
    }
  `,
  [UserErrorFields],
);

/** A tag as the API keys its follows (the same slug rule): lower case, letters and digits joined by "-". */
export function tagKey(tag: string): string {
  return tag
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
}

function sameSubject(node: { subjectId?: string | null; tag?: string | null }, subject: FollowSubject): boolean {
  return 'tag' in subject ? node.tag != null && node.tag === tagKey(subject.tag) : node.subjectId === subject.subjectId;
}

/**
 * Whether the signed-in viewer follows the subject, from the viewer's follows (one request shared by
 * every button of the page); undefined while unknown or signed out. `refresh` asks the API again.
 */
export function useFollowing(subject: FollowSubject): { following: boolean | undefined; refresh: () => void } {
  const state = useSessionState();
  const [{ data }, reexecute] = useQuery({
    query: ViewerFollowsQuery,
    variables: { first: FOLLOWS_PAGE },
    pause: state.status !== 'signedIn',
    requestPolicy: 'cache-and-network',
  });
  return {
    following: data ? data.follows.nodes.some((node) => sameSubject(node, subject)) : undefined,
    refresh: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export interface FollowButtonProps {
  /** What to follow: `{ subjectId }` for a thread, community, territory or practice, `{ tag }` for a tag. */
  subject: FollowSubject;
  /** Its name as shown on the page: part of the button's accessible name and of the announcement. */
  name: string;
  /**
   * Whether the viewer follows it, when the caller knows; otherwise the button reads the viewer's
   * follows itself (`useFollowing`).
   */
  following?: boolean | undefined;
  /** Called with the new state once the API has accepted the change. */
  onChange?: (following: boolean) => void;
}

/**
 * A toggle (aria-pressed) that follows or unfollows a subject, announcing the change politely. A
 * signed-out reader (and a reader without JavaScript) gets a link to sign in and come back here.
 */
export function FollowButton(props: FollowButtonProps) {
  const state = useSessionState();
  if (state.status !== 'signedIn') return <SignInToFollow name={props.name} />;
  return <Toggle {...props} />;
}

function SignInToFollow(props: { name: string }) {
  const location = useLocation();
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  return (
    <Link className="follow-button follow-button--link" to={`/sign-in?next=${next}`}>
      <FormattedMessage id="ui.follow.signIn" />
      <span className="visually-hidden"> {props.name}</span>
    </Link>
  );
}

function Toggle(props: FollowButtonProps) {
  const intl = useIntl();
  const known = useFollowing(props.subject);
  // The API's answer to this button's last change, shown until the follows list agrees.
  const [answered, setAnswered] = useState<boolean | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const [failed, setFailed] = useState(false);
  const [followState, follow] = useMutation(FollowMutation);
  const [unfollowState, unfollow] = useMutation(UnfollowMutation);
  const fetching = followState.fetching || unfollowState.fetching;
  const following = answered ?? props.following ?? known.following;

  async function toggle() {
    if (following === undefined || fetching) return;
    setFailed(false);
    const input = 'tag' in props.subject ? { tag: props.subject.tag } : { subjectId: props.subject.subjectId };
    const payload = following ? (await unfollow({ input })).data?.unfollow : (await follow({ input })).data?.follow;
    if (!payload || payload.userErrors.length > 0) {
      setFailed(true);
      setAnnouncement('');
      return;
    }
    setAnswered(payload.following);
    setAnnouncement(intl.formatMessage({ id: payload.following ? 'ui.follow.started' : 'ui.follow.stopped' }, { name: props.name }));
    known.refresh();
    props.onChange?.(payload.following);
  }

  return (
    <span className="follow">
      <button
        type="button"
        className={following ? 'follow-button follow-button--on' : 'follow-button'}
        aria-pressed={following ?? false}
        aria-busy={following === undefined || fetching ? true : undefined}
        disabled={following === undefined}
        onClick={() => void toggle()}
      >
        {following ? (
          <span className="follow-button__mark" aria-hidden="true">
            ✓
          </span>
        ) : null}
        <FormattedMessage id="ui.follow.button" />
        <span className="visually-hidden"> {props.name}</span>
      </button>
      <span className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </span>
      {failed ? (
        <span className="follow__error" role="alert">
          <FormattedMessage id="ui.follow.failed" />
        </span>
      ) : null}
    </span>
  );
}
