import { expectNoAxeViolations, expectNoMessageIds, headOf, hydrated, screenshot, startWebE2E, type WebE2E } from './support/web-e2e';

jest.setTimeout(60_000);

interface AdoptedPractice {
  slug: string;
  title: string;
  summary: string;
  adoptions: { totalCount: number; nodes: { territory: { name: string } | null; outcome: string }[] };
}

let web: WebE2E;
let practice: AdoptedPractice;

beforeAll(async () => {
  web = await startWebE2E();
  const { practices } = await web.app.client.data<{ practices: { nodes: AdoptedPractice[] } }>(
    `{ practices(first: 1, orderBy: MOST_ADOPTED, filter: { kind: PRACTICE }) {
        nodes { slug title summary adoptions(first: 50) { totalCount nodes { territory { name } outcome } } } } }`,
  );
  practice = practices.nodes[0]!;
  expect(practice.adoptions.totalCount).toBeGreaterThan(0);
}, 120_000);

afterAll(() => web?.close());

describe('the home page', () => {
  it('is complete without JavaScript, in Italian, with its title, description, canonical URL and Open Graph tags', async () => {
    const { page } = await web.newPage({ viewport: 'phone', javaScript: false });
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toContain('text/html');
    const head = await headOf(page);
    expect(head).toMatchObject({
      lang: 'it',
      title: 'Bottega · pratiche e scambi di welfare di comunità',
      canonical: `${web.baseUrl}/`,
      og: expect.objectContaining({ 'og:type': 'website', 'og:url': `${web.baseUrl}/`, 'og:title': head.title }),
    });
    expect(head.description).toMatch(/Pratiche che hanno funzionato/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Che cosa è già stato provato, dove, da chi');
    for (const section of ['Pratiche recenti', 'Storie', 'Domande attive', 'Prossimi scambi tra pari', 'Territori']) {
      await expect(page.getByRole('heading', { level: 2, name: section }).count()).resolves.toBe(1);
    }
    // The demo's content, not placeholders: the newest practices link to their pages.
    await expect(page.locator('main a[href^="/practices/"]').count()).resolves.toBeGreaterThanOrEqual(6);
    await expect(page.locator('section[aria-labelledby="home-territories"] h3').getByRole('link', { name: 'Lombardia' }).count()).resolves.toBe(1);
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'home-phone-no-js');
  });

  it('hydrates without errors, opens a practice in the browser and switches to English in place', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    await page.goto('/');
    await hydrated(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'home-desktop');

    await page.getByRole('link', { name: 'Read in English' }).click();
    await page.getByRole('heading', { level: 1, name: 'What was already tried, where, by whom' }).waitFor();
    expect(await headOf(page)).toMatchObject({ lang: 'en', title: 'Bottega · community welfare practices and exchanges' });
    expect(await page.context().cookies()).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'lang', value: 'en' })]));
    await expectNoAxeViolations(page);

    // A client-side navigation runs the practice route's loader in the browser.
    const link = page.locator('main a[href^="/practices/"]').first();
    const title = (await link.textContent()) ?? '';
    await link.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(page.url()).toMatch(/\/practices\/[a-z0-9-]+$/);
    expect(await page.title()).toBe(`${title} · Bottega`);
    expect(errors).toEqual([]);
  });

  it('is rendered on the server in the language the reader chose before', async () => {
    const { page } = await web.newPage({ javaScript: false, lang: 'en' });
    await page.goto('/');
    expect(await headOf(page)).toMatchObject({ lang: 'en', title: 'Bottega · community welfare practices and exchanges' });
    await expect(page.getByRole('link', { name: 'Leggi in italiano' }).count()).resolves.toBe(1);
  });

  it('switches language without JavaScript through the server, back to the same page', async () => {
    const { page } = await web.newPage({ javaScript: false });
    await page.goto(`/practices/${practice.slug}`);
    await page.getByRole('link', { name: 'Read in English' }).click();
    await page.waitForURL(`**/practices/${practice.slug}`);
    expect((await headOf(page)).lang).toBe('en');
    await expect(page.getByRole('heading', { level: 2, name: 'The need' }).count()).resolves.toBe(1);
  });
});

describe('the practice page', () => {
  it('is complete without JavaScript, with its adoptions and the tags of an article', async () => {
    const { page } = await web.newPage({ viewport: 'phone', javaScript: false });
    const response = await page.goto(`/practices/${practice.slug}`);
    expect(response?.status()).toBe(200);
    const head = await headOf(page);
    expect(head).toMatchObject({
      lang: 'it',
      title: `${practice.title} · Bottega`,
      description: practice.summary,
      canonical: `${web.baseUrl}/practices/${practice.slug}`,
      og: expect.objectContaining({ 'og:type': 'article', 'og:title': `${practice.title} · Bottega`, 'og:description': practice.summary }),
    });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(practice.title);
    await expect(page.getByRole('heading', { level: 2, name: 'Il bisogno' }).count()).resolves.toBe(1);
    const adoptions = page.locator('section[aria-labelledby="section-adoptions"] li');
    await expect(adoptions.count()).resolves.toBe(practice.adoptions.nodes.length);
    const place = practice.adoptions.nodes.find((adoption) => adoption.territory)?.territory?.name;
    if (place) await expect(adoptions.filter({ hasText: place }).count()).resolves.toBeGreaterThan(0);
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'practice-phone-no-js');
  });

  it('hydrates without console errors and passes axe at desktop width', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    await page.goto(`/practices/${practice.slug}`);
    await hydrated(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'practice-desktop');
    expect(errors).toEqual([]);
  });
});

describe('pages that do not exist', () => {
  it.each(['/practices/no-such-practice', '/no/such/page'])('%s answers 404 with a real page', async (path) => {
    const { page } = await web.newPage({ javaScript: false });
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    expect(await page.title()).toBe('Pagina non trovata · Bottega');
    await expect(page.getByRole('link', { name: 'Torna alla home' }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
  });

  it('leave the API routes to the API', async () => {
    const health = await fetch(`${web.baseUrl}/health/live`);
    expect(health.status).toBe(200);
    expect(health.headers.get('content-type')).not.toContain('text/html');
    const graphql = await fetch(`${web.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('keep the language switch on this site', async () => {
    for (const next of ['//elsewhere.example/', 'https://elsewhere.example/', '/\\elsewhere.example']) {
      const response = await fetch(`${web.baseUrl}/lang/en?next=${encodeURIComponent(next)}`, { redirect: 'manual' });
      expect({ next, status: response.status, location: response.headers.get('location') }).toEqual({ next, status: 303, location: '/' });
    }
    const back = await fetch(`${web.baseUrl}/lang/en?next=${encodeURIComponent('/practices/x?y=1')}`, { redirect: 'manual' });
    expect(back.headers.get('location')).toBe('/practices/x?y=1');
    expect(back.headers.get('set-cookie')).toBe('lang=en; Path=/; Max-Age=31536000; SameSite=Lax');
  });

  it('serve the built files with long cache headers, compressed', async () => {
    const html = await (await fetch(`${web.baseUrl}/`)).text();
    const script = /<script type="module" src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const response = await fetch(`${web.baseUrl}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect((await fetch(`${web.baseUrl}/assets/missing.js`)).status).toBe(404);
  });
});
