import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { AttendancePanel } from './attendance-panel';
import { ExchangeRegistrationsQuery, ExchangeViewerQuery } from './exchange.queries';
import { FeedbackForm } from './feedback-form';
import { ManagePanel } from './manage-panel';
import { OutcomesForm } from './outcomes-form';
import { RegistrationPanel } from './registration-panel';

interface Person {
  id: string;
  displayName: string;
}

/**
 * The signed-in viewer's part of the exchange page, read once the browser knows the session:
 * their registration, and for those who run it the controls, attendance and outcomes; feedback
 * for those who attended. Each shown only as the API's viewerCan* fields allow.
 */
export function ViewerPanel(props: { id: string; tick: number; hosts: readonly Person[]; practices: readonly { id: string; title: string }[] }) {
  const [{ data }] = useQuery({ query: ExchangeViewerQuery, variables: { id: props.id }, requestPolicy: 'cache-and-network' });
  const exchange = data?.node?.__typename === 'PeerExchange' ? data.node : null;
  const manages = exchange?.viewerCanManage ?? false;
  const [{ data: registrations }] = useQuery({ query: ExchangeRegistrationsQuery, variables: { id: props.id }, pause: !manages });
  if (!exchange) return null;
  const now = Date.now();
  const started = new Date(exchange.startsAt).getTime() <= now && exchange.status !== 'DRAFT' && exchange.status !== 'CANCELLED';
  const ended = started && new Date(exchange.endsAt).getTime() <= now;
  const attendees = registrations?.node?.__typename === 'PeerExchange' ? registrations.node.registrations.nodes : [];
  const people = new Map<string, Person>(props.hosts.map((host) => [host.id, host]));
  for (const registration of attendees) {
    if (registration.user && (registration.status === 'ATTENDED' || registration.status === 'REGISTERED')) people.set(registration.user.id, registration.user);
  }
  return (
    <>
      {exchange.venue || exchange.onlineUrl ? (
        <dl className="facts exchange-place">
          {exchange.venue ? (
            <>
              <dt>
                <FormattedMessage id="exchanges.place.venue" />
              </dt>
              <dd>{exchange.venue}</dd>
            </>
          ) : null}
          {exchange.onlineUrl ? (
            <>
              <dt>
                <FormattedMessage id="exchanges.place.online" />
              </dt>
              <dd>
                <a href={exchange.onlineUrl} rel="noopener noreferrer">
                  {exchange.onlineUrl}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <RegistrationPanel exchange={exchange} />
      {exchange.viewerCanGiveFeedback ? <FeedbackForm exchange={exchange} /> : null}
      {manages ? <ManagePanel exchange={exchange} tick={props.tick} /> : null}
      {manages && started ? <AttendancePanel exchange={exchange} /> : null}
      {manages && ended ? <OutcomesForm exchange={exchange} practices={props.practices} people={[...people.values()]} /> : null}
    </>
  );
}
