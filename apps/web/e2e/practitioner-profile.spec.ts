import type { Page } from 'playwright-core';
import { until } from '@bottega/testing';
import { DEMO_PASSWORD, expectNoAxeViolations, expectNoMessageIds, hydrated, screenshot, signedIn, startWebE2E, unexpected, type WebE2E } from './support/web-e2e';

const SARA = 'sara.esposito@bottega.example';
const MARCO = 'marco.bianchi@bottega.example';
const CHIARA = 'chiara.colombo@bottega.example';
const TAG = 'raccolta-fondi';

jest.setTimeout(180_000);

let web: WebE2E;
/** The skill Sara adds, with its labels in both languages. */
let skill: { id: string; it: string; en: string };
let crowdfunding: string;

beforeAll(async () => {
  web = await startWebE2E();
  const { it } = await web.app.client.data<{ it: { id: string; key: string; label: string }[] }>(`{ it: skills(lang: IT) { id key label } }`);
  const { en } = await web.app.client.data<{ en: { id: string; key: string; label: string }[] }>(`{ en: skills(lang: EN) { id key label } }`);
  const grant = it.find((candidate) => candidate.key === 'grant-writing')!;
  skill = { id: grant.id, it: grant.label, en: en.find((candidate) => candidate.key === 'grant-writing')!.label };
  crowdfunding = it.find((candidate) => candidate.key === 'crowdfunding')!.id;
}, 120_000);

afterAll(() => web?.close());

async function tokenOf(email: string): Promise<string> {
  const { login } = await web.app.client.data<{ login: { session: { accessToken: string } } }>(
    `mutation ($input: LoginInput!) { login(input: $input) { session { accessToken } } }`,
    { input: { email, password: DEMO_PASSWORD } },
  );
  return login.session.accessToken;
}

/** Chiara starts a thread in a public community Sara reads, as an app would, through the API. */
async function startThreadAs(email: string, title: string, about: { tags?: string[]; territoryCodes?: string[] }): Promise<string> {
  const as = web.app.client.as(await tokenOf(email));
  const { community } = await as.data<{ community: { id: string } }>(`{ community(slug: "anziani-e-comunita") { id } }`);
  const territoryIds: string[] = [];
  for (const code of about.territoryCodes ?? []) {
    const { territory } = await as.data<{ territory: { id: string } }>(`query ($code: String!) { territory(code: $code) { id } }`, { code });
    territoryIds.push(territory.id);
  }
  const { startThread } = await as.data<{ startThread: { thread: { id: string } | null; userErrors: unknown[] } }>(
    `mutation ($input: StartThreadInput!) { startThread(input: $input) { thread { id } userErrors { code field } } }`,
    {
      input: {
        communityId: community.id,
        kind: 'DISCUSSION',
        title,
        body: 'Vi racconto come abbiamo organizzato la raccolta fondi del quartiere: chi ha esperienze simili?',
        tags: about.tags ?? [],
        territoryIds,
      },
    },
  );
  expect(startThread.userErrors).toEqual([]);
  return startThread.thread!.id;
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return { id: element?.id ?? '', text: element?.textContent ?? '', type: element?.getAttribute('type') ?? '', visible: element?.matches(':focus-visible') ?? false };
  });

/** Presses Tab (only Tab) until the focused element is the one wanted. */
async function tabTo(page: Page, wanted: (element: Awaited<ReturnType<typeof focused>>) => boolean, what: string): Promise<void> {
  for (let step = 0; step < 60; step++) {
    const now = await focused(page);
    if (wanted(now)) {
      expect(now.visible).toBe(true);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}

const unreadOf = async (page: Page): Promise<number> => {
  const label = (await page.getByRole('banner').getByRole('link', { name: /^Notifiche, / }).getAttribute('aria-label')) ?? '';
  const count = /Notifiche, (\d+) da leggere/.exec(label)?.[1];
  return count ? Number(count) : 0;
};

describe('a practitioner’s profile, follows and notifications', () => {
  it('edits the profile with the keyboard alone, in English at desktop width', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop', lang: 'en' });
    await signedIn(page, SARA, '/settings/profile');
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await page.locator('#profile-displayName').waitFor();
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'profile-edit-desktop-en');

    await page.locator('body').focus();
    await tabTo(page, (element) => element.id === 'profile-displayName', 'the name');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Sara M. Esposito');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('profile-bio');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Fundraiser in Scampia, Naples: regular donors, legacies and **civic crowdfunding** for the third sector.');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('profile-avatarUrl');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('http://media.example/sara.jpg');

    // A mistake is named next to its field, and focus goes there.
    await tabTo(page, (element) => element.text === 'Save the profile', 'the save button');
    await page.keyboard.press('Enter');
    await page.locator('#profile-avatarUrl-error').waitFor();
    await expect(page.locator('#profile-avatarUrl-error').textContent()).resolves.toBe('Write an address starting with https://.');
    expect((await focused(page)).id).toBe('profile-avatarUrl');
    await expect(page.locator('#profile-avatarUrl').getAttribute('aria-describedby')).resolves.toContain('profile-avatarUrl-error');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('https://media.bottega.example/avatars/sara-esposito.jpg');

    // A territory is found by its name and added with Enter.
    await tabTo(page, (element) => element.type === 'search', 'the territory search');
    await page.keyboard.type('Berg');
    await page.getByRole('button', { name: 'Add Bergamo' }).waitFor();
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Add Bergamo (province)');
    await page.keyboard.press('Enter');
    await page.getByText('Bergamo added.').waitFor();
    expect((await focused(page)).type).toBe('search');

    await tabTo(page, (element) => element.text === 'Save the profile', 'the save button');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Profile saved.' }).waitFor();
    await expectNoAxeViolations(page);

    // The public profile shows it.
    await page.goto('/u/sara-esposito');
    await hydrated(page);
    await page.getByRole('heading', { level: 1, name: 'Sara M. Esposito' }).waitFor();
    await expect(page.locator('main strong').filter({ hasText: 'civic crowdfunding' }).count()).resolves.toBe(1);
    await page.getByRole('link', { name: 'Bergamo' }).waitFor();
    await page.getByRole('link', { name: 'Edit your profile' }).waitFor();
    expect(unexpected(errors)).toEqual([]);
  });

  it('edits the competences: a skill listed twice is refused, a new one is saved, kept ones keep their endorsements', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop', lang: 'en' });
    await signedIn(page, SARA, '/settings/profile');
    const editor = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Your competences' }) });
    await editor.locator('select[id$="-skill"]').first().waitFor();
    const rows = editor.locator('fieldset.competence-row');
    const before = await rows.count();
    await expect(rows.first().getByText('Endorsed by 3 people').count()).resolves.toBe(1);

    await editor.getByRole('button', { name: 'Add a competence' }).click();
    await expect(rows.count()).resolves.toBe(before + 1);
    const added = rows.last();
    await added.getByLabel('Competence', { exact: true }).selectOption(crowdfunding);
    await editor.getByRole('button', { name: 'Save the competences' }).click();
    await added.getByText('This competence is already in the list.').waitFor();
    await expect(added.getByLabel('Competence', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');

    await added.getByLabel('Competence', { exact: true }).selectOption(skill.id);
    await added.getByLabel('Level').selectOption('EXPERIENCED');
    await added.getByLabel('What shows it').fill('Three foundation calls won for the neighbourhood market and the summer workshops.');
    // Its place in the list is chosen with buttons; focus stays with the competence moved.
    await editor.getByRole('button', { name: `Move up ${skill.en}` }).click();
    await editor.getByText(`${skill.en} is now in place ${before}: save to confirm.`).waitFor();
    await expect(rows.nth(before - 1).locator('legend').textContent()).resolves.toBe(skill.en);
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^competence-move-(up|down)-/);
    await editor.getByRole('button', { name: 'Save the competences' }).click();
    await editor.getByRole('status').filter({ hasText: `Competences saved: ${before + 1}.` }).waitFor();
    await expect(rows.nth(before - 1).locator('legend').textContent()).resolves.toBe(skill.en);
    await expect(rows.nth(before - 1).getByLabel('What shows it').inputValue()).resolves.toBe('Three foundation calls won for the neighbourhood market and the summer workshops.');
    await expect(rows.first().getByText('Endorsed by 3 people').count()).resolves.toBe(1);
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'competences-desktop-en');

    await page.goto('/u/sara-esposito');
    await hydrated(page);
    await page.getByRole('heading', { level: 4, name: new RegExp(`^(${skill.en}|${skill.it})$`) }).waitFor();
    await page.getByText('Three foundation calls won for the neighbourhood market and the summer workshops.').waitFor();
    expect(unexpected(errors)).toEqual([]);
  });

  it('lets another person endorse the new competence, and withdraw', async () => {
    const { page, errors } = await web.newPage({ viewport: 'phone' });
    await signedIn(page, MARCO, '/u/sara-esposito');
    const card = page.locator('li.card').filter({ has: page.getByRole('heading', { level: 4, name: skill.it }) });
    const endorse = card.getByRole('button', { name: `Confermo ${skill.it}` });
    await endorse.waitFor();
    await expect(endorse.getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(card.getByText('Nessuna conferma').count()).resolves.toBe(1);
    await endorse.click();
    await until(async () => (await endorse.getAttribute('aria-pressed')) === 'true', 'the endorsement recorded', 10_000);
    await card.getByText(/Confermata da una persona/).waitFor();
    await card.getByRole('link', { name: 'Marco Bianchi' }).waitFor();
    await expect(card.locator('[aria-live="polite"]').textContent()).resolves.toContain('Hai confermato');
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'endorse-phone');
    await endorse.click();
    await until(async () => (await endorse.getAttribute('aria-pressed')) === 'false', 'the endorsement withdrawn', 10_000);
    await card.getByText('Nessuna conferma').waitFor();
    await expect(card.locator('[aria-live="polite"]').textContent()).resolves.toContain('Hai ritirato');
    // A person never endorses their own competences: Sara sees no such button on her profile.
    expect(unexpected(errors)).toEqual([]);

    const own = await web.newPage({ viewport: 'phone' });
    await signedIn(own.page, SARA, '/u/sara-esposito');
    await own.page.getByRole('link', { name: 'Modifica il tuo profilo' }).waitFor();
    await own.page.locator('li.card').first().waitFor();
    await expect(own.page.getByRole('button', { name: /^Confermo / }).count()).resolves.toBe(0);
  });

  it('follows a territory and a tag, hears of new threads there, reads and marks the notifications', async () => {
    const { page, errors } = await web.newPage({ viewport: 'phone' });
    await signedIn(page, SARA, '/territories/IT-NA');
    const followTerritory = page.getByRole('button', { name: 'Segui Napoli' });
    await until(async () => (await followTerritory.count()) === 1 && (await followTerritory.isEnabled()), 'the follow button ready', 10_000);
    await expect(followTerritory.getAttribute('aria-pressed')).resolves.toBe('false');
    await followTerritory.click();
    await until(async () => (await followTerritory.getAttribute('aria-pressed')) === 'true', 'the territory followed', 10_000);
    await page.getByText('Ora segui Napoli: riceverai una notifica per le novità.').waitFor();
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);

    await page.goto(`/tags/${TAG}`);
    await hydrated(page);
    await page.getByRole('heading', { level: 1, name: `#${TAG}` }).waitFor();
    const followTag = page.getByRole('button', { name: `Segui #${TAG}` });
    await until(async () => (await followTag.count()) === 1 && (await followTag.isEnabled()), 'the follow button ready', 10_000);
    await followTag.click();
    await until(async () => (await followTag.getAttribute('aria-pressed')) === 'true', 'the tag followed', 10_000);
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'tag-phone');

    // Both are listed among what she follows.
    await page.goto('/settings/follows');
    await hydrated(page);
    await page.getByRole('link', { name: 'Napoli' }).waitFor();
    await page.getByRole('link', { name: `#${TAG}` }).waitFor();
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);

    // New threads there, started by someone else, reach her badge live.
    const before = await unreadOf(page);
    const aboutNaples = 'Un fondo di quartiere a Napoli: come siamo partiti';
    const aboutTag = 'Lasciti solidali: come parlarne ai donatori';
    await startThreadAs(CHIARA, aboutNaples, { territoryCodes: ['IT-NA-NAPOLI'] });
    await startThreadAs(CHIARA, aboutTag, { tags: [TAG] });
    await until(async () => (await unreadOf(page)) === before + 2, 'two more unread notifications', 15_000);

    await page.getByRole('banner').getByRole('link', { name: /^Notifiche, / }).click();
    await page.waitForURL('**/notifications');
    await page.getByRole('link', { name: aboutNaples }).waitFor();
    await page.getByRole('link', { name: aboutTag }).waitFor();
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'notifications-followed-phone');

    const tagItem = page.locator('li.notification').filter({ has: page.getByRole('link', { name: aboutTag }) });
    await tagItem.getByRole('button', { name: /^Segna come letta/ }).click();
    await until(async () => (await unreadOf(page)) === before + 1, 'one notification read', 10_000);
    await page.getByText(`Segnata come letta: ${aboutTag}`).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id.startsWith('notification-'))).toBe(true);

    await page.getByRole('button', { name: 'Segna tutte come lette' }).click();
    await until(async () => (await unreadOf(page)) === 0, 'nothing unread', 10_000);
    await page.getByText('Nessuna notifica da leggere.').waitFor();
    await expectNoAxeViolations(page);

    // Each notification leads to its subject.
    await page.getByRole('link', { name: aboutNaples }).click();
    await page.waitForURL(/\/threads\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: aboutNaples }).waitFor();

    // And a follow stops from the list of follows.
    await page.goto('/settings/follows');
    await hydrated(page);
    const unfollow = page.getByRole('button', { name: `Segui #${TAG}` });
    await until(async () => (await unfollow.count()) === 1 && (await unfollow.getAttribute('aria-pressed')) === 'true', 'the tag listed as followed', 10_000);
    await unfollow.click();
    await until(async () => (await unfollow.getAttribute('aria-pressed')) === 'false', 'the tag no longer followed', 10_000);
    await page.getByText(`Non segui più #${TAG}.`).waitFor();
    expect(unexpected(errors)).toEqual([]);
  });

  it('sends a signed-out reader to sign in, to follow or to edit a profile', async () => {
    const { page } = await web.newPage({ viewport: 'desktop' });
    await page.goto(`/tags/${TAG}`);
    await hydrated(page);
    const link = page.getByRole('link', { name: `Accedi per seguire #${TAG}` });
    await link.waitFor();
    await expect(link.getAttribute('href')).resolves.toBe(`/sign-in?next=${encodeURIComponent(`/tags/${TAG}`)}`);
    await expectNoAxeViolations(page);
    await page.goto('/settings/profile');
    await page.waitForURL(/\/sign-in\?next=%2Fsettings%2Fprofile$/);
  });
});
