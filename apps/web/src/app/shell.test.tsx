import { Client, fetchExchange } from '@urql/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormattedDate, FormattedMessage } from 'react-intl';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppProviders } from './app';
import { loadMessages, type Lang } from './i18n';
import { createSessionHolder } from './session';
import { Shell } from './shell';

function Page() {
  return (
    <>
      <h1>
        <FormattedMessage id="home.questions.replies" values={{ count: 2 }} />
      </h1>
      <p data-testid="date">
        {/* 23:30 UTC on 31 December is already New Year's Day in Rome. */}
        <FormattedDate value="2026-12-31T23:30:00Z" year="numeric" month="long" day="numeric" hour="2-digit" minute="2-digit" />
      </p>
    </>
  );
}

async function renderShell(lang: Lang) {
  const router = createMemoryRouter([{ path: '/', element: <Shell />, children: [{ index: true, element: <Page /> }] }]);
  const client = new Client({ url: 'http://localhost/graphql', exchanges: [fetchExchange] });
  render(
    <AppProviders client={client} session={createSessionHolder()} lang={lang} messages={await loadMessages(lang)}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

describe('the shell', () => {
  it('has a skip link to the main landmark, a header with navigation, and a footer', async () => {
    await renderShell('it');
    const skip = screen.getByRole('link', { name: 'Vai al contenuto' });
    expect(skip).toHaveAttribute('href', '#main');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    const nav = screen.getByRole('navigation', { name: 'Menu principale' });
    expect(within(nav).getByRole('link', { name: 'Pratiche' })).toHaveAttribute('href', '/practices');
    expect(screen.getByRole('banner')).toContainElement(nav);
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
  });

  it('speaks Italian by default, with plural rules and dates in Europe/Rome', async () => {
    await renderShell('it');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('2 risposte');
    expect(screen.getByTestId('date')).toHaveTextContent(/1 gennaio 2027.*00:30/);
  });

  it('switches to English in place and remembers the choice in the lang cookie', async () => {
    await renderShell('it');
    const user = userEvent.setup();
    const link = screen.getByRole('link', { name: 'Read in English' });
    // Without JavaScript the same link asks the server to set the cookie.
    expect(link).toHaveAttribute('href', '/lang/en?next=%2F');
    await user.click(link);
    expect(await screen.findByRole('link', { name: 'Skip to content' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('2 replies');
    expect(screen.getByTestId('date')).toHaveTextContent(/January 1, 2027/);
    expect(document.cookie).toContain('lang=en');
    expect(document.documentElement.lang).toBe('en');
    await user.click(screen.getByRole('link', { name: 'Leggi in italiano' }));
    expect(await screen.findByRole('link', { name: 'Vai al contenuto' })).toBeInTheDocument();
  });
});
