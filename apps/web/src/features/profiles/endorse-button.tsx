import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import '../../ui/follow-button.css';
import { EndorseCompetenceMutation, WithdrawEndorsementMutation } from './profile.queries';

interface EndorseButtonProps {
  userId: string;
  skillId: string;
  skill: string;
  person: string;
  endorsed: boolean;
  /** Called once the API has recorded the change, to show the counts as they are now. */
  onChanged: () => void;
}

/** Vouches for (or withdraws from) another person's competence: a pressed toggle, announced politely. */
export function EndorseButton({ userId, skillId, skill, person, endorsed, onChanged }: EndorseButtonProps) {
  const intl = useIntl();
  const [endorseState, endorse] = useMutation(EndorseCompetenceMutation);
  const [withdrawState, withdraw] = useMutation(WithdrawEndorsementMutation);
  const [answered, setAnswered] = useState<boolean | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<UserErrorCode | 'network' | null>(null);
  const pressed = answered ?? endorsed;
  const busy = endorseState.fetching || withdrawState.fetching;

  async function toggle() {
    setFailure(null);
    const input = { userId, skillId };
    const payload = pressed ? (await withdraw({ input })).data?.withdrawEndorsement : (await endorse({ input })).data?.endorseCompetence;
    if (!payload) return setFailure('network');
    if (payload.userErrors[0]) return setFailure(payload.userErrors[0].code);
    const now = payload.competence?.viewerHasEndorsed ?? !pressed;
    setAnswered(now);
    setAnnouncement(intl.formatMessage({ id: now ? 'profiles.endorse.done' : 'profiles.endorse.withdrawn' }, { skill, person }));
    onChanged();
  }

  return (
    <span className="endorse">
      <button type="button" className={pressed ? 'follow-button follow-button--on' : 'follow-button'} aria-pressed={pressed} disabled={busy} onClick={() => void toggle()}>
        {pressed ? (
          <span aria-hidden="true">✓</span>
        ) : null}
        <FormattedMessage id="profiles.endorse" />
        <span className="visually-hidden"> {skill}</span>
      </button>
      <span className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </span>
      {failure ? (
        <span className="follow__error" role="alert">
          <FormattedMessage id={failure === 'network' ? 'profiles.endorse.failed' : USER_ERROR_MESSAGES[failure]} />
        </span>
      ) : null}
    </span>
  );
}
