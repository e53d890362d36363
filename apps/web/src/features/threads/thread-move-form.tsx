import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { errorCode, USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import { useAnnounce } from './announcer';
import type { ThreadData } from './post-types';
import { ModeratedCommunitiesQuery, MoveThreadMutation } from './thread.mutations';

/** Moves the thread to another community the viewer runs too. */
export function ThreadMoveForm({ thread, label }: { thread: ThreadData; label: string }) {
  const intl = useIntl();
  const announce = useAnnounce();
  const [{ data }] = useQuery({ query: ModeratedCommunitiesQuery });
  const [{ fetching }, move] = useMutation(MoveThreadMutation);
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<UserErrorCode | 'network' | 'forbidden' | null>(null);
  const targets = (data?.communities.nodes ?? []).filter((community) => community.viewerCanModerate && community.id !== thread.community.id);
  if (data && targets.length === 0) return null;

  async function submit() {
    if (!target) {
      setMissing(true);
      document.getElementById('move-community')?.focus();
      return;
    }
    setMissing(false);
    setFailure(null);
    const trimmed = reason.trim();
    const result = await move({ input: { threadId: thread.id, communityId: target, ...(trimmed ? { reason: trimmed } : {}) } });
    const payload = result.data?.moveThread;
    if (!payload) {
      setFailure(errorCode(result.error) === 'FORBIDDEN' ? 'forbidden' : 'network');
      return;
    }
    const error = payload.userErrors[0];
    if (error) {
      setFailure(error.code);
      return;
    }
    setTarget('');
    setReason('');
    announce(intl.formatMessage({ id: 'threads.move.done' }, { community: payload.thread?.community.name ?? '' }));
  }

  return (
    <form
      className="form"
      noValidate
      aria-labelledby="move-thread-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id="move-thread-title" className="thread-tools__heading">
        {label}
      </h2>
      {failure ? (
        <p className="form__alert" role="alert">
          <FormattedMessage
            id={failure === 'network' ? 'threads.error.network' : failure === 'forbidden' ? 'threads.move.forbidden' : USER_ERROR_MESSAGES[failure]}
          />
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="move-community">
          <FormattedMessage id="threads.move.community" />
        </label>
        <select
          id="move-community"
          value={target}
          aria-invalid={missing ? true : undefined}
          aria-describedby={missing ? 'move-community-error' : undefined}
          onChange={(event) => setTarget(event.target.value)}
        >
          <option value="">{intl.formatMessage({ id: 'threads.move.choose' })}</option>
          {targets.map((community) => (
            <option key={community.id} value={community.id}>
              {community.name}
            </option>
          ))}
        </select>
        {missing ? (
          <p className="field__error" id="move-community-error">
            <FormattedMessage id="threads.move.required" />
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="move-reason">
          <FormattedMessage id="threads.reasonLabel" />
        </label>
        <input id="move-reason" maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
      </div>
      <button type="submit" className="button" disabled={fetching}>
        <FormattedMessage id="threads.move.submit" />
      </button>
    </form>
  );
}
