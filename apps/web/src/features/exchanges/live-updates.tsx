import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useSubscription } from 'urql';
import { ExchangeUpdatedSubscription } from './exchange.queries';
import { STATUSES } from './labels';

type Change = 'DETAILS' | 'SEATS' | 'STATUS';
interface Seat {
  status: string;
  position: number | null;
}

/**
 * Changes to the exchange over graphql-ws while the page is open: Graphcache writes each one into
 * the exchange, so seats, the waitlist and the viewer's place move on the page; a polite live
 * region says what changed.
 */
export function LiveExchange({ id, seat, onChange }: { id: string; seat: Seat | null; onChange?: (change: Change) => void }) {
  const intl = useIntl();
  // Subscribes in the browser only, after hydration: the server renders what was there.
  const [live, setLive] = useState(false);
  useEffect(() => setLive(true), []);
  const [announcement, setAnnouncement] = useState('');
  const [personal, setPersonal] = useState('');
  // The viewer's own place, announced when it moves (a promotion, a new waitlist position), whatever brought the change.
  const before = useRef(seat);
  const status = seat?.status ?? null;
  const position = seat?.position ?? null;
  useEffect(() => {
    const was = before.current;
    before.current = status === null ? null : { status, position };
    if (was?.status !== 'WAITLISTED') return;
    if (status === 'REGISTERED') setPersonal(intl.formatMessage({ id: 'exchanges.live.promoted' }));
    else if (status === 'WAITLISTED' && position !== null && position !== was.position) {
      setPersonal(intl.formatMessage({ id: 'exchanges.live.position' }, { position }));
    }
  }, [status, position, intl]);
  useSubscription({ query: ExchangeUpdatedSubscription, variables: { id }, pause: !live }, (_previous, data) => {
    const { change, peerExchange: exchange } = data.peerExchangeUpdated;
    const parts: string[] = [];
    if (change === 'STATUS') parts.push(intl.formatMessage({ id: 'exchanges.live.status' }, { status: intl.formatMessage({ id: STATUSES[exchange.status] }) }));
    if (change === 'DETAILS') parts.push(intl.formatMessage({ id: 'exchanges.live.details' }));
    if (change === 'SEATS') {
      parts.push(intl.formatMessage({ id: 'exchanges.live.seats' }, { left: exchange.seatsLeft, waiting: exchange.waitlistedCount }));
    }
    setAnnouncement(parts.join(' '));
    onChange?.(change);
    return data;
  });
  return (
    <>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-live={live ? 'on' : 'off'}>
        {announcement}
      </p>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-personal">
        {personal}
      </p>
    </>
  );
}
