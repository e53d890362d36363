import { FormattedMessage, FormattedTime } from 'react-intl';
import type { AutosaveStatus } from './autosave';

function StatusText({ status }: { status: AutosaveStatus }) {
  switch (status.kind) {
    case 'idle':
    case 'saved':
      return status.at ? (
        <FormattedMessage id="practice-editor.save.savedAt" values={{ time: <FormattedTime value={status.at} hour="2-digit" minute="2-digit" hourCycle="h23" /> }} />
      ) : null;
    case 'pending':
      return <FormattedMessage id="practice-editor.save.pending" />;
    case 'saving':
      return <FormattedMessage id="practice-editor.save.saving" />;
    case 'refused':
      return <FormattedMessage id="practice-editor.save.refused" />;
    case 'failed':
      return <FormattedMessage id="practice-editor.save.failed" />;
    case 'conflict':
      return <FormattedMessage id="practice-editor.save.conflict" />;
  }
}

/**
 * Where the autosave says how it went, politely announced; a failed save offers to try again,
 * and a conflict to load the latest version with or without the reader's changes.
 */
export function SaveStatus(props: { status: AutosaveStatus; onRetry: () => void; onReload: (keepMine: boolean) => void }) {
  const { status } = props;
  return (
    <div className={`save-status save-status--${status.kind}`}>
      <p role="status" aria-live="polite" className="save-status__text">
        <StatusText status={status} />
      </p>
      {status.kind === 'failed' ? (
        <button type="button" className="button button--quiet" onClick={props.onRetry}>
          <FormattedMessage id="practice-editor.save.retry" />
        </button>
      ) : null}
      {status.kind === 'conflict' ? (
        <div className="save-status__actions">
          <button type="button" className="button" onClick={() => props.onReload(true)}>
            <FormattedMessage id="practice-editor.save.reloadKeep" />
          </button>
          <button type="button" className="button button--quiet" onClick={() => props.onReload(false)}>
            <FormattedMessage id="practice-editor.save.reloadDiscard" />
          </button>
        </div>
      ) : null}
    </div>
  );
}
