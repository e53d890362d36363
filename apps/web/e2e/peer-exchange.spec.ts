import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, expectNoAxeViolations, expectNoMessageIds, hydrated, screenshot, signedIn, startWebE2E, unexpected, type WebE2E } from './support/web-e2e';

// Demo people: Chiara coordinates "Anziani e comunità"; Davide, Giulia and Anna are practitioners there.
const CHIARA = 'chiara.colombo@bottega.example';
const DAVIDE = 'davide.russo@bottega.example';
const GIULIA = 'giulia.marchetti@bottega.example';
const ANNA = 'anna.ricci@bottega.example';
const TITLE = `Laboratorio sui custodi di quartiere ${Date.now()}`;

jest.setTimeout(240_000);

let web: WebE2E;
let exchangePath = '';

beforeAll(async () => {
  web = await startWebE2E();
}, 120_000);

afterAll(() => web?.close());

/** A wall-clock time in Rome, `days` from today, as a datetime-local input takes it. */
function romeLocal(days: number, hour: number): string {
  const day = new Date(Date.now() + days * 24 * 3600 * 1000);
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(day);
  return `${date}T${String(hour).padStart(2, '0')}:00`;
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const focusedText = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
const focusVisible = (page: Page) => page.evaluate(() => document.activeElement?.matches(':focus-visible') ?? false);

/** Presses Tab until `reached` says so (at most 60 times). */
async function tabUntil(page: Page, reached: () => Promise<boolean>): Promise<void> {
  for (let step = 0; step < 60; step++) {
    if (await reached()) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the control');
}

const seats = (page: Page) => page.getByTestId('seats');

describe('a peer exchange, planned, filled live, held and learned from', () => {
  it('is planned by a coordinator, refused to a practitioner', async () => {
    const { page: refused, errors: refusedErrors } = await web.newPage({ viewport: 'phone' });
    await signedIn(refused, ANNA, '/peer-exchanges/new');
    await refused.getByLabel('Titolo').fill('Un laboratorio che non posso organizzare');
    await refused.getByLabel('Comunità che lo ospita').selectOption({ label: 'Anziani e comunità' });
    await refused.getByLabel('Cerca un territorio').fill('Milano');
    await refused.getByRole('button', { name: 'Aggiungi Milano (provincia)' }).click();
    await refused.getByLabel('Inizio').fill(romeLocal(30, 9));
    await refused.getByLabel('Fine').fill(romeLocal(30, 13));
    await refused.getByLabel('Iscrizioni fino al').fill(romeLocal(25, 18));
    await refused.getByRole('button', { name: 'Crea la bozza' }).click();
    await expect(refused.getByRole('alert').textContent()).resolves.toMatch(/^Non puoi organizzare uno scambio qui/);
    await expectNoAxeViolations(refused);
    await expectNoMessageIds(refused);
    expect(unexpected(refusedErrors).filter((error) => !/status of 403|FORBIDDEN/.test(error))).toEqual([]);
    await refused.context().close();

    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    await signedIn(page, CHIARA, '/peer-exchanges/new');
    await page.getByLabel('Titolo').waitFor();
    await page.getByLabel('Formato').selectOption({ label: 'Laboratorio' });
    await page.getByLabel('Titolo').fill(TITLE);
    await page.getByLabel('Comunità che lo ospita').selectOption({ label: 'Anziani e comunità (la coordini)' });
    await page.getByLabel('Cerca un territorio').fill('Milano');
    await page.getByRole('button', { name: 'Aggiungi Milano (provincia)' }).click();
    // The form checks the schedule before the API does: the end before the start is refused next to it.
    await page.getByLabel('Inizio').fill(romeLocal(30, 9));
    await page.getByLabel('Fine').fill(romeLocal(29, 13));
    await page.getByLabel('Iscrizioni fino al').fill(romeLocal(25, 18));
    await page.getByLabel('Posti').fill('1');
    await page.getByRole('button', { name: 'Crea la bozza' }).click();
    await expect(page.locator('#plan-ends-error').textContent()).resolves.toBe('La fine viene dopo l’inizio.');
    await expectNoAxeViolations(page);
    await expectNoMessageIds(page);
    await screenshot(page, 'exchange-plan-desktop');

    await page.getByLabel('Fine').fill(romeLocal(30, 13));
    await page.getByLabel('Luogo').fill('Portineria sociale, via Val di Ledro 23, Milano');
    await page.getByLabel('Descrizione e programma').fill('Una mattina con i **custodi di quartiere**: come si formano, come incontrano gli anziani soli.');
    await page.getByRole('button', { name: 'Crea la bozza' }).click();
    await page.waitForURL((url) => /^\/peer-exchanges\/[^/]+$/.test(url.pathname) && url.pathname !== '/peer-exchanges/new');
    exchangePath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expect(page.locator('article.prose > p.meta').first().textContent()).resolves.toContain('In preparazione');

    // A draft is for those who run it: anonymous readers get a 404, its coordinator sees it after a reload.
    const anonymous = await web.newPage();
    await expect(anonymous.page.goto(exchangePath).then((response) => response?.status())).resolves.toBe(404);
    await anonymous.context.close();
    await page.reload();
    await hydrated(page);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // Edited with the same form: the place changes.
    await page.getByRole('link', { name: 'Modifica' }).click();
    await page.getByRole('heading', { level: 1, name: 'Modifica lo scambio' }).waitFor();
    await expect(page.getByLabel('Titolo').inputValue()).resolves.toBe(TITLE);
    await expect(page.getByLabel('Inizio').inputValue()).resolves.toBe(romeLocal(30, 9));
    await expectNoAxeViolations(page);
    await page.getByLabel('Luogo').fill('Portineria sociale, via Val di Ledro 25, Milano');
    await page.getByRole('button', { name: 'Salva le modifiche' }).click();
    await page.waitForURL((url) => url.pathname === exchangePath);

    // Its runner opens registrations from the page.
    const manage = page.getByRole('region', { name: 'Organizzazione' });
    await manage.getByRole('button', { name: 'Apri le iscrizioni' }).click();
    await manage.getByRole('status').filter({ hasText: 'Iscrizioni aperte.' }).waitFor();
    await expect(page.locator('article.prose > p.meta').first().textContent()).resolves.toContain('Iscrizioni aperte');
    await expect(seats(page).textContent()).resolves.toBe('un posto, nessun iscritto, uno libero');
    await expectNoAxeViolations(page);
    await expectNoMessageIds(page);
    // The draft's reload was answered 404 by the anonymous server render, as for anyone.
    expect(unexpected(errors).filter((error) => !/status of 404/.test(error))).toEqual([]);
    await page.context().close();
  });

  it('fills live: a seat taken by keyboard, the waitlist, a cancellation that promotes', async () => {
    expect(exchangePath).not.toBe('');
    const coordinator = await web.newPage({ viewport: 'desktop' });
    await signedIn(coordinator.page, CHIARA, exchangePath);
    const manage = coordinator.page.getByRole('region', { name: 'Organizzazione' });
    await manage.getByRole('table').waitFor();
    await coordinator.page.locator('[data-live="on"]').waitFor({ state: 'attached' });

    // Davide registers on his phone with the keyboard alone, saying what he wants to learn.
    const davide = await web.newPage({ viewport: 'phone' });
    await signedIn(davide.page, DAVIDE, exchangePath);
    await davide.page.getByLabel('Che cosa vuoi imparare? (facoltativo)').waitFor();
    await tabUntil(davide.page, async () => (await focusedId(davide.page)) === 'register-note');
    expect(await focusVisible(davide.page)).toBe(true);
    await davide.page.keyboard.type('Come si selezionano i custodi.');
    await tabUntil(davide.page, async () => (await focusedText(davide.page)) === 'Iscriviti');
    expect(await focusVisible(davide.page)).toBe(true);
    await davide.page.keyboard.press('Enter');
    await davide.page.getByTestId('my-seat').filter({ hasText: 'Hai un posto.' }).waitFor();
    await expect(davide.page.getByText('Vuoi imparare: Come si selezionano i custodi.').count()).resolves.toBe(1);
    // Holding a seat, he is shown where it takes place; Giulia, waiting, will not be until she has one.
    await davide.page.getByText('Portineria sociale, via Val di Ledro 25, Milano').waitFor();
    await expectNoAxeViolations(davide.page);
    await expectNoMessageIds(davide.page);
    await screenshot(davide.page, 'exchange-seat-phone');

    // The coordinator's page, never reloaded, shows no seat left, announced politely.
    await coordinator.page.waitForFunction(() => document.querySelector('[data-testid="seats"]')?.textContent === 'un posto, un iscritto, nessuno libero');
    await expect(coordinator.page.locator('[aria-live="polite"][data-live="on"]').textContent()).resolves.toMatch(/Nessun posto libero, nessuno in attesa\./);
    await manage.getByRole('row', { name: /Davide Russo/ }).filter({ hasText: 'Come si selezionano i custodi.' }).waitFor();

    // Giulia, reading in English, can only join the waitlist, and sees her place.
    const giulia = await web.newPage({ viewport: 'desktop', lang: 'en' });
    await signedIn(giulia.page, GIULIA, exchangePath);
    await giulia.page.getByText('The seats are taken: you can join the waitlist.').waitFor();
    await giulia.page.getByLabel('What do you want to learn? (optional)').fill('How the caretakers meet social services.');
    await giulia.page.getByRole('button', { name: 'Join the waitlist' }).click();
    await giulia.page.getByTestId('my-seat').filter({ hasText: 'You are number 1 on the waitlist.' }).waitFor();
    await expect(giulia.page.getByText('Portineria sociale, via Val di Ledro 25, Milano').count()).resolves.toBe(0);
    await expect(seats(giulia.page).textContent()).resolves.toBe('one seat, one registered, none free · one person on the waitlist');
    await expectNoAxeViolations(giulia.page);
    await expectNoMessageIds(giulia.page);
    await screenshot(giulia.page, 'exchange-waitlist-desktop-en');
    await coordinator.page.waitForFunction(() => /una persona in lista d’attesa/.test(document.querySelector('[data-testid="seats"]')?.textContent ?? ''));
    await manage.getByRole('row', { name: /Giulia Marchetti/ }).filter({ hasText: 'In lista d’attesa, numero 1' }).waitFor();

    // Davide cancels (asked twice); the seat goes to Giulia, live on her page and the coordinator's.
    await davide.page.getByRole('button', { name: 'Annulla la mia iscrizione…' }).click();
    await expect(focusedText(davide.page)).resolves.toBe('Sì, annulla');
    await expectNoAxeViolations(davide.page);
    await davide.page.keyboard.press('Enter');
    await davide.page.getByRole('status').filter({ hasText: 'La tua iscrizione è annullata.' }).waitFor();

    await giulia.page.getByTestId('my-seat').filter({ hasText: 'You hold a seat.' }).waitFor();
    await giulia.page.getByText('Portineria sociale, via Val di Ledro 25, Milano').waitFor();
    await expect(giulia.page.getByTestId('live-personal').textContent()).resolves.toBe('A seat freed up: it is yours now.');
    await expectNoAxeViolations(giulia.page);
    await manage.getByRole('row', { name: /Giulia Marchetti/ }).filter({ hasText: 'Ha un posto' }).waitFor();
    await manage.getByRole('row', { name: /Davide Russo/ }).filter({ hasText: 'Ha annullato' }).waitFor();
    await expect(seats(coordinator.page).textContent()).resolves.toBe('un posto, un iscritto, nessuno libero');
    await expectNoAxeViolations(coordinator.page);
    await expectNoMessageIds(coordinator.page);
    await screenshot(coordinator.page, 'exchange-manage-desktop');

    for (const reader of [coordinator, davide, giulia]) expect(unexpected(reader.errors)).toEqual([]);
    await Promise.all([coordinator, davide, giulia].map((reader) => reader.context.close()));
  });

  it('once held: attendance by keyboard, outcomes, completion and feedback', async () => {
    // The day of the exchange comes and goes: its schedule moves into the past.
    const [moved] = (await web.app.db.query(
      `UPDATE peer_exchange SET registration_deadline = now() - interval '2 days', starts_at = now() - interval '1 day', ends_at = now() - interval '1 day' + interval '4 hours'
        WHERE title = $1 RETURNING id`,
      [TITLE],
    )) as [unknown[], number];
    expect(moved).toHaveLength(1);

    const { page, errors } = await web.newPage({ viewport: 'phone' });
    await signedIn(page, CHIARA, exchangePath);
    const attendance = page.getByRole('region', { name: 'Presenze' });
    const giulia = attendance.getByRole('radiogroup', { name: 'Giulia Marchetti' });
    await giulia.waitFor();
    await expect(attendance.getByRole('radiogroup').count()).resolves.toBe(1);
    // Keyboard: Tab into the row's radio group, Space marks her present, Tab to the button, Enter saves.
    await tabUntil(page, async () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio'));
    await page.keyboard.press('Space');
    await expect(giulia.getByRole('radio', { name: 'Presente' }).isChecked()).resolves.toBe(true);
    await tabUntil(page, async () => (await focusedText(page)) === 'Registra le presenze');
    await page.keyboard.press('Enter');
    await attendance.getByRole('status').filter({ hasText: 'Presenze registrate.' }).waitFor();
    await expectNoAxeViolations(page);
    await expectNoMessageIds(page);

    const outcomes = page.getByRole('region', { name: 'Registra i risultati' });
    await outcomes.getByLabel('Che cosa è successo e che cosa ne è venuto').fill('Abbiamo visto come i custodi incontrano gli anziani soli del quartiere.');
    await outcomes.getByLabel('Che cosa abbiamo imparato').fill('- Il custode è una figura **leggera** ma presente ogni giorno.');
    await outcomes.getByRole('button', { name: 'Aggiungi un’azione' }).click();
    await outcomes.getByLabel('Azione 1: che cosa').fill('Proporre un custode al Municipio 2');
    await outcomes.getByLabel('Chi se ne occupa').selectOption({ label: 'Giulia Marchetti' });
    await outcomes.getByLabel('Entro il').fill(romeLocal(30, 0).slice(0, 10));
    await outcomes.getByRole('button', { name: 'Pubblica i risultati' }).click();
    await page.getByRole('region', { name: 'Modifica i risultati' }).waitFor();
    await page.getByRole('region', { name: 'Che cosa ne è venuto' }).getByText('Abbiamo visto come i custodi').waitFor();
    await expectNoAxeViolations(page);

    const manage = page.getByRole('region', { name: 'Organizzazione' });
    await manage.getByRole('button', { name: 'Segna come concluso' }).click();
    await manage.getByRole('status').filter({ hasText: 'Lo scambio è concluso.' }).waitFor();
    await expect(page.locator('article.prose > p.meta').first().textContent()).resolves.toContain('Concluso');
    await expectNoAxeViolations(page);
    await expectNoMessageIds(page);
    await screenshot(page, 'exchange-held-phone');
    expect(unexpected(errors)).toEqual([]);

    // Giulia attended: she rates it.
    const attendee = await web.newPage({ viewport: 'phone' });
    await signedIn(attendee.page, GIULIA, exchangePath);
    const feedback = attendee.page.getByRole('region', { name: 'Il tuo parere' });
    await feedback.getByRole('radio', { name: '5 – eccellente' }).check();
    await feedback.getByLabel('Commento (facoltativo)').fill('Utilissimo vedere il lavoro dal vivo.');
    await feedback.getByRole('button', { name: 'Invia il parere' }).click();
    await feedback.getByRole('status').filter({ hasText: 'Grazie: il tuo parere è registrato.' }).waitFor();
    await attendee.page.getByText('Una persona ha dato in media 5 su 5.').waitFor();
    await expectNoAxeViolations(attendee.page);
    await expectNoMessageIds(attendee.page);
    expect(unexpected(attendee.errors)).toEqual([]);
    await hydrated(attendee.page);
  });

  it('is cancelled by its coordinator with a reason, asked twice', async () => {
    // A draft planned through the API, as another app would.
    const { login } = await web.app.client.data<{ login: { session: { accessToken: string } } }>(
      `mutation ($input: LoginInput!) { login(input: $input) { session { accessToken } } }`,
      { input: { email: CHIARA, password: DEMO_PASSWORD } },
    );
    const chiara = web.app.client.as(login.session.accessToken);
    const { community, territories } = await chiara.data<{ community: { id: string }; territories: { nodes: { id: string }[] } }>(
      `{ community(slug: "anziani-e-comunita") { id } territories(first: 1, filter: { namePrefix: "Milano" }) { nodes { id } } }`,
    );
    const starts = Date.now() + 40 * 24 * 3600 * 1000;
    const { createPeerExchange } = await chiara.data<{ createPeerExchange: { peerExchange: { id: string } } }>(
      `mutation ($input: CreatePeerExchangeInput!) { createPeerExchange(input: $input) { peerExchange { id } userErrors { code } } }`,
      {
        input: {
          format: 'WEBINAR',
          title: 'Webinar sui portierati sociali',
          hostCommunityId: community.id,
          hostTerritoryId: territories.nodes[0]!.id,
          startsAt: new Date(starts).toISOString(),
          endsAt: new Date(starts + 2 * 3600 * 1000).toISOString(),
          registrationDeadline: new Date(starts - 24 * 3600 * 1000).toISOString(),
          capacity: 30,
        },
      },
    );
    const path = `/peer-exchanges/${encodeURIComponent(createPeerExchange.peerExchange.id)}`;

    const { page, errors } = await web.newPage({ viewport: 'phone', lang: 'en' });
    await signedIn(page, CHIARA, path);
    const manage = page.getByRole('region', { name: 'Running the exchange' });
    await manage.getByRole('button', { name: 'Cancel the exchange…' }).click();
    const confirm = manage.getByRole('group', { name: /^Cancel the exchange\?/ });
    await confirm.getByRole('button', { name: 'Yes, cancel the exchange' }).click();
    await expect(manage.getByRole('alert').textContent()).resolves.toBe('Write the reason, in at least 3 characters.');
    await expectNoAxeViolations(page);
    await confirm.getByLabel('Reason').fill('The speaker is ill; we will plan it again in spring.');
    await confirm.getByRole('button', { name: 'Yes, cancel the exchange' }).click();
    await page.getByText('Cancelled: The speaker is ill; we will plan it again in spring.').waitFor();
    await expect(page.locator('article.prose > p.meta').first().textContent()).resolves.toContain('Cancelled');
    await expect(manage.getByRole('button', { name: 'Cancel the exchange…' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
    await expectNoMessageIds(page);
    expect(unexpected(errors).filter((error) => !/status of 404/.test(error))).toEqual([]);
  });
});
