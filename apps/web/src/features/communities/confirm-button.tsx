import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

interface ConfirmButtonProps {
  /** The first button's text. */
  label: ReactNode;
  /** What will happen, said before the second button. */
  question: ReactNode;
  /** The second button's text, which does it. */
  confirm: ReactNode;
  onConfirm: () => Promise<void> | void;
  busy?: boolean;
  id: string;
}

/**
 * A destructive action in two steps: the first button asks, the question and the confirming
 * button appear (and take the focus), Cancel returns the focus to the first button.
 */
export function ConfirmButton({ label, question, confirm, onConfirm, busy, id }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      openRef.current?.focus();
    }
  }, [asking]);
  if (!asking) {
    return (
      <button ref={openRef} type="button" className="button button--quiet" onClick={() => setAsking(true)} aria-controls={id} aria-expanded="false">
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" id={id} role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`}>{question}</p>
      <div className="confirm__buttons">
        <button
          ref={confirmRef}
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={() => {
            void Promise.resolve(onConfirm()).finally(() => setAsking(false));
          }}
        >
          {confirm}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            returnFocus.current = true;
            setAsking(false);
          }}
        >
          <FormattedMessage id="communities.confirm.cancel" />
        </button>
      </div>
    </div>
  );
}
