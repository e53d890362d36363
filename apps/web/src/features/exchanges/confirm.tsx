import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

/**
 * A destructive action asked twice: the first button shows the question with "yes" (focused) and
 * "no"; `children` may add what the action needs (a reason) between them.
 */
export function Confirm(props: {
  label: string;
  question: string;
  confirm: string;
  busy?: boolean;
  disabled?: boolean;
  onConfirm: () => Promise<boolean> | boolean;
  children?: ReactNode;
}) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const focusedOnce = useRef(false);
  useEffect(() => {
    if (asking && !props.children) yes.current?.focus();
    if (!asking && focusedOnce.current) opener.current?.focus();
    focusedOnce.current = true;
  }, [asking, props.children]);
  if (!asking) {
    return (
      <button ref={opener} type="button" className="button button--quiet" onClick={() => setAsking(true)} disabled={props.disabled}>
        <FormattedMessage id={props.label} />
      </button>
    );
  }
  return (
    <div className="exchange-confirm" role="group" aria-labelledby={`${props.label}-question`}>
      <p id={`${props.label}-question`}>
        <strong>
          <FormattedMessage id={props.question} />
        </strong>
      </p>
      {props.children}
      <div className="exchange-actions">
        <button
          ref={yes}
          type="button"
          className="button button--danger"
          disabled={props.busy}
          onClick={() => {
            void Promise.resolve(props.onConfirm()).then((done) => {
              if (done) setAsking(false);
            });
          }}
        >
          <FormattedMessage id={props.confirm} />
        </button>
        <button type="button" className="button button--quiet" onClick={() => setAsking(false)}>
          <FormattedMessage id="exchanges.confirm.no" />
        </button>
      </div>
    </div>
  );
}
