import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, expectNoAxeViolations, expectNoMessageIds, hydrated, screenshot, signedIn, startWebE2E, unexpected, type WebE2E } from './support/web-e2e';

const MODERATOR = 'moderatore@bottega.example';
const MEMBER = 'anna.ricci@bottega.example';

jest.setTimeout(120_000);

let web: WebE2E;

interface FlaggedPost {
  id: string;
  threadTitle: string;
}

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

/** Flags the `index`th reply of a public thread as two members, so it enters the moderation queue. */
async function flagAReply(index: number): Promise<FlaggedPost> {
  const anna = web.app.client.as(await tokenOf(MEMBER));
  const { community } = await anna.data<{ community: { id: string } }>(`{ community(slug: "anziani-e-comunita") { id } }`);
  const { threads } = await anna.data<{ threads: { nodes: { title: string; posts: { nodes: { id: string; author: { handle: string } | null }[] } }[] } }>(
    `query ($community: ID!) { threads(first: 10, filter: { community: $community }) { nodes { title posts(first: 10) { nodes { id author { handle } } } } } }`,
    { community: community.id },
  );
  const candidates = threads.nodes.flatMap((thread) =>
    thread.posts.nodes.slice(1).filter((post) => post.author && !['anna-ricci', 'sara-esposito'].includes(post.author.handle)).map((post) => ({ id: post.id, threadTitle: thread.title })),
  );
  const post = candidates[index]!;
  for (const [email, reason] of [
    [MEMBER, 'SPAM'],
    ['sara.esposito@bottega.example', 'OFF_TOPIC'],
  ] as const) {
    const as = web.app.client.as(await tokenOf(email));
    const { flagContent } = await as.data<{ flagContent: { userErrors: unknown[] } }>(
      `mutation ($input: FlagContentInput!) { flagContent(input: $input) { flag { id } userErrors { code field } } }`,
      { input: { subjectId: post.id, reason, note: 'Pubblicità di un servizio a pagamento' } },
    );
    expect(flagContent.userErrors).toEqual([]);
  }
  return post;
}

function caseOf(page: Page, threadTitle: string) {
  return page.locator('li.case').filter({ has: page.getByRole('heading', { level: 2, name: threadTitle }) });
}

describe('moderation', () => {
  it('sends a signed-out visitor to sign in, with the way back', async () => {
    const { page } = await web.newPage();
    await page.goto('/moderation');
    await hydrated(page);
    await page.waitForURL(/\/sign-in\?next=%2Fmoderation$/);
  });

  it('lets the moderator decide on a flagged post: it leaves the queue and the decision is in the audit log', async () => {
    const post = await flagAReply(0);
    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    await signedIn(page, MODERATOR, '/moderation');
    await page.getByRole('heading', { level: 1, name: 'Segnalazioni' }).waitFor();
    const item = caseOf(page, post.threadTitle).first();
    await item.waitFor();
    await expect(item.getByText('Spam o pubblicità: 1').count()).resolves.toBe(1);
    await expect(item.getByText('Fuori tema: 1').count()).resolves.toBe(1);
    await expect(item.getByText(/2 segnalazioni, 2 in attesa/).count()).resolves.toBe(1);
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'moderation-queue-desktop');

    // Too short a reason: the API's error, in Italian, next to the reason field.
    await item.getByRole('radio', { name: 'Nascondi' }).check();
    await item.getByLabel('Motivo').fill('x');
    await item.getByRole('button', { name: 'Registra la decisione' }).click();
    await item.getByText('Troppo corto: almeno 3 caratteri.').waitFor();
    await expect(item.getByLabel('Motivo').getAttribute('aria-invalid')).resolves.toBe('true');

    // The reason being typed survives a reload.
    await item.getByLabel('Motivo').fill('Promozione commerciale non richiesta');
    await page.reload();
    await hydrated(page);
    await item.waitFor();
    await expect(item.getByLabel('Motivo').inputValue()).resolves.toBe('Promozione commerciale non richiesta');
    await item.getByRole('radio', { name: 'Nascondi' }).check();
    await item.getByRole('button', { name: 'Registra la decisione' }).click();
    await page.getByRole('status').filter({ hasText: 'Decisione registrata: Nascondi.' }).waitFor();
    await caseOf(page, post.threadTitle).waitFor({ state: 'detached' });

    await page.getByRole('navigation', { name: 'Strumenti di moderazione' }).getByRole('link', { name: 'Registro delle azioni' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registro delle azioni' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Promozione commerciale non richiesta' });
    await row.waitFor();
    await expect(row.getByRole('cell', { name: 'Nascosto', exact: true }).count()).resolves.toBe(1);
    await expect(row.getByRole('cell', { name: 'Paolo Moderatore' }).count()).resolves.toBe(1);
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'moderation-audit-desktop');

    // Filtered by who acted.
    await page.getByLabel('Chi ha agito (nome utente)').fill('paolo');
    await page.getByRole('button', { name: 'Applica' }).click();
    await page.waitForURL(/actor=paolo/);
    await row.waitFor();
    expect(unexpected(errors)).toEqual([]);
  });

  it('takes a decision with the keyboard alone, on a phone', async () => {
    const post = await flagAReply(1);
    const { page, errors } = await web.newPage({ viewport: 'phone' });
    await signedIn(page, MODERATOR, '/moderation');
    const item = caseOf(page, post.threadTitle).first();
    await item.waitFor();
    await screenshot(page, 'moderation-queue-phone');
    const radio = item.getByRole('radio', { name: 'Archivia le segnalazioni (resta visibile)' });
    for (let presses = 0; presses < 80 && !(await radio.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press('Tab');
    await expect(radio.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Segnalazioni non fondate');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Decisione registrata: Archivia le segnalazioni' }).waitFor();
    await caseOf(page, post.threadTitle).waitFor({ state: 'detached' });
    await expectNoAxeViolations(page);
    expect(unexpected(errors)).toEqual([]);
  });

  it('suspends a member for a week and lifts the suspension', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    await signedIn(page, MODERATOR, '/moderation/suspensions');
    await page.getByRole('heading', { level: 1, name: 'Sospensioni' }).waitFor();
    await page.getByLabel('Nome utente').fill('roberto-fontana');
    await page.getByRole('button', { name: 'Cerca' }).click();
    await page.getByText('L’account è attivo.').waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Durata').selectOption({ label: '7 giorni' });
    await page.getByLabel('Motivo').fill('Messaggi offensivi ripetuti');
    await page.getByRole('button', { name: 'Sospendi' }).click();
    await page.getByRole('status').filter({ hasText: 'Roberto Fontana è sospeso.' }).waitFor();
    await page.getByText(/^Sospeso dal .*, fino al /).waitFor();
    const listed = page.getByRole('region', { name: 'Sospensioni in corso' }).getByRole('row').filter({ hasText: 'Messaggi offensivi ripetuti' });
    await listed.waitFor();
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'moderation-suspensions-desktop');

    await page.getByLabel('Motivo').fill('Chiarito con la persona');
    await page.getByRole('button', { name: 'Revoca' }).click();
    await page.getByRole('status').filter({ hasText: 'La sospensione di Roberto Fontana è revocata.' }).waitFor();
    await page.getByText('L’account è attivo.').waitFor();
    await listed.waitFor({ state: 'detached' });

    const { page: phone } = await web.newPage({ viewport: 'phone' });
    await signedIn(phone, MODERATOR, '/moderation/suspensions?user=roberto-fontana');
    await phone.getByText('L’account è attivo.').waitFor();
    await screenshot(phone, 'moderation-suspensions-phone');
    expect(unexpected(errors)).toEqual([]);
  });

  it('refuses a member without the role clearly', async () => {
    const { page } = await web.newPage({ viewport: 'phone' });
    await signedIn(page, MEMBER, '/moderation/audit');
    await page.getByRole('alert').filter({ hasText: 'Questa pagina non è per il tuo account' }).waitFor();
    await expect(page.getByRole('table').count()).resolves.toBe(0);
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'moderation-refused-phone');
  });
});
