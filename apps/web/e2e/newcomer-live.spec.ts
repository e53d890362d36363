import type { Page } from 'playwright-core';
import { until } from '@bottega/testing';
import { expectNoAxeViolations, expectNoMessageIds, hydrated, screenshot, startWebE2E, type WebE2E } from './support/web-e2e';

const COMMUNITY = 'anziani-e-comunita';
const ASK = `/communities/${COMMUNITY}/ask`;
const DEMO_PASSWORD = 'bottega-demo-2026';

jest.setTimeout(120_000);

let web: WebE2E;

beforeAll(async () => {
  web = await startWebE2E();
}, 120_000);

afterAll(() => web?.close());

/** Another person, signed in through the API (as an app would), replies in the thread. */
async function replyAs(email: string, threadId: string, body: string): Promise<void> {
  const { login } = await web.app.client.data<{ login: { session: { accessToken: string } } }>(
    `mutation ($input: LoginInput!) { login(input: $input) { session { accessToken } } }`,
    { input: { email, password: DEMO_PASSWORD } },
  );
  const { replyToThread } = await web.app.client
    .as(login.session.accessToken)
    .data<{ replyToThread: { userErrors: unknown[] } }>(
      `mutation ($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { id } userErrors { code field } } }`,
      { input: { threadId, body } },
    );
  expect(replyToThread.userErrors).toEqual([]);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const focusVisible = (page: Page) => page.evaluate(() => document.activeElement?.matches(':focus-visible') ?? false);

describe('a newcomer, live', () => {
  it('registers, asks a question with similar threads suggested, and hears the first answer arrive', async () => {
    const { page, errors } = await web.newPage({ viewport: 'phone' });

    // Asking needs an account: the ask page sends the newcomer to sign in, and registering brings them back.
    await page.goto(ASK);
    await page.waitForURL(`**/sign-in?next=${encodeURIComponent(ASK)}`);
    await hydrated(page);
    await page.getByRole('main').getByRole('link', { name: 'Registrati' }).click();
    await page.waitForURL(`**/register?next=${encodeURIComponent(ASK)}`);
    await page.getByLabel('Nome visibile agli altri').fill('Anna Nuova');
    await page.getByLabel('Email').fill(`anna.${Date.now()}@example.org`);
    await page.getByLabel('Password').fill('una frase lunga che ricordo bene 2026');
    await page.getByRole('button', { name: "Crea l'account" }).click();
    await page.waitForURL(`**${ASK}`);
    await page.getByRole('heading', { level: 1, name: /^Fai una domanda in / }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Anna Nuova' }).waitFor();

    // While the title is written, threads like it are suggested (and announced politely).
    await page.getByLabel('La domanda, in una frase').pressSequentially('Badante per mia madre anziana: a chi rivolgersi?', { delay: 20 });
    const similar = page.getByRole('complementary', { name: 'Forse è già stata fatta' });
    await similar.locator('a[href^="/threads/"]').first().waitFor();
    await expect(similar.locator('[aria-live="polite"]').textContent()).resolves.toMatch(/risultat[oi] simil/);

    // A tag the API finds too short is refused next to its field; the text stays.
    const body = 'Mia madre ha 88 anni e vive sola in paese. Cerchiamo una badante per qualche ora al giorno: come avete fatto?';
    await page.getByLabel('Dettagli').fill(body);
    await page.getByLabel('Etichette (facoltative)').fill('anziani, x');
    await page.getByRole('button', { name: 'Pubblica la domanda' }).click();
    await page.locator('#ask-tags-error').waitFor();
    await expect(page.locator('#ask-tags-error').textContent()).resolves.toBe('Troppo corto.');
    await expect(page.getByLabel('Etichette (facoltative)').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'ask-phone');

    // The draft survives a reload.
    await page.getByLabel('Etichette (facoltative)').fill('anziani, badanti');
    await page.reload();
    await hydrated(page);
    await page.getByLabel('Dettagli').waitFor();
    await expect(page.getByLabel('La domanda, in una frase').inputValue()).resolves.toBe('Badante per mia madre anziana: a chi rivolgersi?');
    await expect(page.getByLabel('Dettagli').inputValue()).resolves.toBe(body);
    await expect(page.getByLabel('Etichette (facoltative)').inputValue()).resolves.toBe('anziani, badanti');

    await page.getByRole('button', { name: 'Pubblica la domanda' }).click();
    await page.waitForURL(/\/threads\/[^/]+$/);
    const threadId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('bottega.ask.')))).toEqual([]);

    // Someone else answers from elsewhere: the newcomer's badge counts it at once.
    const badge = page.getByRole('banner').getByRole('link', { name: /^Notifiche, / });
    await until(async () => (await badge.getAttribute('aria-label')) === 'Notifiche, nessuna da leggere', 'no unread notification on the badge', 10_000);
    await replyAs('chiara.colombo@bottega.example', threadId, 'Noi ci siamo rivolti allo sportello badanti del Comune: hanno un elenco di persone formate.');
    await until(async () => (await badge.getAttribute('aria-label')) === 'Notifiche, 1 da leggere', 'one unread notification on the badge', 15_000);
    await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'Nuova notifica' }).textContent()).resolves.toContain('Chiara Colombo ha risposto');

    // The notification leads to the thread.
    await badge.click();
    await page.waitForURL('**/notifications');
    const item = page.getByRole('link', { name: 'Badante per mia madre anziana: a chi rivolgersi?' });
    await item.waitFor();
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'notifications-phone');
    await item.click();
    await page.waitForURL((url) => url.pathname === `/threads/${threadId}` || url.pathname === `/threads/${encodeURIComponent(threadId)}`);
    await until(async () => (await badge.getAttribute('aria-label')) === 'Notifiche, nessuna da leggere', 'no unread notification on the badge', 10_000);
    expect(errors).toEqual([]);
  });

  it('marks all notifications as read on the notifications page, at desktop width', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    await page.goto('/sign-in?next=/notifications');
    await hydrated(page);
    await page.getByLabel('Email').fill('marco.bianchi@bottega.example');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.waitForURL('**/notifications');
    await page.getByRole('heading', { level: 1, name: 'Notifiche' }).waitFor();
    await page.locator('.notification-list, main p').first().waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'notifications-desktop');
    const markAll = page.getByRole('button', { name: 'Segna tutte come lette' });
    if ((await markAll.count()) > 0) {
      await markAll.click();
      await page.getByText('Nessuna notifica da leggere.').waitFor();
      await expect(page.locator('.notification--unread').count()).resolves.toBe(0);
    }
    await expect(page.getByRole('banner').getByRole('link', { name: 'Notifiche, nessuna da leggere' }).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });

  it('asks a question with the keyboard alone, focus visible at every step', async () => {
    const { page } = await web.newPage({ viewport: 'desktop', lang: 'en' });
    await page.goto(`/sign-in?next=${encodeURIComponent(ASK)}`);
    await hydrated(page);
    await page.getByLabel('Email').fill('elena.ferri@bottega.example');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${ASK}`);
    await page.getByLabel('Your question, in one sentence').waitFor();
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'ask-desktop-en');
    await page.locator('body').focus();
    for (let step = 0; step < 40 && (await focusedId(page)) !== 'ask-title'; step++) await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('ask-title');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.type('Volunteer drivers for hospital visits: insurance?');
    // Past the editor's Write/Preview switch and its formatting toolbar (one stop: arrows move inside it).
    for (let step = 0; step < 6 && (await focusedId(page)) !== 'ask-body'; step++) await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('ask-body');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.type('Our association drives elderly people to hospital visits with volunteers. Which insurance do you use?');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('ask-tags');
    await page.keyboard.type('social transport');
    // A territory, found by its name and added with Enter.
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('ask-territories-search');
    await page.keyboard.type('Lecco');
    await page.getByRole('button', { name: /^Add Lecco/ }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Lecco added.').waitFor();
    expect(await focusedId(page)).toBe('ask-territories-search');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Post the question');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/threads\/[^/]+$/);
    await page.getByRole('link', { name: 'Lecco' }).first().waitFor();
  });
});
