import type { Page } from 'playwright-core';
import { expectNoAxeViolations, expectNoMessageIds, hydrated, screenshot, signedIn, startWebE2E, unexpected, type WebE2E } from './support/web-e2e';

// Chiara coordinates the private "Coordinamento living lab" (with Luca; Elena and Giulia are members).
const COORDINATOR = 'chiara.colombo@bottega.example';
const PRIVATE = '/communities/coordinamento-living-lab';
const INVITED = 'anna.ricci@bottega.example';
const PRACTITIONER = 'davide.russo@bottega.example';
const PUBLIC = '/communities/lombardia-welfare-di-comunita';

jest.setTimeout(180_000);

let web: WebE2E;

beforeAll(async () => {
  web = await startWebE2E();
}, 120_000);

afterAll(() => web?.close());

async function checked(page: Page, name: string): Promise<void> {
  await expectNoMessageIds(page);
  await expectNoAxeViolations(page);
  await screenshot(page, name);
}

function memberOf(page: Page, name: string) {
  return page.locator('li.member').filter({ has: page.getByRole('link', { name, exact: true }) });
}

async function focused(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || '');
}

describe('running a community', () => {
  it('lets its coordinator invite, change a role and remove a member after confirming', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    await signedIn(page, COORDINATOR, PRIVATE);
    await page.getByRole('heading', { level: 1, name: 'Coordinamento living lab' }).waitFor();
    await page.getByText('Coordini questa comunità.').waitFor();
    const admin = page.getByRole('navigation', { name: 'Gestisci la comunità' });
    await expect(admin.getByRole('link', { name: 'Segnalazioni da esaminare' }).getAttribute('href')).resolves.toBe('/moderation');
    await checked(page, 'community-coordinator-desktop');

    await admin.getByRole('link', { name: 'Membri e inviti' }).click();
    await page.waitForURL(`**${PRIVATE}/members`);
    await page.getByRole('heading', { level: 1, name: 'Membri e inviti' }).waitFor();
    await memberOf(page, 'Giulia Marchetti').waitFor();
    await checked(page, 'community-members-desktop');

    // An invitation by handle, announced.
    await page.getByLabel('Il suo @nome utente').fill('@anna-ricci');
    await page.getByRole('button', { name: 'Invita' }).click();
    await page.getByRole('status').filter({ hasText: 'Invito inviato: Anna Ricci (@anna-ricci) ora può vedere Coordinamento living lab ed entrare.' }).waitFor();
    await expect(page.getByLabel('Il suo @nome utente').inputValue()).resolves.toBe('');
    // A handle nobody has is said next to the field.
    await page.getByLabel('Il suo @nome utente').fill('nessuno-con-questo-nome');
    await page.getByRole('button', { name: 'Invita' }).click();
    await page.getByText('Nessuno su Bottega ha questo nome utente.').waitFor();

    // Elena becomes a coordinator.
    const elena = memberOf(page, 'Elena Ferri');
    await elena.getByRole('button', { name: 'Affida a Elena Ferri il coordinamento' }).click();
    await page.getByRole('status').filter({ hasText: 'Elena Ferri ora coordina la comunità.' }).waitFor();
    await elena.getByText('Coordinatore', { exact: true }).waitFor();
    await elena.getByRole('button', { name: 'Togli a Elena Ferri il coordinamento' }).waitFor();

    // Giulia is removed, only once confirmed; cancelling first changes nothing.
    const giulia = memberOf(page, 'Giulia Marchetti');
    await giulia.getByRole('button', { name: 'Rimuovi Giulia Marchetti' }).click();
    await giulia.getByText(/Rimuovere Giulia Marchetti da Coordinamento living lab\?/).waitFor();
    await giulia.getByRole('button', { name: 'Annulla' }).click();
    await expect(focused(page)).resolves.toBe('Rimuovi Giulia Marchetti');
    await giulia.getByRole('button', { name: 'Rimuovi Giulia Marchetti' }).click();
    await checked(page, 'community-members-confirm-desktop');
    await giulia.getByRole('button', { name: 'Sì, rimuovi Giulia Marchetti' }).click();
    await page.getByRole('status').filter({ hasText: 'Giulia Marchetti non è più membro di Coordinamento living lab.' }).waitFor();
    await giulia.waitFor({ state: 'detached' });

    // The settings say what a new audience does before it is saved.
    await page.goto(`${PRIVATE}/settings`);
    await hydrated(page);
    await page.getByRole('heading', { level: 1, name: 'Impostazioni della comunità' }).waitFor();
    await page.getByLabel('Nome', { exact: true }).waitFor();
    await page.getByRole('radio', { name: /Solo i membri leggono/ }).check();
    await page.getByText(/chi non ha un account perde subito l'accesso/).waitFor();
    await checked(page, 'community-settings-desktop');
    await page.getByRole('radio', { name: /Privata, su invito/ }).check();
    await page.getByLabel('Descrizione').fill('Dove chi coordina i living lab prepara gli scambi tra pari. Privata.');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByRole('status').filter({ hasText: 'Salvato: Coordinamento living lab.' }).waitFor();
    expect(unexpected(errors)).toEqual([]);
  });

  it('invites with the keyboard alone, on a phone', async () => {
    const { page, errors } = await web.newPage({ viewport: 'phone' });
    await signedIn(page, COORDINATOR, `${PRIVATE}/members`);
    await page.getByLabel('Il suo @nome utente').waitFor();
    for (let presses = 0; presses < 40 && (await focused(page)) !== 'invite-handle'; presses++) await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toBe('invite-handle');
    await page.keyboard.type('sara-esposito');
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toBe('Invita');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Invito inviato: Sara Esposito (@sara-esposito)' }).waitFor();
    // The removal's confirmation, by keyboard: Enter asks, the focus moves to the confirming button.
    const luca = memberOf(page, 'Luca Sala');
    await luca.getByRole('button', { name: 'Rimuovi Luca Sala' }).focus();
    await page.keyboard.press('Enter');
    await expect(focused(page)).resolves.toBe('Sì, rimuovi Luca Sala');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(focused(page)).resolves.toBe('Rimuovi Luca Sala');
    await checked(page, 'community-members-phone');
    expect(unexpected(errors)).toEqual([]);
  });

  it('shows the invited practitioner the private community, and lets them join it', async () => {
    const { page, errors } = await web.newPage({ viewport: 'phone' });
    await signedIn(page, INVITED, '/communities');
    const invitations = page.getByRole('region', { name: 'Un invito' });
    await invitations.getByRole('link', { name: 'Coordinamento living lab' }).waitFor();
    await checked(page, 'communities-invited-phone');
    await invitations.getByRole('link', { name: 'Coordinamento living lab' }).click();
    await page.waitForURL(`**${PRIVATE}`);
    await page.getByText('Hai un invito per questa comunità privata').waitFor();
    await checked(page, 'community-invited-phone');
    await page.getByRole('button', { name: "Accetta l'invito ed entra" }).click();
    await page.getByRole('status').filter({ hasText: 'Ora sei membro di Coordinamento living lab.' }).waitFor();
    await page.getByText('Sei membro di questa comunità.').waitFor();
    // Loaded afresh (the server renders anonymously), the page asks again once signed in.
    await page.reload();
    await hydrated(page);
    await page.getByRole('heading', { level: 1, name: 'Coordinamento living lab' }).waitFor();
    await page.getByText('Sei membro di questa comunità.').waitFor();
    await expectNoAxeViolations(page);
    // A member who does not coordinate is refused the members page.
    await page.goto(`${PRIVATE}/members`);
    await hydrated(page);
    await page.getByRole('heading', { level: 2, name: 'Solo chi coordina gestisce questa comunità' }).waitFor();
    await expectNoAxeViolations(page);
    expect(unexpected(errors).filter((error) => !/status of 404/.test(error))).toEqual([]);
  });

  it('lets a practitioner join and leave a public community, in English', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop', lang: 'en' });
    await signedIn(page, PRACTITIONER, PUBLIC);
    await page.getByRole('heading', { level: 1, name: 'Lombardia: welfare di comunità' }).waitFor();
    await page.getByRole('button', { name: /Follow Lombardia/ }).waitFor();
    const closed = page.locator('li.card').filter({ has: page.getByRole('link', { name: 'Co-programmazione con il Comune: da dove partire?' }) });
    await closed.getByText('Closed to replies').waitFor();
    await checked(page, 'community-public-en-desktop');
    await page.getByRole('button', { name: 'Join this community' }).click();
    await page.getByRole('status').filter({ hasText: 'You are now a member of Lombardia: welfare di comunità.' }).waitFor();
    await page.getByRole('button', { name: 'Leave the community' }).click();
    await page.getByText('Leave Lombardia: welfare di comunità? You can join again whenever you like.').waitFor();
    await checked(page, 'community-leave-en-desktop');
    await page.getByRole('button', { name: 'Yes, leave' }).click();
    await page.getByRole('status').filter({ hasText: 'You have left Lombardia: welfare di comunità.' }).waitFor();
    await page.getByRole('button', { name: 'Join this community' }).waitFor();
    expect(unexpected(errors)).toEqual([]);
  });

  it('lets an admin open a new community, of which they are the first coordinator; others are refused', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    await signedIn(page, 'admin@bottega.example', '/communities');
    await page.getByRole('link', { name: 'Apri una nuova comunità' }).click();
    await page.waitForURL('**/communities/new');
    await page.getByLabel('Nome', { exact: true }).fill('Cooperative di comunità');
    await page.getByRole('radio', { name: 'Comunità territoriale' }).check();
    await page.getByRole('button', { name: 'Apri la comunità' }).click();
    await page.getByText('Una comunità territoriale ha bisogno del suo territorio.').waitFor();
    await page.getByLabel('Codice del territorio').fill('IT-25');
    await checked(page, 'community-new-desktop');
    await page.getByRole('button', { name: 'Apri la comunità' }).click();
    await page.waitForURL(/\/communities\/[^/]+\/members$/);
    await page.getByRole('link', { name: 'Cooperative di comunità' }).waitFor();
    await page.locator('li.member').getByText('Coordinatore', { exact: true }).waitFor();
    expect(unexpected(errors)).toEqual([]);

    // A practitioner asking for the page by its address is told it is not for them.
    const other = await web.newPage({ viewport: 'phone' });
    await signedIn(other.page, PRACTITIONER, '/communities/new');
    await other.page.getByRole('heading', { level: 2, name: 'Solo lo staff apre nuove comunità' }).waitFor();
    await expect(other.page.getByRole('button', { name: 'Apri la comunità' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(other.page);
  });

  it('offers a signed-out reader a way to sign in, and marks pinned and closed discussions', async () => {
    const { page, errors } = await web.newPage({ viewport: 'phone' });
    await page.goto('/communities');
    await hydrated(page);
    const list = page.getByRole('region', { name: /comunità/ });
    await list.getByRole('link', { name: 'Anziani e comunità' }).waitFor();
    await expect(list.getByRole('link', { name: 'Coordinamento living lab' }).count()).resolves.toBe(0);
    await checked(page, 'communities-anonymous-phone');
    await list.getByRole('link', { name: 'Anziani e comunità' }).click();
    await page.waitForURL('**/communities/anziani-e-comunita');
    await page.getByRole('link', { name: 'Accedi per entrare nella comunità' }).waitFor();
    // Pinned discussions come first, marked.
    const first = page.locator('li.card').first();
    await first.getByRole('link', { name: 'Custodi di quartiere: cosa abbiamo imparato nel primo anno' }).waitFor();
    await first.getByText('In evidenza').waitFor();
    await checked(page, 'community-anonymous-phone');
    expect(unexpected(errors)).toEqual([]);
  });
});
