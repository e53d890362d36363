import { act, render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { Provider, type Client } from 'urql';
import { describe, expect, it } from 'vitest';
import { makeSubject } from 'wonka';
import { loadMessages } from '../../app/i18n';
import { LiveExchange } from './live-updates';

type Seat = { status: string; position: number | null } | null;

async function renderLive() {
  const events = makeSubject<unknown>();
  const client = { executeSubscription: () => events.source } as unknown as Client;
  const messages = await loadMessages('en');
  const ui = (seat: Seat) => (
    <Provider value={client}>
      <IntlProvider locale="en" timeZone="Europe/Rome" messages={messages}>
        <LiveExchange id="exchange" seat={seat} />
      </IntlProvider>
    </Provider>
  );
  return { ui, events, ...render(ui(null)) };
}

describe('the exchange page’s live regions', () => {
  it('say what changed for everyone, and the viewer’s own move apart', async () => {
    const { ui, events, rerender } = await renderLive();
    rerender(ui({ status: 'WAITLISTED', position: 2 }));
    const personal = screen.getByTestId('live-personal');
    expect(personal).toHaveAttribute('aria-live', 'polite');
    expect(personal).toBeEmptyDOMElement();

    act(() =>
      events.next({
        data: {
          peerExchangeUpdated: { change: 'SEATS', peerExchange: { status: 'OPEN', seatsLeft: 0, waitlistedCount: 1, viewerRegistration: null } },
        },
      }),
    );
    expect(document.querySelector('[data-live="on"]')).toHaveTextContent('No seats left, one person waiting.');

    rerender(ui({ status: 'WAITLISTED', position: 1 }));
    expect(personal).toHaveTextContent('You are now number 1 on the waitlist.');
    rerender(ui({ status: 'REGISTERED', position: null }));
    expect(personal).toHaveTextContent('A seat freed up: it is yours now.');
  });

  it('announce nothing personal when the viewer registers or cancels themselves', async () => {
    const { ui, rerender } = await renderLive();
    rerender(ui({ status: 'REGISTERED', position: null }));
    rerender(ui({ status: 'CANCELLED', position: null }));
    expect(screen.getByTestId('live-personal')).toBeEmptyDOMElement();
  });
});
