import type { Locator, Page } from 'playwright-core';
import { until } from '@bottega/testing';
import { DEMO_PASSWORD, expectNoAxeViolations, expectNoMessageIds, screenshot, signedIn, startWebE2E, unexpected, type WebE2E } from './support/web-e2e';

// Giovani e partecipazione: Marco Bianchi coordinates it; Sara, Davide, Giulia, Luca and Anna are members.
const COMMUNITY = 'giovani-e-partecipazione';
const email = (name: string) => `${name}@bottega.example`;

jest.setTimeout(180_000);

let web: WebE2E;
let threadId = '';
let openingId = '';
let path = '';

beforeAll(async () => {
  web = await startWebE2E();
  // Sara asks a question, through the API as an app would.
  const token = await tokenOf('sara.esposito');
  const { community } = await web.app.client.data<{ community: { id: string } }>(`query ($slug: String!) { community(slug: $slug) { id } }`, { slug: COMMUNITY });
  const { startThread } = await web.app.client.as(token).data<{ startThread: { thread: { id: string; openingPost: { id: string } } } }>(
    `mutation ($input: StartThreadInput!) { startThread(input: $input) { thread { id openingPost { id } } userErrors { code } } }`,
    {
      input: {
        communityId: community.id,
        kind: 'QUESTION',
        title: 'Youth council: how do you keep teenagers coming after the first year?',
        body: 'Our youth council started with 25 teenagers and a year later **eight** still come. What worked for you?',
      },
    },
  );
  threadId = startThread.thread.id;
  openingId = startThread.thread.openingPost.id;
  path = `/threads/${threadId}`;
}, 180_000);

afterAll(() => web?.close());

async function tokenOf(name: string): Promise<string> {
  const { login } = await web.app.client.data<{ login: { session: { accessToken: string } } }>(
    `mutation ($input: LoginInput!) { login(input: $input) { session { accessToken } } }`,
    { input: { email: email(name), password: DEMO_PASSWORD } },
  );
  return login.session.accessToken;
}

async function replyAs(name: string, body: string): Promise<string> {
  const { replyToThread } = await web.app.client
    .as(await tokenOf(name))
    .data<{ replyToThread: { post: { id: string }; userErrors: unknown[] } }>(
      `mutation ($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { id } userErrors { code field } } }`,
      { input: { threadId, body } },
    );
  expect(replyToThread.userErrors).toEqual([]);
  return replyToThread.post.id;
}

const post = (page: Page, id: string): Locator => page.locator(`li[id="post-${id}"]`);
const postWith = (page: Page, text: string): Locator => page.locator('li.post').filter({ hasText: text });
const announced = (page: Page) => page.getByTestId('thread-announcer').textContent();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const focusVisible = (page: Page) => page.evaluate(() => document.activeElement?.matches(':focus-visible') ?? false);

async function checked(page: Page, name: string): Promise<void> {
  await expectNoMessageIds(page);
  await expectNoAxeViolations(page);
  await screenshot(page, name);
}

describe('thread interactions', () => {
  it('a practitioner replies with Markdown and a preview, quotes, reacts, edits and reads the history; another reply arrives live (English, phone)', async () => {
    const { page, errors } = await web.newPage({ viewport: 'phone', lang: 'en' });
    await signedIn(page, email('davide.russo'), path);
    const area = page.getByLabel('Your reply');
    await area.waitFor();
    await checked(page, 'thread-reply-phone-en');

    // Formatting from the toolbar wraps the selected words.
    await area.fill('Two things worked for us: a budget they decide on and meeting at school.');
    await area.evaluate((element: HTMLTextAreaElement) => element.setSelectionRange(element.value.indexOf('a budget'), element.value.indexOf(' they')));
    await page.getByRole('button', { name: 'Bold (Ctrl+B)' }).click();
    await expect(area.inputValue()).resolves.toBe('Two things worked for us: **a budget** they decide on and meeting at school.');

    // The preview is the API's rendering, announced politely.
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'Preview of what will be published' });
    await preview.locator('strong', { hasText: 'a budget' }).waitFor();
    await expect(preview.getAttribute('aria-live')).resolves.toBe('polite');
    await checked(page, 'thread-preview-phone-en');
    await page.getByRole('button', { name: 'Write' }).click();

    await page.getByRole('button', { name: 'Publish reply' }).click();
    const mine = postWith(page, 'Two things worked for us');
    await mine.locator('strong', { hasText: 'a budget' }).waitFor();
    await until(async () => (await announced(page)) === 'Your reply is published.', 'the reply announced', 10_000);
    await expect(area.inputValue()).resolves.toBe('');
    // Published once, though it also came back over the live subscription.
    await page.waitForTimeout(500);
    await expect(postWith(page, 'Two things worked for us').count()).resolves.toBe(1);

    // Quoting Sara's question puts the quote in the reply and the focus there.
    await post(page, openingId).getByRole('button', { name: 'Quote' }).click();
    await until(async () => (await focusedId(page)) === 'reply-body', 'focus in the reply', 5_000);
    await expect(area.inputValue()).resolves.toMatch(new RegExp(`^> \\[quote:${openingId}\\]\\n> Our youth council started with 25 teenagers`));
    await page.getByText('In reply to Sara Esposito.').waitFor();
    await area.press('End');
    await area.pressSequentially('Eight is a good core group.');
    await page.getByRole('button', { name: 'Publish reply' }).click();
    const quoting = postWith(page, 'Eight is a good core group.');
    await quoting.locator('blockquote').waitFor();
    await expect(quoting.locator('blockquote').textContent()).resolves.toContain('Sara Esposito');

    // Reactions are toggles with their counts.
    const like = post(page, openingId).getByRole('button', { name: /^Like/ });
    await expect(like.getAttribute('aria-pressed')).resolves.toBe('false');
    await like.click();
    await until(async () => (await like.getAttribute('aria-pressed')) === 'true', 'the like pressed', 10_000);
    await expect(like.textContent()).resolves.toBe('Like, 1');

    // Another member's reply arrives while the page is open.
    await page.locator('[data-live="on"]').waitFor({ state: 'attached' });
    await replyAs('luca.sala', 'In Lodi we pay the bus pass for those who come every month: attendance doubled.');
    await postWith(page, 'In Lodi we pay the bus pass').waitFor();
    await page.getByTestId('thread-announcer').filter({ hasText: 'New reply from Luca Sala' }).waitFor({ state: 'attached' });

    // Editing in place; the edited marker and the earlier versions for the author.
    await mine.getByRole('button', { name: 'Edit' }).click();
    const edit = mine.getByLabel('Edit your message');
    await edit.waitFor();
    await until(async () => (await edit.inputValue()).startsWith('Two things'), 'the source loaded', 10_000);
    await edit.fill('Two things worked for us: **a budget** they decide on, and meeting at school after lessons.');
    await mine.getByRole('button', { name: 'Save changes' }).click();
    await mine.getByText('after lessons').waitFor();
    await mine.getByText('edited', { exact: true }).waitFor();
    await mine.getByRole('button', { name: 'Earlier versions' }).click();
    const history = mine.getByRole('region', { name: 'Earlier versions' });
    await history.getByText('Version 2 (current)').waitFor();
    await expect(history.locator('.revision__source').nth(1).textContent()).resolves.toBe(
      'Two things worked for us: **a budget** they decide on and meeting at school.',
    );
    await checked(page, 'thread-history-phone-en');
    expect(unexpected(errors)).toEqual([]);
  });

  it('the asker accepts an answer, which comes first and is linked at the top, and reports a reply (Italian, desktop)', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    await signedIn(page, email('sara.esposito'), path);
    const luca = postWith(page, 'In Lodi we pay the bus pass');
    await luca.waitFor();
    // Only replies can be accepted, not the question itself.
    await expect(post(page, openingId).getByRole('button', { name: 'Accetta come risposta' }).count()).resolves.toBe(0);
    await luca.getByRole('button', { name: 'Accetta come risposta' }).click();
    await luca.getByText('Risposta accettata', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Vai alla risposta accettata' }).waitFor();
    await expect(page.locator('ol.posts:not(.posts--opening) > li').first().textContent()).resolves.toContain('In Lodi we pay the bus pass');
    await expect(page.locator('.thread__state').textContent()).resolves.toContain('Risolta');
    await checked(page, 'thread-accepted-desktop');

    // Reporting a reply, with a reason from the API's list, confirmed.
    const davide = postWith(page, 'Eight is a good core group.');
    await davide.getByRole('button', { name: 'Segnala' }).click();
    await davide.getByRole('button', { name: 'Invia la segnalazione' }).click();
    await davide.getByText('Scegli un motivo.').waitFor();
    await davide.getByLabel('Perché lo segnali?').selectOption('OFF_TOPIC');
    await davide.getByRole('button', { name: 'Invia la segnalazione' }).click();
    await davide.getByText('Grazie: la segnalazione è arrivata ai moderatori').waitFor();
    await checked(page, 'thread-flagged-desktop');
    expect(unexpected(errors)).toEqual([]);
  });

  it('replies with the keyboard alone, focus visible at every step (desktop)', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop', lang: 'en' });
    await signedIn(page, email('anna.ricci'), path);
    await page.getByLabel('Your reply').waitFor();
    await page.locator('body').focus();
    for (let step = 0; step < 300 && (await focusedId(page)) !== 'reply-body'; step++) await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('reply-body');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.type('We meet in the ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('library');
    await page.keyboard.press('End');
    await page.keyboard.type(' on Fridays.');
    // Back to the toolbar, Preview, then on to Publish.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Preview');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Preview of what will be published' }).locator('strong', { hasText: 'library' }).waitFor();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Write');
    await page.keyboard.press('Space');
    await page.getByLabel('Your reply').waitFor({ state: 'visible' });
    await page.keyboard.press('Tab');
    for (let step = 0; step < 10 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Publish reply'; step++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Publish reply');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    const reply = postWith(page, 'on Fridays.');
    await reply.locator('strong', { hasText: 'library' }).waitFor();
    // Focus moves to the new reply.
    await until(async () => (await focusedId(page)).startsWith('post-'), 'focus on the new reply', 5_000);
    const replyId = (await focusedId(page)).slice('post-'.length);

    // Deleting asks first, and Cancel is where focus lands.
    await reply.getByRole('button', { name: 'Delete' }).click();
    await reply.getByText('Delete this message?').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await checked(page, 'thread-delete-desktop-en');
    await reply.getByRole('button', { name: 'Yes, delete' }).click();
    await post(page, replyId).getByText('Message deleted.').waitFor();
    await expect(page.getByText('on Fridays.').count()).resolves.toBe(0);
    expect(unexpected(errors)).toEqual([]);
  });

  it('the coordinator pins and locks the thread; a member sees it closed and follows it (phone and desktop)', async () => {
    const coordinator = await web.newPage({ viewport: 'desktop' });
    await signedIn(coordinator.page, email('marco.bianchi'), path);
    const page = coordinator.page;
    await page.getByText('Gestisci la discussione').click();
    const pin = page.getByRole('button', { name: 'In evidenza' });
    await expect(pin.getAttribute('aria-pressed')).resolves.toBe('false');
    await pin.click();
    await until(async () => (await pin.getAttribute('aria-pressed')) === 'true', 'pinned', 10_000);
    await page.locator('.thread__state').getByText('In evidenza').waitFor();
    const lock = page.getByRole('button', { name: 'Chiusa alle risposte' });
    await lock.click();
    await until(async () => (await lock.getAttribute('aria-pressed')) === 'true', 'locked', 10_000);
    // The coordinator can still write, and is told the thread is closed to the others.
    await page.getByText('come coordinatore della comunità puoi ancora scrivere').waitFor();
    await page.getByRole('heading', { name: 'Sposta in un’altra comunità' }).waitFor();
    await checked(page, 'thread-coordinator-desktop');
    expect(unexpected(coordinator.errors)).toEqual([]);

    const member = await web.newPage({ viewport: 'phone' });
    await signedIn(member.page, email('giulia.marchetti'), path);
    await member.page.getByText('Questa discussione è chiusa alle risposte.').waitFor();
    await expect(member.page.getByLabel('La tua risposta').count()).resolves.toBe(0);
    await expect(member.page.getByText('Gestisci la discussione').count()).resolves.toBe(0);
    const follow = member.page.getByRole('button', { name: /^Segui/ });
    await expect(follow.getAttribute('aria-pressed')).resolves.toBe('false');
    await follow.click();
    await until(async () => (await follow.getAttribute('aria-pressed')) === 'true', 'following', 10_000);
    await checked(member.page, 'thread-locked-phone');
    expect(unexpected(member.errors)).toEqual([]);

    // The coordinator gives the thread its themes, then moves it to the other community he runs.
    await page.getByLabel('Temi', { exact: true }).fill('consulta giovani, partecipazione');
    await page.getByRole('button', { name: 'Salva titolo e temi' }).click();
    await page.getByRole('list', { name: 'Territori e temi' }).getByRole('link', { name: 'consulta-giovani' }).waitFor();
    await page.getByLabel('Sposta in', { exact: true }).selectOption({ label: 'Lombardia: welfare di comunità' });
    await page.getByRole('button', { name: 'Sposta la discussione' }).click();
    await page.getByRole('main').getByRole('link', { name: 'Lombardia: welfare di comunità' }).first().waitFor();
    await until(async () => (await announced(page)) === 'Discussione spostata in Lombardia: welfare di comunità.', 'the move announced', 10_000);
    await checked(page, 'thread-moved-desktop');
    expect(unexpected(coordinator.errors)).toEqual([]);
  });
});
