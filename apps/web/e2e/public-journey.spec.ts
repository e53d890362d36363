import { expectNoAxeViolations, expectNoMessageIds, headOf, hydrated, screenshot, startWebE2E, type WebE2E } from './support/web-e2e';

jest.setTimeout(90_000);

const PASSWORD = 'bottega-demo-2026';

interface ThreadInfo {
  id: string;
  title: string;
  community: { slug: string; name: string };
  acceptedAnswer: { id: string } | null;
  posts: { nodes: { id: string; author: { handle: string; displayName: string } | null }[] };
}

let web: WebE2E;

/**
 * Console errors but the anonymous reader's session check: the browser asks /session/refresh
 * whether a session cookie is there, and an anonymous reader's answer is a 401.
 */
const pageErrors = (errors: string[]) => errors.filter((error) => !/status of 401 \(Unauthorized\)/.test(error));
let thread: ThreadInfo;

async function signIn(email: string) {
  const { login } = await web.app.client.data<{ login: { session: { accessToken: string } } }>(
    `mutation($input: LoginInput!) { login(input: $input) { session { accessToken } userErrors { code } } }`,
    { input: { email, password: PASSWORD } },
  );
  return web.app.client.as(login.session.accessToken);
}

beforeAll(async () => {
  web = await startWebE2E();
  const { threads } = await web.app.client.data<{ threads: { nodes: ThreadInfo[] } }>(
    `{ threads(first: 10, filter: { kind: QUESTION, answered: true, locked: false }) {
        nodes { id title community { slug name } acceptedAnswer { id } posts(first: 30) { nodes { id author { handle displayName } } } } } }`,
  );
  thread = threads.nodes.find((candidate) => candidate.posts.nodes.length > 1)!;
  expect(thread).toBeDefined();
}, 120_000);

afterAll(() => web?.close());

describe('search', () => {
  it('without JavaScript: highlighted hits, facets as links, a province that narrows the results', async () => {
    const { page } = await web.newPage({ viewport: 'phone', javaScript: false });
    const response = await page.goto('/search?q=anziani+soli');
    expect(response?.status()).toBe(200);
    const head = await headOf(page);
    expect(head).toMatchObject({ lang: 'it', title: '«anziani soli» · Cerca · Bottega', canonical: `${web.baseUrl}/search?q=anziani+soli` });
    expect(head.description).toMatch(/pratiche/);
    await expect(page.locator('#search-q').inputValue()).resolves.toBe('anziani soli');
    const hits = page.locator('.search-hit');
    expect(await hits.count()).toBeGreaterThan(0);
    expect(await page.locator('.search-hit mark').count()).toBeGreaterThan(0);
    // Only <mark> comes through from the highlights.
    expect(await page.locator('.search-hit script, .search-hit img, .search-hit__snippet a').count()).toBe(0);
    const total = Number((await page.locator('.search-total').textContent())?.match(/\d+/)?.[0] ?? '1');

    const provinces = page.locator('#facet-territories + ul a[href*="territory=IT-"]');
    expect(await provinces.count()).toBeGreaterThan(0);
    const facet = provinces.last();
    const facetCount = Number((await facet.locator('.facet__count').textContent())?.replace(/\D/g, ''));
    await facet.click();
    await page.waitForURL(/territory=IT-/);
    const narrowed = Number((await page.locator('.search-total').textContent())?.match(/\d+/)?.[0] ?? '1');
    expect(narrowed).toBe(facetCount);
    expect(narrowed).toBeLessThanOrEqual(total);
    await expect(page.getByRole('link', { name: /Togli il filtro/ }).count()).resolves.toBe(1);
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'search-phone-no-js');
  });

  it('from the home page search box, with JavaScript, then by type, with axe at desktop width', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    await page.goto('/');
    await hydrated(page);
    await page.getByRole('searchbox', { name: 'Cerca pratiche, domande, persone e scambi' }).fill('anziani soli');
    await page.getByRole('button', { name: 'Cerca' }).click();
    await page.waitForURL('**/search?q=anziani+soli');
    await page.locator('.search-hit mark').first().waitFor();
    await page.locator('#facet-types + ul a[href*="type=practice"]').click();
    await page.waitForURL(/type=practice/);
    await page.getByRole('link', { name: 'Togli il filtro: Pratica' }).waitFor();
    const kinds = await page.locator('.search-hit .meta').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((kind) => /^(Pratica|Storia)/.test(kind))).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, 'search-desktop');
    expect(pageErrors(errors)).toEqual([]);
  });

  it('says so when nothing matches, and invites a search when nothing was asked', async () => {
    const { page } = await web.newPage({ javaScript: false });
    await page.goto('/search?q=zzqxjvw+kkpfgh');
    await expect(page.locator('.search-total').textContent()).resolves.toBe('Nessun risultato');
    await expect(page.getByText('Prova con parole diverse').count()).resolves.toBe(1);
    await page.goto('/search');
    await expect(page.locator('.search-total').count()).resolves.toBe(0);
    await expect(page.getByText('Scrivi poche parole').count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
  });
});

describe('a thread', () => {
  it('without JavaScript: title, community, the accepted answer marked, authors linking to their profiles', async () => {
    const { page } = await web.newPage({ viewport: 'phone', javaScript: false });
    const response = await page.goto(`/threads/${encodeURIComponent(thread.id)}`);
    expect(response?.status()).toBe(200);
    const head = await headOf(page);
    expect(head).toMatchObject({
      title: `${thread.title} · ${thread.community.name} · Bottega`,
      canonical: `${web.baseUrl}/threads/${encodeURIComponent(thread.id)}`,
      og: expect.objectContaining({ 'og:type': 'article' }),
    });
    expect(head.description?.length).toBeGreaterThan(10);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(thread.title);
    await expect(page.getByRole('link', { name: thread.community.name }).first().getAttribute('href')).resolves.toBe(`/communities/${thread.community.slug}`);
    await expect(page.locator('.post').count()).resolves.toBe(thread.posts.nodes.length);
    const accepted = page.locator(`[id="post-${thread.acceptedAnswer!.id}"]`);
    await expect(accepted.getAttribute('class')).resolves.toContain('post--accepted');
    await expect(accepted.getByText('Risposta accettata').count()).resolves.toBe(1);
    const author = thread.posts.nodes[0]!.author!;
    await expect(page.locator(`.post a[href="/u/${author.handle}"]`).first().textContent()).resolves.toBe(author.displayName);
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'thread-phone-no-js');
  });

  it('marks each post with the language it is written in, for screen readers', async () => {
    const { threads } = await web.app.client.data<{ threads: { nodes: { id: string; title: string; language: string; posts: { nodes: { id: string; language: string }[] } }[] } }>(
      `{ threads(first: 50) { nodes { id title language posts(first: 30) { nodes { id language } } } } }`,
    );
    // An Italian title over replies written in English, as the demo has.
    const mixed = threads.nodes.find(({ language, posts }) => posts.nodes.some((post) => post.language !== language));
    if (!mixed) throw new Error('the demo has no thread with posts in another language than its title');
    const { page } = await web.newPage({ viewport: 'desktop', javaScript: false });
    await page.goto(`/threads/${encodeURIComponent(mixed.id)}`);
    await expect(page.getByRole('heading', { level: 1 }).getAttribute('lang')).resolves.toBe(mixed.language);
    for (const post of mixed.posts.nodes) {
      await expect(page.locator(`[id="post-${post.id}"] .post__body`).getAttribute('lang')).resolves.toBe(post.language);
    }
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('it');
  });

  it('shows a reply posted by someone else while it is open, once, and announces it', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    await page.goto(`/threads/${encodeURIComponent(thread.id)}`);
    await hydrated(page);
    await page.locator('[data-live="on"]').waitFor({ state: 'attached' });
    const before = await page.locator('.post').count();
    // The subscription starts after hydration; give graphql-ws a moment to be listening.
    await page.waitForTimeout(1000);
    const other = await signIn('roberto.fontana@bottega.example');
    const { replyToThread } = await other.data<{ replyToThread: { post: { id: string }; userErrors: unknown[] } }>(
      `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { id } userErrors { code } } }`,
      { input: { threadId: thread.id, body: 'Da noi ha funzionato con i **custodi sociali** di quartiere.' } },
    );
    expect(replyToThread.userErrors).toEqual([]);
    const reply = page.locator(`[id="post-${replyToThread.post.id}"]`);
    await reply.waitFor();
    await expect(reply.locator('strong').textContent()).resolves.toBe('custodi sociali');
    await expect(page.locator('.post').count()).resolves.toBe(before + 1);
    await page.getByTestId('thread-announcer').filter({ hasText: 'Nuova risposta di Roberto Fontana' }).waitFor({ state: 'attached' });
    await expectNoAxeViolations(page);
    await screenshot(page, 'thread-desktop');
    expect(pageErrors(errors)).toEqual([]);

    // A post's permanent link leads to its thread, at the post.
    const redirect = await fetch(`${web.baseUrl}/p/${encodeURIComponent(replyToThread.post.id)}`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe(`/threads/${encodeURIComponent(thread.id)}#post-${encodeURIComponent(replyToThread.post.id)}`);
  });
});

interface PageCase {
  name: string;
  path: () => string;
  title: () => string;
  heading: () => string;
  /** Something the page shows from the API's data, beyond its title. */
  shows: () => string;
}

let profile: { handle: string; displayName: string; skill: string };
let exchange: { id: string; title: string; territory: string; hosts: { handle: string }[] };

const PAGES: PageCase[] = [
  {
    name: 'community',
    path: () => `/communities/${thread.community.slug}`,
    title: () => `${thread.community.name} · Bottega`,
    heading: () => thread.community.name,
    shows: () => thread.title,
  },
  { name: 'profile', path: () => `/u/${profile.handle}`, title: () => `${profile.displayName} · Bottega`, heading: () => profile.displayName, shows: () => profile.skill },
  {
    name: 'exchange',
    path: () => `/peer-exchanges/${encodeURIComponent(exchange.id)}`,
    title: () => `${exchange.title} · Bottega`,
    heading: () => exchange.title,
    shows: () => exchange.territory,
  },
  { name: 'territory', path: () => '/territories/IT-MI', title: () => 'Milano · Bottega', heading: () => 'Milano', shows: () => 'Lombardia' },
];

describe('community, profile, peer exchange and territory pages', () => {
  beforeAll(async () => {
    const data = await web.app.client.data<{
      competenceProfiles: { nodes: { user: { handle: string; displayName: string }; competences: { skill: { label: string } }[] }[] };
      peerExchanges: { nodes: { id: string; title: string; hostTerritory: { name: string }; hosts: { handle: string }[] }[] };
    }>(
      `{ competenceProfiles(first: 5) { nodes { user { handle displayName } competences { skill { label } } } }
         peerExchanges(first: 1, filter: { statuses: [COMPLETED] }) { nodes { id title hostTerritory { name } hosts { handle } } } }`,
    );
    const person = data.competenceProfiles.nodes.find((node) => node.competences.length > 0)!;
    profile = { handle: person.user.handle, displayName: person.user.displayName, skill: person.competences[0]!.skill.label };
    const completed = data.peerExchanges.nodes[0]!;
    exchange = { id: completed.id, title: completed.title, territory: completed.hostTerritory.name, hosts: completed.hosts };
  });

  it.each(PAGES.map((page) => [page.name, page] as const))('the %s page is complete without JavaScript, with its head and no axe violation', async (name, spec) => {
    const { page } = await web.newPage({ viewport: 'phone', javaScript: false });
    const response = await page.goto(spec.path());
    expect(response?.status()).toBe(200);
    const head = await headOf(page);
    expect(head).toMatchObject({ lang: 'it', title: spec.title(), canonical: `${web.baseUrl}${spec.path()}` });
    expect(head.og['og:title']).toBe(spec.title());
    expect(head.description?.length).toBeGreaterThan(10);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(spec.heading());
    await expect(page.locator('main').getByText(spec.shows()).count()).resolves.toBeGreaterThan(0);
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, `${name}-phone-no-js`);
  });

  it('the community links to asking a question there, and the exchange to its calendar file', async () => {
    const { page } = await web.newPage({ javaScript: false });
    await page.goto(`/communities/${thread.community.slug}`);
    await expect(page.getByRole('link', { name: 'Fai una domanda a questa comunità' }).getAttribute('href')).resolves.toBe(`/communities/${thread.community.slug}/ask`);
    await page.goto(`/peer-exchanges/${encodeURIComponent(exchange.id)}`);
    const href = await page.getByRole('link', { name: /Aggiungi al calendario/ }).getAttribute('href');
    const ics = await fetch(`${web.baseUrl}${href}`);
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain(`SUMMARY:${exchange.title.slice(0, 20)}`);
  });

  it('the reading journey with JavaScript: practice, its adoptions, a thread, a profile, an exchange, hydrated without errors', async () => {
    const { page, errors } = await web.newPage({ viewport: 'desktop' });
    const { practices } = await web.app.client.data<{ practices: { nodes: { slug: string; title: string; adoptions: { nodes: { territory: { name: string } | null }[] } }[] } }>(
      `{ practices(first: 1, orderBy: MOST_ADOPTED, filter: { kind: PRACTICE }) { nodes { slug title adoptions(first: 5) { nodes { territory { name } } } } } }`,
    );
    const practice = practices.nodes[0]!;
    await page.goto(`/practices/${practice.slug}`);
    await hydrated(page);
    const place = practice.adoptions.nodes.find((adoption) => adoption.territory)?.territory?.name;
    if (place) await expect(page.locator('section[aria-labelledby="section-adoptions"]').getByText(place).count()).resolves.toBeGreaterThan(0);
    for (const spec of [PAGES[0]!, PAGES[1]!, PAGES[2]!, PAGES[3]!]) {
      await page.goto(spec.path());
      await hydrated(page);
      await page.getByRole('heading', { level: 1, name: spec.heading() }).waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, `${spec.name}-desktop`);
    }
    // A client-side navigation runs the exchange's loader in the browser.
    await page.goto(`/u/${exchange.hosts[0]!.handle}`);
    await hydrated(page);
    await page.locator(`main a[href="/peer-exchanges/${encodeURIComponent(exchange.id)}"]`).first().click();
    await page.getByRole('heading', { level: 1, name: exchange.title }).waitFor();
    expect(pageErrors(errors)).toEqual([]);
  });
});

describe('a story', () => {
  it('shows its pictures lazily with their alternative text, and its recordings with their transcripts', async () => {
    const { practices } = await web.app.client.data<{
      practices: { nodes: { slug: string; title: string; media: { kind: string; altText: string; transcript: string }[] }[] };
    }>(`{ practices(first: 30, filter: { kind: STORY }) { nodes { slug title media { kind altText transcript } } } }`);
    const story = practices.nodes.find((node) => node.media.some((media) => media.kind === 'VIDEO' || media.kind === 'AUDIO'))!;
    const { page } = await web.newPage({ viewport: 'phone', javaScript: false });
    expect((await page.goto(`/practices/${story.slug}`))?.status()).toBe(200);
    const section = page.locator('section[aria-labelledby="section-media"]');
    for (const media of story.media) {
      if (media.kind === 'IMAGE') {
        const image = section.locator(`img[alt="${media.altText.replace(/"/g, '\\"')}"]`);
        await expect(image.getAttribute('loading')).resolves.toBe('lazy');
      }
    }
    const recordings = story.media.filter((media) => media.kind === 'VIDEO' || media.kind === 'AUDIO');
    await expect(section.locator('audio[controls], video[controls]').count()).resolves.toBe(recordings.length);
    const transcripts = section.locator('details.transcript');
    await expect(transcripts.count()).resolves.toBe(recordings.filter((media) => media.transcript).length);
    await expect(transcripts.first().locator('summary').textContent()).resolves.toBe('Trascrizione');
    await expect(transcripts.first().locator('p').textContent()).resolves.toBe(recordings.find((media) => media.transcript)!.transcript);
    await expectNoMessageIds(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'story-phone-no-js');
  });
});

describe('unknown ids', () => {
  it.each(['/threads/nope', '/p/nope', '/u/nobody-here', '/communities/nope', '/peer-exchanges/nope', '/territories/XX-NOPE'])('%s answers 404 with a real page', async (path) => {
    const { page } = await web.newPage({ javaScript: false });
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    expect(await page.title()).toBe('Pagina non trovata · Bottega');
  });
});
