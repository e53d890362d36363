import { FormattedMessage } from 'react-intl';

/** What a panel's last action came to: a message id, said politely, or as an alert when it failed. */
export interface PanelNotice {
  id: string;
  alert: boolean;
}

/** The panel's status line (always present, so it is announced when it fills) and its alert. */
export function PanelMessage({ message, alertId }: { message: PanelNotice | null; alertId?: string }) {
  return (
    <>
      <div role="status" className="exchange-message">
        {message && !message.alert ? <FormattedMessage id={message.id} /> : null}
      </div>
      {message?.alert ? (
        <p className="form__alert" role="alert" id={alertId}>
          <FormattedMessage id={message.id} />
        </p>
      ) : null}
    </>
  );
}
