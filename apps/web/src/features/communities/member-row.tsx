import { useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { errorCode, USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import { ConfirmButton } from './confirm-button';
import { RemoveCommunityMemberMutation, SetCommunityRoleMutation, type CommunityMembersQuery } from './community.queries';

type Community = NonNullable<ResultOf<typeof CommunityMembersQuery>['community']>;
type Member = Community['members']['nodes'][number];
type Role = Member['role'];

// Typed against the schema's enum, so a role the API adds fails the typecheck until it has words.
export const ROLES: Record<Role, string> = {
  COORDINATOR: 'communities.role.COORDINATOR',
  MEMBER: 'communities.role.MEMBER',
};

interface MemberRowProps {
  community: Community;
  member: Member;
  isViewer: boolean;
  lastCoordinator: boolean;
  onChanged: (announcement: string) => void;
}

type Failure = UserErrorCode | 'network' | 'forbidden' | 'gone';

function failureOf(result: { error?: Parameters<typeof errorCode>[0] }): Failure {
  const code = errorCode(result.error);
  return code === 'FORBIDDEN' ? 'forbidden' : code === 'NOT_FOUND' ? 'gone' : 'network';
}

const FAILURES: Record<'network' | 'forbidden' | 'gone', string> = {
  network: 'communities.error.network',
  forbidden: 'communities.members.forbidden',
  gone: 'communities.members.gone',
};

/** One member: their role, made coordinator or member again, or removed after confirming. */
export function MemberRow({ community, member, isViewer, lastCoordinator, onChanged }: MemberRowProps) {
  const intl = useIntl();
  const [roleState, setRole] = useMutation(SetCommunityRoleMutation);
  const [removeState, remove] = useMutation(RemoveCommunityMemberMutation);
  const [failure, setFailure] = useState<Failure | null>(null);
  const name = member.user.displayName;
  const nextRole: Role = member.role === 'COORDINATOR' ? 'MEMBER' : 'COORDINATOR';
  const errorId = `member-${member.user.handle}-error`;

  const changeRole = async () => {
    setFailure(null);
    const result = await setRole({ input: { communityId: community.id, userId: member.user.id, role: nextRole } });
    const payload = result.data?.setCommunityRole;
    if (!payload) return setFailure(failureOf(result));
    const [first] = payload.userErrors;
    if (first) return setFailure(first.code);
    onChanged(intl.formatMessage({ id: nextRole === 'COORDINATOR' ? 'communities.members.nowCoordinator' : 'communities.members.nowMember' }, { name }));
  };
  const removeMember = async () => {
    setFailure(null);
    const result = await remove({ input: { communityId: community.id, userId: member.user.id } });
    const payload = result.data?.removeCommunityMember;
    if (!payload) return setFailure(failureOf(result));
    const [first] = payload.userErrors;
    if (first) return setFailure(first.code);
    onChanged(intl.formatMessage({ id: 'communities.members.removed' }, { name, community: community.name }));
  };

  return (
    <li className="member">
      <p className="member__who">
        <Link to={`/u/${member.user.handle}`}>{name}</Link> <span className="meta">@{member.user.handle}</span>
      </p>
      <p className="meta">
        <strong>
          <FormattedMessage id={ROLES[member.role]} />
        </strong>
        {isViewer ? (
          <>
            {' · '}
            <FormattedMessage id="communities.members.you" />
          </>
        ) : null}
        {' · '}
        <FormattedMessage
          id="communities.members.joinedAt"
          values={{ date: <FormattedDate value={member.joinedAt} year="numeric" month="long" day="numeric" /> }}
        />
      </p>
      {failure ? (
        <p className="field__error" id={errorId} role="alert">
          <FormattedMessage
            id={
              failure === 'INVALID_STATE'
                ? 'communities.members.lastCoordinator'
                : failure === 'network' || failure === 'forbidden' || failure === 'gone'
                  ? FAILURES[failure]
                  : USER_ERROR_MESSAGES[failure]
            }
          />
        </p>
      ) : null}
      <div className="member__actions">
        {lastCoordinator ? (
          <p className="meta">
            <FormattedMessage id="communities.members.onlyCoordinator" />
          </p>
        ) : (
          <>
            <button type="button" className="button button--quiet" disabled={roleState.fetching} onClick={() => void changeRole()}>
              <FormattedMessage id={nextRole === 'COORDINATOR' ? 'communities.members.makeCoordinator' : 'communities.members.makeMember'} values={{ name }} />
            </button>
            {isViewer ? null : (
              <ConfirmButton
                id={`member-${member.user.handle}-remove`}
                label={<FormattedMessage id="communities.members.remove" values={{ name }} />}
                question={<FormattedMessage id="communities.members.removeQuestion" values={{ name, community: community.name }} />}
                confirm={<FormattedMessage id="communities.members.removeConfirm" values={{ name }} />}
                busy={removeState.fetching}
                onConfirm={removeMember}
              />
            )}
          </>
        )}
      </div>
    </li>
  );
}
