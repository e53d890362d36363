import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { RecordAttendanceMutation } from './exchange.mutations';
import { ExchangeRegistrationsQuery } from './exchange.queries';
import { outcomeOf } from './outcome';
import { failureMessage } from './registration-panel';
import type { ViewerExchange } from './viewer-exchange';
import { PanelMessage, type PanelNotice } from './panel-message';

type Mark = 'ATTENDED' | 'NO_SHOW';
const MARKS: readonly Mark[] = ['ATTENDED', 'NO_SHOW'];
const MARK_LABELS: Record<Mark, string> = { ATTENDED: 'exchanges.attendance.ATTENDED', NO_SHOW: 'exchanges.attendance.NO_SHOW' };

/**
 * Once the exchange has started, those who run it mark each person holding a seat as attended or
 * not: a table with one radio group a row (arrow keys move within a row, Tab between rows).
 */
export function AttendancePanel({ exchange }: { exchange: ViewerExchange }) {
  const intl = useIntl();
  const [{ data }] = useQuery({ query: ExchangeRegistrationsQuery, variables: { id: exchange.id } });
  const [{ fetching }, record] = useMutation(RecordAttendanceMutation);
  const [marks, setMarks] = useState<Record<string, Mark>>({});
  const [message, setMessage] = useState<PanelNotice | null>(null);
  const seats = (data?.node?.__typename === 'PeerExchange' ? data.node.registrations.nodes : []).filter(
    (registration) => registration.status === 'REGISTERED' || registration.status === 'ATTENDED' || registration.status === 'NO_SHOW',
  );
  const markOf = (registration: (typeof seats)[number]): Mark | undefined =>
    marks[registration.id] ?? (registration.status === 'REGISTERED' ? undefined : registration.status);

  const submit = async () => {
    setMessage(null);
    const entries = seats.flatMap((registration) => {
      const status = markOf(registration);
      return status ? [{ registrationId: registration.id, status }] : [];
    });
    if (entries.length === 0) return setMessage({ id: 'exchanges.attendance.none', alert: true });
    const result = await record({ input: { exchangeId: exchange.id, entries } });
    const failure = failureMessage(outcomeOf(result, result.data?.result));
    setMessage(failure ? { id: failure, alert: true } : { id: 'exchanges.attendance.saved', alert: false });
    if (!failure) setMarks({});
  };

  return (
    <section className="exchange-panel" aria-labelledby="exchange-attendance">
      <h2 id="exchange-attendance">
        <FormattedMessage id="exchanges.attendance.heading" />
      </h2>
      {seats.length === 0 ? (
        <p>
          <FormattedMessage id="exchanges.attendance.empty" />
        </p>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <div className="exchange-table-wrap">
            <table className="exchange-table">
              <caption>
                <FormattedMessage id="exchanges.attendance.caption" />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="exchanges.manage.person" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="exchanges.attendance.mark" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {seats.map((registration) => {
                  const name = registration.user?.displayName ?? intl.formatMessage({ id: 'exchanges.removedAccount' });
                  const rowId = `attendance-${registration.id}`;
                  return (
                    <tr key={registration.id}>
                      <th scope="row" id={rowId}>
                        {name}
                      </th>
                      <td>
                        <div role="radiogroup" aria-labelledby={rowId} className="exchange-marks">
                          {MARKS.map((mark) => (
                            <label key={mark} className="exchange-choice">
                              <input
                                type="radio"
                                name={rowId}
                                value={mark}
                                checked={markOf(registration) === mark}
                                onChange={() => setMarks((current) => ({ ...current, [registration.id]: mark }))}
                              />
                              <FormattedMessage id={MARK_LABELS[mark]} />
                            </label>
                          ))}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <PanelMessage message={message} />
          <button type="submit" className="button" disabled={fetching}>
            <FormattedMessage id="exchanges.attendance.submit" />
          </button>
        </form>
      )}
    </section>
  );
}
