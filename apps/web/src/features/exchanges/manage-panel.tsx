import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { TextAreaField, TextField } from '../../ui/field';
import { Confirm } from './confirm';
import {
  CancelExchangeMutation,
  CloseFeedbackMutation,
  CloseRegistrationsMutation,
  CompleteExchangeMutation,
  OpenRegistrationsMutation,
  SetCapacityMutation,
} from './exchange.mutations';
import { ExchangeRegistrationsQuery } from './exchange.queries';
import { outcomeOf, type ResultLike } from './outcome';
import { failureMessage } from './registration-panel';
import type { ViewerExchange } from './viewer-exchange';
import { PanelMessage, type PanelNotice } from './panel-message';

const REGISTRATION_STATUSES = {
  REGISTERED: 'exchanges.registration.REGISTERED',
  WAITLISTED: 'exchanges.registration.WAITLISTED',
  CANCELLED: 'exchanges.registration.CANCELLED',
  ATTENDED: 'exchanges.registration.ATTENDED',
  NO_SHOW: 'exchanges.registration.NO_SHOW',
} as const;

/**
 * For those who run the exchange (viewerCanManage): edit, open and close registrations, change the
 * capacity, cancel with a reason (asked twice), complete it and close feedback, and everyone's
 * registrations in arrival order, read again whenever the seats move.
 */
export function ManagePanel({ exchange, tick }: { exchange: ViewerExchange; tick: number }) {
  const intl = useIntl();
  const [message, setMessage] = useState<PanelNotice | null>(null);
  const [capacity, setCapacity] = useState(String(exchange.capacity));
  const [reason, setReason] = useState('');
  const [{ fetching: opening }, open] = useMutation(OpenRegistrationsMutation);
  const [{ fetching: closing }, close] = useMutation(CloseRegistrationsMutation);
  const [{ fetching: completing }, complete] = useMutation(CompleteExchangeMutation);
  const [{ fetching: closingFeedback }, closeFeedback] = useMutation(CloseFeedbackMutation);
  const [{ fetching: sizing }, setExchangeCapacity] = useMutation(SetCapacityMutation);
  const [{ fetching: cancelling }, cancelExchange] = useMutation(CancelExchangeMutation);
  const [{ data: registrations }, refetch] = useQuery({ query: ExchangeRegistrationsQuery, variables: { id: exchange.id }, requestPolicy: 'cache-and-network' });
  useEffect(() => {
    if (tick > 0) refetch({ requestPolicy: 'network-only' });
  }, [tick, refetch]);

  const run = async (done: string, action: () => Promise<ResultLike>) => {
    setMessage(null);
    const result = await action();
    const failure = failureMessage(outcomeOf(result, result.data?.result));
    setMessage(failure ? { id: failure, alert: true } : { id: done, alert: false });
    if (!failure) refetch({ requestPolicy: 'network-only' });
    return !failure;
  };
  const input = { exchangeId: exchange.id };
  const now = Date.now();
  const ended = new Date(exchange.endsAt).getTime() <= now;
  const live = exchange.status === 'DRAFT' || exchange.status === 'OPEN' || exchange.status === 'CLOSED';
  const feedbackOpen = exchange.status === 'COMPLETED' && exchange.feedbackClosesAt !== null && new Date(exchange.feedbackClosesAt).getTime() > now;
  const list = registrations?.node?.__typename === 'PeerExchange' ? registrations.node.registrations : null;

  return (
    <section className="exchange-panel exchange-manage" aria-labelledby="exchange-manage">
      <h2 id="exchange-manage">
        <FormattedMessage id="exchanges.manage.heading" />
      </h2>
      <PanelMessage message={message} />
      <div className="exchange-actions">
        {live ? (
          <Link className="button button--quiet" to={`/peer-exchanges/${encodeURIComponent(exchange.id)}/edit`}>
            <FormattedMessage id="exchanges.manage.edit" />
          </Link>
        ) : null}
        {exchange.status === 'DRAFT' ? (
          <button type="button" className="button" disabled={opening} onClick={() => void run('exchanges.manage.opened', () => open({ input }))}>
            <FormattedMessage id="exchanges.manage.open" />
          </button>
        ) : null}
        {exchange.status === 'OPEN' ? (
          <button type="button" className="button" disabled={closing} onClick={() => void run('exchanges.manage.closed', () => close({ input }))}>
            <FormattedMessage id="exchanges.manage.close" />
          </button>
        ) : null}
        {(exchange.status === 'OPEN' || exchange.status === 'CLOSED') && ended ? (
          <button type="button" className="button" disabled={completing} onClick={() => void run('exchanges.manage.completed', () => complete({ input }))}>
            <FormattedMessage id="exchanges.manage.complete" />
          </button>
        ) : null}
        {feedbackOpen ? (
          <button
            type="button"
            className="button button--quiet"
            disabled={closingFeedback}
            onClick={() => void run('exchanges.manage.feedbackClosed', () => closeFeedback({ input }))}
          >
            <FormattedMessage id="exchanges.manage.closeFeedback" />
          </button>
        ) : null}
      </div>
      {live ? (
        <form
          className="exchange-capacity"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const value = Number(capacity);
            if (!/^\d+$/.test(capacity.trim())) return setMessage({ id: 'exchanges.plan.error.capacity', alert: true });
            void run('exchanges.manage.capacitySet', () => setExchangeCapacity({ input: { ...input, capacity: value } }));
          }}
        >
          <TextField
            id="manage-capacity"
            inputMode="numeric"
            label={<FormattedMessage id="exchanges.manage.capacity" />}
            hint={<FormattedMessage id="exchanges.manage.capacity.hint" />}
            value={capacity}
            onChange={(event) => setCapacity(event.target.value)}
          />
          <button type="submit" className="button button--quiet" disabled={sizing}>
            <FormattedMessage id="exchanges.manage.capacity.submit" />
          </button>
        </form>
      ) : null}
      {live && new Date(exchange.startsAt).getTime() > now ? (
        <Confirm
          label="exchanges.manage.cancel"
          question="exchanges.manage.cancel.question"
          confirm="exchanges.manage.cancel.confirm"
          busy={cancelling}
          disabled={cancelling}
          onConfirm={() =>
            reason.trim().length < 3
              ? (setMessage({ id: 'exchanges.manage.cancel.reasonShort', alert: true }), false)
              : run('exchanges.manage.cancelled', () => cancelExchange({ input: { ...input, reason: reason.trim() } }))
          }
        >
          <TextAreaField
            id="manage-cancel-reason"
            rows={3}
            maxLength={1000}
            label={<FormattedMessage id="exchanges.manage.cancel.reason" />}
            hint={<FormattedMessage id="exchanges.manage.cancel.reason.hint" />}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </Confirm>
      ) : null}
      {list ? (
        <div className="exchange-table-wrap">
          <table className="exchange-table">
            <caption>
              <FormattedMessage id="exchanges.manage.registrations" values={{ count: list.totalCount }} />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="exchanges.manage.person" />
                </th>
                <th scope="col">
                  <FormattedMessage id="exchanges.manage.status" />
                </th>
                <th scope="col">
                  <FormattedMessage id="exchanges.manage.wants" />
                </th>
              </tr>
            </thead>
            <tbody>
              {list.nodes.map((registration) => (
                <tr key={registration.id}>
                  <th scope="row">
                    {registration.user ? (
                      <Link to={`/u/${registration.user.handle}`}>{registration.user.displayName}</Link>
                    ) : (
                      intl.formatMessage({ id: 'exchanges.removedAccount' })
                    )}
                  </th>
                  <td>
                    {registration.status === 'WAITLISTED' && registration.position !== null ? (
                      <FormattedMessage id="exchanges.registration.waitlistedAt" values={{ position: registration.position }} />
                    ) : (
                      <FormattedMessage id={REGISTRATION_STATUSES[registration.status]} />
                    )}
                  </td>
                  <td>{registration.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
