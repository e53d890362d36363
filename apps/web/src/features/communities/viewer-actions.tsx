import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useLocation } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { errorCode, USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import { useSessionState } from '../session/session-context';
import { ConfirmButton } from './confirm-button';
import { CommunityViewerQuery, JoinCommunityMutation, LeaveCommunityMutation } from './community.queries';

type Standing = NonNullable<ResultOf<typeof CommunityViewerQuery>['community']>;
type Failure = UserErrorCode | 'network' | 'forbidden' | 'notFound';

const FAILURES: Record<'network' | 'forbidden' | 'notFound', string> = {
  network: 'communities.error.network',
  forbidden: 'communities.membership.forbidden',
  notFound: 'communities.membership.notFound',
};

function failureMessage(failure: Failure, role: Standing['viewerRole']): string {
  if (failure === 'INVALID_STATE' && role === 'COORDINATOR') return 'communities.membership.lastCoordinator';
  if (failure === 'network' || failure === 'forbidden' || failure === 'notFound') return FAILURES[failure];
  return USER_ERROR_MESSAGES[failure];
}

function failureOf(result: { error?: Parameters<typeof errorCode>[0] }): Failure {
  const code = errorCode(result.error);
  return code === 'FORBIDDEN' ? 'forbidden' : code === 'NOT_FOUND' ? 'notFound' : 'network';
}

/**
 * The signed-in reader's part of a community page: joining (or accepting an invitation to a
 * private community), leaving, and for its coordinators the ways to run it.
 */
export function ViewerActions({ slug }: { slug: string }) {
  const state = useSessionState();
  const location = useLocation();
  if (state.status === 'anonymous') {
    return (
      <p className="community-actions">
        <Link to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>
          <FormattedMessage id="communities.membership.signIn" />
        </Link>
      </p>
    );
  }
  if (state.status !== 'signedIn') return null;
  return <SignedInActions slug={slug} />;
}

function SignedInActions({ slug }: { slug: string }) {
  // The page itself was rendered anonymously: the viewer's standing is read again, signed in.
  const [{ data, error }] = useQuery({ query: CommunityViewerQuery, variables: { slug }, requestPolicy: 'network-only' });
  const community = data?.community;
  if (error && !data) {
    return (
      <p className="community-notice" role="alert">
        <FormattedMessage id={errorCode(error) ? 'communities.error.other' : 'communities.error.network'} />
      </p>
    );
  }
  if (!community) return null;
  return (
    <>
      <Membership community={community} />
      {community.viewerCanModerate ? <CoordinatorLinks slug={community.slug} /> : null}
    </>
  );
}

function Membership({ community }: { community: Standing }) {
  const intl = useIntl();
  const [join, joinCommunity] = useMutation(JoinCommunityMutation);
  const [leave, leaveCommunity] = useMutation(LeaveCommunityMutation);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const invited = community.visibility === 'PRIVATE' && community.viewerRole === null && community.viewerCanJoin;

  const onJoin = async () => {
    setFailure(null);
    const result = await joinCommunity({ input: { communityId: community.id } });
    const payload = result.data?.joinCommunity;
    if (!payload) return setFailure(failureOf(result));
    const [first] = payload.userErrors;
    if (first) return setFailure(first.code);
    setAnnouncement(intl.formatMessage({ id: 'communities.membership.joined' }, { name: community.name }));
  };
  const onLeave = async () => {
    setFailure(null);
    const result = await leaveCommunity({ input: { communityId: community.id } });
    const payload = result.data?.leaveCommunity;
    if (!payload) return setFailure(failureOf(result));
    const [first] = payload.userErrors;
    if (first) return setFailure(first.code);
    setAnnouncement(intl.formatMessage({ id: 'communities.membership.left' }, { name: community.name }));
  };

  return (
    <div className="community-actions">
      <p role="status" aria-live="polite" className="community-announcement">
        {announcement}
      </p>
      {failure ? (
        <p className="form__alert" role="alert">
          <FormattedMessage id={failureMessage(failure, community.viewerRole)} />
        </p>
      ) : null}
      {invited ? (
        <p className="community-invitation">
          <FormattedMessage id="communities.membership.invited" />
        </p>
      ) : null}
      {community.viewerRole ? (
        <>
          <p>
            <FormattedMessage id={community.viewerRole === 'COORDINATOR' ? 'communities.membership.youCoordinate' : 'communities.membership.youBelong'} />
          </p>
          <ConfirmButton
            id="community-leave"
            label={<FormattedMessage id="communities.membership.leave" />}
            question={
              <FormattedMessage
                id={community.visibility === 'PRIVATE' ? 'communities.membership.leaveQuestionPrivate' : 'communities.membership.leaveQuestion'}
                values={{ name: community.name }}
              />
            }
            confirm={<FormattedMessage id="communities.membership.leaveConfirm" />}
            busy={leave.fetching}
            onConfirm={onLeave}
          />
        </>
      ) : community.viewerCanJoin ? (
        <button type="button" className="button" disabled={join.fetching} onClick={() => void onJoin()}>
          <FormattedMessage id={invited ? 'communities.membership.accept' : 'communities.membership.join'} />
        </button>
      ) : null}
    </div>
  );
}

function CoordinatorLinks({ slug }: { slug: string }) {
  const intl = useIntl();
  return (
    <nav className="community-admin" aria-label={intl.formatMessage({ id: 'communities.admin.label' })}>
      <ul>
        <li>
          <Link to={`/communities/${slug}/members`}>
            <FormattedMessage id="communities.admin.members" />
          </Link>
        </li>
        <li>
          <Link to={`/communities/${slug}/settings`}>
            <FormattedMessage id="communities.admin.settings" />
          </Link>
        </li>
        <li>
          <Link to="/moderation">
            <FormattedMessage id="communities.admin.moderation" />
          </Link>
        </li>
        <li>
          <Link to="/peer-exchanges/new">
            <FormattedMessage id="communities.admin.planExchange" />
          </Link>
        </li>
      </ul>
    </nav>
  );
}
