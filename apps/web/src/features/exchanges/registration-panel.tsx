import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { TextAreaField } from '../../ui/field';
import { USER_ERROR_MESSAGES } from '../../ui/form-errors';
import { Confirm } from './confirm';
import { CancelRegistrationMutation, RegisterForExchangeMutation } from './exchange.mutations';
import { outcomeOf, type MutationOutcome } from './outcome';
import type { ViewerExchange } from './viewer-exchange';
import { PanelMessage, type PanelNotice } from './panel-message';

/** Failure of a mutation as a message id, or null when it went through. */
export function failureMessage(outcome: MutationOutcome): string | null {
  switch (outcome.kind) {
    case 'done':
      return null;
    case 'forbidden':
      return 'exchanges.error.forbidden';
    case 'network':
      return 'exchanges.error.network';
    case 'userErrors':
      return USER_ERROR_MESSAGES[outcome.errors[0]?.code ?? 'INVALID'];
  }
}

/**
 * The practitioner's side: their seat or waitlist place (moving live), registering with what they
 * want to learn, and cancelling (asked twice). Offered only as the API allows it now.
 */
export function RegistrationPanel({ exchange }: { exchange: ViewerExchange }) {
  const intl = useIntl();
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<PanelNotice | null>(null);
  const [{ fetching: registering }, register] = useMutation(RegisterForExchangeMutation);
  const [{ fetching: cancelling }, cancel] = useMutation(CancelRegistrationMutation);
  const mine = exchange.viewerRegistration;
  const active = mine?.status === 'REGISTERED' || mine?.status === 'WAITLISTED';
  const full = exchange.seatsLeft === 0 || exchange.waitlistedCount > 0;

  const submit = async () => {
    setMessage(null);
    const result = await register({ input: { exchangeId: exchange.id, ...(note.trim() ? { note: note.trim() } : {}) } });
    const failure = failureMessage(outcomeOf(result, result.data?.result));
    if (failure) return setMessage({ id: failure, alert: true });
    setNote('');
    const status = result.data?.result?.peerExchange?.viewerRegistration?.status;
    setMessage({ id: status === 'WAITLISTED' ? 'exchanges.register.doneWaitlisted' : 'exchanges.register.done', alert: false });
  };
  const withdraw = async () => {
    setMessage(null);
    const result = await cancel({ input: { exchangeId: exchange.id } });
    const failure = failureMessage(outcomeOf(result, result.data?.result));
    setMessage(failure ? { id: failure, alert: true } : { id: 'exchanges.register.cancelled', alert: false });
    return !failure;
  };

  if (!active && !exchange.viewerCanRegister && !message) return null;
  return (
    <section className="exchange-panel" aria-labelledby="exchange-registration">
      <h2 id="exchange-registration">
        <FormattedMessage id="exchanges.register.heading" />
      </h2>
      <PanelMessage message={message} />
      {active ? (
        <>
          <p className="exchange-seat" data-testid="my-seat">
            {mine.status === 'REGISTERED' ? (
              <FormattedMessage id="exchanges.register.seat" />
            ) : (
              <FormattedMessage id="exchanges.register.position" values={{ position: mine.position ?? 0 }} />
            )}
          </p>
          {mine.note ? (
            <p className="meta">
              <FormattedMessage id="exchanges.register.yourNote" values={{ note: mine.note }} />
            </p>
          ) : null}
          <Confirm
            label={mine.status === 'REGISTERED' ? 'exchanges.register.cancel' : 'exchanges.register.leaveWaitlist'}
            question="exchanges.register.cancel.question"
            confirm="exchanges.register.cancel.confirm"
            busy={cancelling}
            onConfirm={withdraw}
          />
        </>
      ) : exchange.viewerCanRegister ? (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <p>
            {full ? <FormattedMessage id="exchanges.register.full" /> : <FormattedMessage id="exchanges.register.open" values={{ left: exchange.seatsLeft }} />}
          </p>
          <TextAreaField
            id="register-note"
            rows={3}
            maxLength={1000}
            label={<FormattedMessage id="exchanges.register.note" />}
            hint={<FormattedMessage id="exchanges.register.note.hint" />}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <button type="submit" className="button" disabled={registering}>
            {intl.formatMessage({ id: full ? 'exchanges.register.joinWaitlist' : 'exchanges.register.submit' })}
          </button>
        </form>
      ) : null}
    </section>
  );
}
