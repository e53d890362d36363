import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, expectNoMessageIds, hydrated, screenshot, signedIn, startWebE2E, unexpected, type WebE2E } from './support/web-e2e';

// Marco coordinates "Lombardia: welfare di comunità", placed in the region: he sees Lombardia's report.
const COORDINATOR = 'marco.bianchi@bottega.example';
// Chiara's communities have no territory: Lombardia's report is not hers.
const OTHER_COORDINATOR = 'chiara.colombo@bottega.example';

jest.setTimeout(120_000);

let web: WebE2E;

beforeAll(async () => {
  web = await startWebE2E();
}, 120_000);

afterAll(() => web?.close());

async function chooseLombardia(page: Page): Promise<void> {
  const scope = page.getByLabel('Territorio o comunità');
  await scope.locator('option', { hasText: 'Lombardia' }).first().waitFor({ state: 'attached' });
  await scope.selectOption({ label: 'Lombardia' });
  await page.getByRole('button', { name: 'Mostra il rapporto' }).click();
}

describe('the activity report', () => {
  it('sends a signed-out visitor to sign in, with the way back', async () => {
    const { page } = await web.newPage();
    await page.goto('/activity-report');
    await hydrated(page);
    await page.waitForURL(/\/sign-in\?next=%2Factivity-report$/);
  });

  it('shows a coordinator their territory’s figures as charts with tables, and the CSV', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    await signedIn(page, COORDINATOR, '/activity-report');
    await page.getByRole('heading', { level: 1, name: 'Rapporto di attività' }).waitFor();
    await chooseLombardia(page);
    await page.waitForURL(/territory=/);
    await page.getByRole('heading', { level: 2, name: /^Lombardia, dal / }).waitFor();

    for (const caption of ['Attività nel tempo: discussioni aperte e messaggi scritti', 'Quota di domande con una risposta accettata', 'Scambi tra pari svolti e partecipazione']) {
      const figure = page.locator('figure').filter({ has: page.locator('figcaption', { hasText: caption }) });
      await figure.locator('canvas').waitFor();
      await expect(figure.getByRole('table').count()).resolves.toBe(1);
    }
    // The tables carry the API's figures: a row per period, each with counts.
    const activity = page.getByRole('table', { name: 'Discussioni e messaggi per periodo' });
    await expect(activity.getByRole('row').count()).resolves.toBeGreaterThan(2);
    await expect(page.getByText('Persone attive').count()).resolves.toBe(1);
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'activity-report-desktop');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scarica i dati (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(';');
    expect(csv).toContain('Lombardia');
    expect(unexpected(errors)).toEqual([]);
  });

  it('reads on a phone, in English', async () => {
    const { page, errors } = await web.newPage({ viewport: 'phone', lang: 'en' });
    await signedIn(page, COORDINATOR, '/activity-report');
    const scope = page.getByLabel('Territory or community');
    await scope.locator('option', { hasText: 'Lombardia' }).first().waitFor({ state: 'attached' });
    await scope.selectOption({ label: 'Lombardia' });
    await page.getByLabel('Group by').selectOption('month');
    await page.getByRole('button', { name: 'Show the report' }).click();
    await page.getByRole('heading', { level: 2, name: /^Lombardia, / }).waitFor();
    await page.locator('figure canvas').first().waitFor();
    await expect(page.getByRole('table', { name: 'Threads and posts per period' }).count()).resolves.toBe(1);
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'activity-report-phone-en');
    expect(unexpected(errors)).toEqual([]);
  });

  it('tells a coordinator of elsewhere that the territory’s report is not theirs', async () => {
    const { page } = await web.newPage({ viewport: 'phone' });
    await signedIn(page, OTHER_COORDINATOR, '/activity-report');
    await chooseLombardia(page);
    await page.getByRole('alert').filter({ hasText: 'Non puoi vedere questo rapporto' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'activity-report-refused-phone');
  });
});
