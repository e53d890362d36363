import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import { FlagContentMutation } from './post.mutations';

type FlagReason = NonNullable<NonNullable<ResultOf<typeof FlagContentMutation>['flagContent']>['flag']>['reason'];

// Typed against the schema's enum, so a reason the API adds fails the typecheck until it has words.
const REASONS: Record<FlagReason, string> = {
  SPAM: 'threads.flag.reason.SPAM',
  OFFENSIVE: 'threads.flag.reason.OFFENSIVE',
  OFF_TOPIC: 'threads.flag.reason.OFF_TOPIC',
  PRIVACY: 'threads.flag.reason.PRIVACY',
  OTHER: 'threads.flag.reason.OTHER',
};
const ORDER = Object.keys(REASONS) as FlagReason[];

/** Reports a post to the people who moderate it, with a reason from the API's list. */
export function FlagForm(props: { subjectId: string; onClose: () => void }) {
  const intl = useIntl();
  const [{ fetching }, flag] = useMutation(FlagContentMutation);
  const [reason, setReason] = useState<FlagReason | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [outcome, setOutcome] = useState<'sent' | UserErrorCode | 'network' | null>(null);
  const first = useRef<HTMLSelectElement>(null);
  const done = useRef<HTMLParagraphElement>(null);
  const id = `flag-${props.subjectId}`;
  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    if (outcome === 'sent') done.current?.focus();
  }, [outcome]);

  async function submit() {
    if (!reason) {
      setMissing(true);
      first.current?.focus();
      return;
    }
    setMissing(false);
    const trimmed = note.trim();
    const result = await flag({ input: { subjectId: props.subjectId, reason, ...(trimmed ? { note: trimmed } : {}) } });
    const payload = result.data?.flagContent;
    if (!payload) setOutcome('network');
    else setOutcome(payload.userErrors[0]?.code ?? 'sent');
  }

  if (outcome === 'sent') {
    return (
      <div className="post__panel">
        <p className="post__confirmation" role="status" tabIndex={-1} ref={done}>
          <FormattedMessage id="threads.flag.sent" />
        </p>
        <button type="button" className="button button--quiet" onClick={props.onClose}>
          <FormattedMessage id="threads.close" />
        </button>
      </div>
    );
  }

  return (
    <form
      className="form post__panel"
      noValidate
      aria-label={intl.formatMessage({ id: 'threads.flag.title' })}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {outcome ? (
        <p className="form__alert" role="alert">
          <FormattedMessage id={outcome === 'network' ? 'threads.error.network' : outcome === 'TAKEN' ? 'threads.flag.already' : USER_ERROR_MESSAGES[outcome]} />
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-reason`}>
          <FormattedMessage id="threads.flag.reason" />
        </label>
        <select
          id={`${id}-reason`}
          ref={first}
          value={reason}
          aria-invalid={missing ? true : undefined}
          aria-describedby={missing ? `${id}-reason-error` : undefined}
          onChange={(event) => setReason(event.target.value as FlagReason | '')}
        >
          <option value="">{intl.formatMessage({ id: 'threads.flag.choose' })}</option>
          {ORDER.map((value) => (
            <option key={value} value={value}>
              {intl.formatMessage({ id: REASONS[value] })}
            </option>
          ))}
        </select>
        {missing ? (
          <p className="field__error" id={`${id}-reason-error`}>
            <FormattedMessage id="threads.flag.reasonRequired" />
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>
          <FormattedMessage id="threads.flag.note" />
        </label>
        <textarea id={`${id}-note`} rows={3} maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      <div className="post__form-actions">
        <button type="submit" className="button" disabled={fetching}>
          <FormattedMessage id="threads.flag.submit" />
        </button>
        <button type="button" className="button button--quiet" onClick={props.onClose}>
          <FormattedMessage id="threads.cancel" />
        </button>
      </div>
    </form>
  );
}
