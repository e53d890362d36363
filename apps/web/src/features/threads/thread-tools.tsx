import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import { useAnnounce } from './announcer';
import type { ThreadData } from './post-types';
import { ThreadEditForm } from './thread-edit-form';
import { ThreadMoveForm } from './thread-move-form';
import { LockThreadMutation, PinThreadMutation } from './thread.mutations';

/** Pin, lock, edit and move, for the people the API lets do each. */
export function ThreadTools({ thread }: { thread: ThreadData }) {
  const intl = useIntl();
  if (!thread.viewerCanModerate && !thread.viewerCanEdit) return null;
  return (
    <details className="thread-tools">
      <summary>
        <FormattedMessage id={thread.viewerCanModerate ? 'threads.tools.title' : 'threads.tools.editTitle'} />
      </summary>
      <div className="thread-tools__body">
        {thread.viewerCanModerate ? <FlagToggles thread={thread} /> : null}
        {thread.viewerCanEdit ? <ThreadEditForm thread={thread} /> : null}
        {thread.viewerCanModerate ? (
          <ThreadMoveForm thread={thread} label={intl.formatMessage({ id: 'threads.move.title' })} />
        ) : null}
      </div>
    </details>
  );
}

function FlagToggles({ thread }: { thread: ThreadData }) {
  const intl = useIntl();
  const announce = useAnnounce();
  const [pinning, pin] = useMutation(PinThreadMutation);
  const [locking, lock] = useMutation(LockThreadMutation);
  const [refusal, setRefusal] = useState<UserErrorCode | 'network' | null>(null);

  async function run(kind: 'pin' | 'lock', on: boolean) {
    setRefusal(null);
    const input = { threadId: thread.id, on };
    const result = kind === 'pin' ? await pin({ input }) : await lock({ input });
    const payload = result.data && ('pinThread' in result.data ? result.data.pinThread : result.data.lockThread);
    const error = payload?.userErrors[0];
    if (!payload) setRefusal('network');
    else if (error) setRefusal(error.code);
    else {
      const done = kind === 'pin' ? (on ? 'threads.tools.pinned' : 'threads.tools.unpinned') : on ? 'threads.tools.locked' : 'threads.tools.unlocked';
      announce(intl.formatMessage({ id: done }));
    }
  }

  return (
    <div className="thread-tools__flags">
      <button
        type="button"
        className="button button--quiet"
        aria-pressed={thread.pinned}
        onClick={() => {
          if (!pinning.fetching) void run('pin', !thread.pinned);
        }}
      >
        <FormattedMessage id="threads.tools.pin" />
      </button>
      <button
        type="button"
        className="button button--quiet"
        aria-pressed={thread.locked}
        onClick={() => {
          if (!locking.fetching) void run('lock', !thread.locked);
        }}
      >
        <FormattedMessage id="threads.tools.lock" />
      </button>
      {refusal ? (
        <p className="form__alert" role="alert">
          <FormattedMessage id={refusal === 'network' ? 'threads.error.network' : USER_ERROR_MESSAGES[refusal]} />
        </p>
      ) : null}
    </div>
  );
}
