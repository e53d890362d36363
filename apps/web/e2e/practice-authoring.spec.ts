import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, expectNoAxeViolations, expectNoMessageIds, hydrated, screenshot, signedIn, startWebE2E, unexpected, type WebE2E } from './support/web-e2e';

// Marco belongs to "Anziani e comunità"; Chiara coordinates it (libs/forum/src/seed/demo-forum.ts).
const AUTHOR = 'marco.bianchi@bottega.example';
const READER = 'luca.sala@bottega.example';
const REVIEWER = 'chiara.colombo@bottega.example';
const TITLE = 'Orti condivisi tra generazioni';
const RETURN_COMMENT = 'Aggiungete i numeri: quante famiglie, quanti orti, in quanto tempo.';

jest.setTimeout(180_000);

let web: WebE2E;
let editPath = '';

beforeAll(async () => {
  web = await startWebE2E();
}, 120_000);

afterAll(() => web?.close());

async function tokenOf(email: string): Promise<string> {
  const { login } = await web.app.client.data<{ login: { session: { accessToken: string } } }>(
    `mutation ($input: LoginInput!) { login(input: $input) { session { accessToken } } }`,
    { input: { email, password: DEMO_PASSWORD } },
  );
  return login.session.accessToken;
}

const slugOf = () => editPath.split('/')[2] ?? '';

function field(page: Page, name: RegExp) {
  return page.getByRole('textbox', { name });
}

async function savedNow(page: Page, text = /^Salvata alle \d{2}:\d{2}$/): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

async function focusWithTab(page: Page, target: ReturnType<Page['getByRole']>): Promise<void> {
  for (let presses = 0; presses < 80 && !(await target.evaluate((element) => element === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(target.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
}

describe('writing and reviewing a practice', () => {
  it('sends a signed-out visitor to sign in, with the way back', async () => {
    const { page } = await web.newPage();
    await page.goto('/practices/new');
    await hydrated(page);
    await page.waitForURL(/\/sign-in\?next=%2Fpractices%2Fnew$/);
  });

  it('lets a practitioner start a draft, autosaves it, and lists the required sections still empty on submitting', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    await signedIn(page, AUTHOR, '/practices/new');
    await page.getByRole('heading', { level: 1, name: 'Scrivi una pratica o una storia' }).waitFor();
    await page.getByLabel('Comunità').locator('option', { hasText: 'Anziani e comunità' }).waitFor({ state: 'attached' });
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: 'Pratica' }).check();
    await page.getByLabel('Comunità').selectOption({ label: 'Anziani e comunità' });
    await page.getByLabel('Titolo').fill(TITLE);
    await page.getByRole('button', { name: 'Inizia la bozza' }).click();
    await page.waitForURL(/\/practices\/[^/]+\/edit$/);
    editPath = new URL(page.url()).pathname;

    await page.getByRole('heading', { level: 1, name: `Bozza: ${TITLE}` }).waitFor();
    await field(page, /^Sintesi/).fill('Anziani e bambini coltivano insieme gli orti del quartiere.');
    await field(page, /^Il bisogno/).fill('Anziani soli e famiglie giovani che non si incontrano.');
    await field(page, /^L’approccio/).fill('Un patto di collaborazione con il **Comune** e la scuola.');
    await field(page, /^Temi/).fill('orti, anziani soli');
    await page.getByRole('searchbox', { name: 'Cerca un territorio' }).fill('Milano');
    await page.getByRole('button', { name: /^Aggiungi Milano/ }).first().click();
    await page.getByRole('list', { name: 'Territori scelti' }).getByText('Milano', { exact: true }).waitFor();
    await savedNow(page);
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'practice-editor-desktop');

    // Saved by the API, not only kept on this device.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('bottega.practice-editor.')) localStorage.removeItem(key);
    });
    await page.reload();
    await field(page, /^L’approccio/).waitFor();
    await expect(field(page, /^Sintesi/).inputValue()).resolves.toBe('Anziani e bambini coltivano insieme gli orti del quartiere.');
    await expect(field(page, /^L’approccio/).inputValue()).resolves.toBe('Un patto di collaborazione con il **Comune** e la scuola.');
    await expect(field(page, /^Temi/).inputValue()).resolves.toBe('anziani-soli, orti');
    await page.getByRole('list', { name: 'Territori scelti' }).getByText('Milano', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Invia in revisione' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Mancano ancora 2 parti richieste' });
    await alert.waitFor();
    await alert.getByRole('link', { name: 'Risultati ed evidenze' }).waitFor();
    await alert.getByRole('link', { name: 'Trasferibilità' }).waitFor();
    await expect(alert.getByRole('link', { name: 'Il bisogno' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page);

    await field(page, /^Risultati ed evidenze/).fill('12 orti, 40 famiglie, 30 anziani in un anno.');
    await field(page, /^Trasferibilità/).fill('Serve un terreno comunale e un’associazione che tenga il calendario.');
    await page.getByRole('button', { name: 'Invia in revisione' }).click();
    await page.getByText(/^Inviata in revisione/).waitFor();
    await expectNoAxeViolations(page);

    await page.goto('/practices/mine');
    await page.getByRole('region', { name: 'In revisione' }).getByRole('link', { name: TITLE }).waitFor();
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    expect(unexpected(errors)).toEqual([]);
  });

  it('lets the community’s coordinator return it with a comment (in English, on a phone)', async () => {
    const { page, errors } = await web.newPage({ viewport: 'phone', lang: 'en' });
    await signedIn(page, REVIEWER, '/practices/review');
    await page.getByRole('heading', { level: 1, name: 'Practices to review' }).waitFor();
    await page.getByRole('link', { name: TITLE }).waitFor();
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`/practices/${slugOf()}/review`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'The approach' }).waitFor();
    await page.getByRole('button', { name: 'Return to its authors' }).waitFor();
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'practice-review-phone-en');

    await page.getByRole('button', { name: 'Return to its authors' }).click();
    await page.getByText('Write what they should change.').waitFor();
    await page.getByRole('textbox', { name: 'What the authors should change' }).fill(RETURN_COMMENT);
    await page.getByRole('button', { name: 'Return to its authors' }).click();
    await page.getByRole('status').filter({ hasText: 'Returned to its authors with your comment.' }).waitFor();
    await expect(page.getByRole('button', { name: 'Publish' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
    expect(unexpected(errors)).toEqual([]);
  });

  it('shows the author the comment; they fix the draft and submit again with the keyboard alone (on a phone)', async () => {
    const { page, errors } = await web.newPage({ viewport: 'phone' });
    await signedIn(page, AUTHOR, '/practices/mine');
    const drafts = page.getByRole('region', { name: 'Bozze' });
    await drafts.getByText('Restituita con un commento dei revisori.').waitFor();
    await drafts.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(editPath);
    await page.getByRole('region', { name: 'Restituita dai revisori con questo commento' }).getByText(RETURN_COMMENT).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'practice-editor-returned-phone');

    const results = field(page, /^Risultati ed evidenze/);
    await focusWithTab(page, results);
    await page.keyboard.press('End');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Dopo due anni: 18 orti e 60 famiglie.');
    const submit = page.getByRole('button', { name: 'Invia in revisione' });
    await focusWithTab(page, submit);
    await page.keyboard.press('Enter');
    const notice = page.getByText(/^Inviata in revisione/);
    await notice.waitFor();
    await expect(notice.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    expect(unexpected(errors)).toEqual([]);
  });

  it('lets the coordinator publish it, and then anyone reads it', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    await signedIn(page, REVIEWER, '/practices/review');
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 2, name: 'Risultati ed evidenze' }).waitFor();
    await page.getByText('Dopo due anni: 18 orti e 60 famiglie.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Pubblica' }).click();
    await page.getByRole('status').filter({ hasText: 'Pubblicata.' }).waitFor();
    await expectNoAxeViolations(page);
    await page.goto('/practices/review');
    await page.getByRole('heading', { level: 1, name: 'Pratiche da rivedere' }).waitFor();
    await page.locator('ul.cards, p').filter({ hasText: /./ }).last().waitFor();
    await expect(page.getByRole('link', { name: TITLE }).count()).resolves.toBe(0);
    expect(unexpected(errors)).toEqual([]);

    const reader = await web.newPage({ viewport: 'phone', javaScript: false });
    const response = await reader.page.goto(`/practices/${slugOf()}`);
    expect(response?.status()).toBe(200);
    await reader.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await reader.page.getByText('Un patto di collaborazione con il').waitFor();
    await expectNoAxeViolations(reader.page);
  });

  it('lets a signed-in reader bookmark it, comment on it and record where it was adopted', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    await signedIn(page, READER, `/practices/${slugOf()}`);
    await page.getByRole('button', { name: 'Salva tra i segnalibri' }).click();
    await page.getByRole('button', { name: 'Tra i tuoi segnalibri', pressed: true }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Salvata da una persona' }).waitFor();

    await page.getByRole('textbox', { name: 'Il tuo commento' }).fill('Lo proviamo **in Ossola** da settembre.');
    await page.getByRole('button', { name: 'Commenta' }).click();
    await page.getByRole('status').filter({ hasText: 'Commento pubblicato.' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Un commento' }).waitFor();
    await page.locator('.comment').getByText('in Ossola').waitFor();

    await page.getByText('Il tuo territorio l’ha adottata? Raccontalo').click();
    await page.getByRole('searchbox', { name: 'Cerca un territorio' }).fill('Novara');
    await page.getByRole('button', { name: /^Aggiungi Novara/ }).first().click();
    await page.getByLabel('Com’è andata').selectOption({ label: 'Adattata' });
    await page.getByRole('textbox', { name: 'Cosa è cambiato, cosa dovrebbero sapere gli altri' }).fill('Con la parrocchia al posto della scuola.');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Registra l’adozione' }).click();
    await page.getByRole('status').filter({ hasText: 'Adozione registrata.' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Adottata in un altro territorio' }).waitFor();
    await page.getByText('Con la parrocchia al posto della scuola.').waitFor();
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'practice-reader-desktop');
    // Readers do not decide on it.
    await expect(page.getByRole('button', { name: 'Archivia' }).count()).resolves.toBe(0);
    expect(unexpected(errors)).toEqual([]);
  });

  it('lets the coordinator archive it from its page, after confirming', async () => {
    const { page, errors } = await web.newPage({ viewport: 'phone' });
    await signedIn(page, REVIEWER, `/practices/${slugOf()}`);
    await page.getByRole('button', { name: 'Archivia' }).click();
    await page.getByText('Archiviarla? Resta leggibile, ma non si modifica più.').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Sì, archivia' }).click();
    await page.getByRole('status').filter({ hasText: 'Archiviata.' }).waitFor();
    await expect(page.getByRole('button', { name: 'Archivia' }).count()).resolves.toBe(0);
    expect(unexpected(errors)).toEqual([]);
  });

  it('keeps the text typed when the practice changed elsewhere, and saves it over the latest version', async () => {
    const token = await tokenOf(AUTHOR);
    const author = web.app.client.as(token);
    const { createPractice } = await author.data<{ createPractice: { practice: { id: string; slug: string; version: number } } }>(
      `mutation ($input: CreatePracticeInput!) { createPractice(input: $input) { practice { id slug version } } }`,
      { input: { title: 'Portierato sociale', kind: 'STORY' } },
    );
    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    await signedIn(page, AUTHOR, `/practices/${createPractice.practice.slug}/edit`);
    await field(page, /^Sintesi/).waitFor();
    // Someone else saves first, from another device.
    await author.data(`mutation ($input: UpdatePracticeInput!) { updatePractice(input: $input) { userErrors { code } } }`, {
      input: { practiceId: createPractice.practice.id, version: createPractice.practice.version, resources: 'Scritto altrove.' },
    });
    await field(page, /^Sintesi/).fill('Il portiere del palazzo conosce tutti.');
    await page.getByRole('status').filter({ hasText: 'la pratica è stata modificata altrove' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Carica l’ultima versione mantenendo il mio testo' }).click();
    await savedNow(page);
    await expect(field(page, /^Sintesi/).inputValue()).resolves.toBe('Il portiere del palazzo conosce tutti.');
    await expect(field(page, /^Risorse attivate/).inputValue()).resolves.toBe('Scritto altrove.');
    expect(unexpected(errors)).toEqual([]);
  });
});
