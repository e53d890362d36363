import type { Page } from 'playwright-core';
import { until } from '@bottega/testing';
import { expectNoAxeViolations, expectNoMessageIds, hydrated, screenshot, startWebE2E, type WebE2E } from './support/web-e2e';

// The shortest access token the API allows, so a test sees one expire (and be renewed) within a minute.
const ACCESS_TOKEN_TTL_SECONDS = 60;
const PASSWORD = 'bottega-demo-2026';
const MARCO = { email: 'marco.bianchi@bottega.example', name: 'Marco Bianchi', handle: 'marco-bianchi' };

jest.setTimeout(120_000);

let web: WebE2E;

beforeAll(async () => {
  web = await startWebE2E({ ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS) });
}, 120_000);

afterAll(() => web?.close());

async function signInThroughApi(email: string): Promise<string> {
  const { login } = await web.app.client.data<{ login: { session: { accessToken: string } } }>(
    `mutation ($input: LoginInput!) { login(input: $input) { session { accessToken } userErrors { code } } }`,
    { input: { email, password: PASSWORD } },
  );
  return login.session.accessToken;
}

/** Someone else mentions `handle` in a new thread of a public community: a MENTION notification for them. */
async function mention(handle: string, title: string): Promise<void> {
  const token = await signInThroughApi('chiara.colombo@bottega.example');
  const as = web.app.client.as(token);
  const { community } = await as.data<{ community: { id: string } }>(`{ community(slug: "anziani-e-comunita") { id } }`);
  const { startThread } = await as.data<{ startThread: { userErrors: unknown[] } }>(
    `mutation ($input: StartThreadInput!) { startThread(input: $input) { thread { id } userErrors { code field } } }`,
    { input: { communityId: community.id, title, body: `Ciao @${handle}, che ne pensi di questa esperienza?` } },
  );
  expect(startThread.userErrors).toEqual([]);
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel(/^(Email)$/).fill(email);
  await page.getByLabel(/^Password$/).fill(password);
  await page.getByRole('button', { name: /^(Accedi|Sign in)$/ }).click();
}

describe('signing in, registering and out', () => {
  it('shows bad registration input next to each field, from the form and from the API, in Italian', async () => {
    const { page, errors } = await web.newPage({ viewport: 'phone' });
    await page.goto('/register');
    await hydrated(page);
    await page.getByRole('button', { name: "Crea l'account" }).click();
    await expect(page.locator('#register-name-error').textContent()).resolves.toBe('Troppo corto.');
    await expect(page.locator('#register-email-error').textContent()).resolves.toBe('Campo obbligatorio.');
    await expect(page.locator('#register-password-error').textContent()).resolves.toBe('La password deve avere almeno 12 caratteri.');
    await expect(page.getByLabel('Email').getAttribute('aria-invalid')).resolves.toBe('true');

    // The API's own rules: an address already registered, a password everyone guesses.
    await page.getByLabel('Nome visibile agli altri').fill('Nuova Persona');
    await page.getByLabel('Email').fill(MARCO.email);
    await page.getByLabel('Password').fill('password1234');
    await page.getByRole('button', { name: "Crea l'account" }).click();
    await page.locator('#register-password-error').getByText(/Password troppo debole/).waitFor();
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'register-errors-phone');
    expect(errors).toEqual([]);
  });

  it('refuses wrong credentials in English, then signs in and returns to the page the reader came from', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop', lang: 'en' });
    await page.goto('/');
    await hydrated(page);
    const practice = page.locator('main a[href^="/practices/"]').first();
    await practice.click();
    await page.waitForURL(/\/practices\/[a-z0-9-]+$/);
    const practicePath = new URL(page.url()).pathname;
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(`**/sign-in?next=${encodeURIComponent(practicePath)}`);

    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('#sign-in-email-error').textContent()).resolves.toBe('Required.');
    await signIn(page, MARCO.email, 'not-the-password');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Wrong email or password.');
    await expectNoAxeViolations(page);
    await screenshot(page, 'sign-in-error-desktop');

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`**${practicePath}`);
    const name = page.getByRole('banner').getByRole('link', { name: MARCO.name });
    await name.waitFor();
    await expect(name.getAttribute('href')).resolves.toBe(`/u/${MARCO.handle}`);
    await page.getByRole('banner').getByRole('link', { name: /^Notifications, / }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'signed-in-desktop');

    // The refresh cookie brings the session back after a reload; the access token was only in memory.
    await page.reload();
    await hydrated(page);
    await page.getByRole('banner').getByRole('link', { name: MARCO.name }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    await page.reload();
    await hydrated(page);
    await page.getByRole('banner').getByRole('link', { name: 'Register' }).waitFor();
    await expect(page.getByRole('banner').getByRole('link', { name: MARCO.name }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('renders the sign-in and register pages for phones and desktops without axe violations', async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      const { page } = await web.newPage({ viewport });
      for (const path of ['/sign-in', '/register']) {
        await page.goto(path);
        await hydrated(page);
        await page.getByRole('banner').getByRole('link', { name: 'Accedi' }).waitFor();
        await expectNoMessageIds(page);
        await expectNoAxeViolations(page);
        await screenshot(page, `${path.slice(1)}-${viewport}`);
      }
    }
  });

  it('signs in with the keyboard alone, focus visible at every step', async () => {
    const { page } = await web.newPage({ viewport: 'desktop' });
    await page.goto('/sign-in');
    await hydrated(page);
    await page.getByRole('banner').getByRole('link', { name: 'Accedi' }).waitFor();
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    const focusVisible = () => page.evaluate(() => document.activeElement?.matches(':focus-visible') ?? false);
    for (let step = 0; step < 30 && (await focusedId()) !== 'sign-in-email'; step++) await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('sign-in-email');
    expect(await focusVisible()).toBe(true);
    await page.keyboard.type(MARCO.email);
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('sign-in-password');
    expect(await focusVisible()).toBe(true);
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('banner').getByRole('link', { name: MARCO.name }).waitFor();
  });
});

describe('a signed-in tab', () => {
  it('renews its access token before expiry and keeps its live badge across the socket closing with 4419', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    const refreshes: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/session/refresh')) refreshes.push(response.status());
    });
    const sockets: string[] = [];
    // Per socket, whether the server has answered with the live count: the tab's subscriptions are in place.
    const counted: boolean[] = [];
    page.on('websocket', (socket) => {
      const index = sockets.push(socket.url()) - 1;
      counted[index] = false;
      socket.on('framereceived', ({ payload }) => {
        if (String(payload).includes('"unreadNotificationCount"')) counted[index] = true;
      });
    });

    await page.goto('/sign-in');
    await hydrated(page);
    await signIn(page, MARCO.email, PASSWORD);
    const badge = page.getByRole('banner').getByRole('link', { name: /^Notifiche, / });
    await badge.waitFor();
    const before = Number((await badge.getAttribute('aria-label'))?.match(/\d+/)?.[0] ?? '0');
    await until(() => sockets.length >= 1, 'the first socket', 10_000);

    // Past the token's lifetime: the tab renewed it (refresh 200) and the server closed the old socket (4419),
    // so a second socket opened with the new token.
    await until(() => sockets.length >= 2, 'a socket reopened with the renewed token', (ACCESS_TOKEN_TTL_SECONDS + 20) * 1000);
    expect(refreshes).toContain(200);
    // The count comes up to date as the new socket subscribes; the announcement is for what arrives after.
    await until(() => counted[1] === true, 'the live count on the new socket', 10_000);

    await mention(MARCO.handle, 'Trasporto sociale per le visite mediche in valle');
    await until(async () => (await badge.getAttribute('aria-label')) === `Notifiche, ${before + 1} da leggere`, 'one more unread notification on the badge', 15_000);
    await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'Nuova notifica' }).textContent()).resolves.toContain('ti ha menzionato');
    await expect(page.getByRole('banner').getByRole('link', { name: MARCO.name }).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });

  it('is told when another tab signs out (socket closed with 4440), and both tabs share the cookie without ending it', async () => {
    const first = await web.newPage({ viewport: 'desktop' });
    await first.page.goto('/sign-in');
    await hydrated(first.page);
    await signIn(first.page, MARCO.email, PASSWORD);
    await first.page.getByRole('banner').getByRole('link', { name: MARCO.name }).waitFor();

    // A second tab of the same browser restores the session from the shared cookie.
    const second = await first.context.newPage();
    await second.goto('/');
    await hydrated(second);
    await second.getByRole('banner').getByRole('link', { name: MARCO.name }).waitFor();
    await second.getByRole('banner').getByRole('link', { name: /^Notifiche, / }).waitFor();
    await first.page.reload();
    await hydrated(first.page);
    await first.page.getByRole('banner').getByRole('link', { name: MARCO.name }).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1500));

    await first.page.getByRole('button', { name: 'Esci' }).click();
    await first.page.getByRole('banner').getByRole('link', { name: 'Accedi' }).waitFor();
    await second.getByRole('status').filter({ hasText: 'La sessione è terminata: accedi di nuovo.' }).waitFor({ timeout: 15_000 });
    await second.getByRole('banner').getByRole('link', { name: 'Accedi' }).waitFor();
    await expectNoAxeViolations(second);
  });

  it('opens a private thread for its member once the session is restored, and hides it again on signing out', async () => {
    const token = await signInThroughApi('elena.ferri@bottega.example');
    const as = web.app.client.as(token);
    const { community } = await as.data<{ community: { id: string } }>(`{ community(slug: "coordinamento-living-lab") { id } }`);
    const { threads } = await as.data<{ threads: { nodes: { id: string; title: string }[] } }>(
      `query ($community: ID!) { threads(first: 20, filter: { community: $community }) { nodes { id title } } }`,
      { community: community.id },
    );
    const thread = threads.nodes.find(({ title }) => title.startsWith('Budget 2027'));
    if (!thread) throw new Error('the private community has no demo thread about the 2027 budget');

    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    await page.goto('/sign-in');
    await hydrated(page);
    await signIn(page, 'elena.ferri@bottega.example', PASSWORD);
    await page.getByRole('banner').getByRole('link', { name: 'Elena Ferri' }).waitFor();

    // The server renders for nobody (a 404 for a private thread); the restored session loads it for her.
    const response = await page.goto(`/threads/${encodeURIComponent(thread.id)}`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: thread.title }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Esci' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pagina non trovata' }).waitFor();
    await expect(page.getByText(thread.title).count()).resolves.toBe(0);
    expect(errors.filter((error) => !/status of 40[14]/.test(error))).toEqual([]);
  });
});

