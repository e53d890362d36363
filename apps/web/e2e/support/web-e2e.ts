import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumLaunchOptions, startTestApp, type TestApp } from '@bottega/testing';

/** Where screenshots land (git-ignored), kept as the run's artifacts. */
export const ARTIFACTS = join(__dirname, '..', 'artifacts');

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;
export type Viewport = keyof typeof VIEWPORTS;

export interface BrowserPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

export interface PageOptions {
  viewport?: Viewport;
  /** false: the page as a reader (or a crawler) without JavaScript gets it. */
  javaScript?: boolean;
  /** The `lang` cookie the reader arrives with. */
  lang?: 'it' | 'en';
}

export interface WebE2E {
  app: TestApp;
  baseUrl: string;
  browser: Browser;
  newPage(options?: PageOptions): Promise<BrowserPage>;
  close(): Promise<void>;
}

/**
 * The real API serving the built web app, on a fresh database seeded with the demo content,
 * and a headless Chromium. `npm run build:web` must have run (npm test does it first), with the same
 * WEB_DIST_DIR when it is set.
 */
export async function startWebE2E(env: Record<string, string> = {}): Promise<WebE2E> {
  const launch = chromiumLaunchOptions();
  // WEB_DIST_DIR: a build of its own, as `WEB_DIST_DIR=… npm run build:web` made it.
  const dist = process.env['WEB_DIST_DIR'];
  const app = await startTestApp({ WEB_APP: 'on', SEED_DEMO: 'true', ...(dist ? { WEB_DIST_DIR: dist } : {}), ...env });
  let browser: Browser;
  try {
    browser = await chromium.launch(launch);
  } catch (error) {
    await app.close();
    throw error;
  }
  const contexts = new Set<BrowserContext>();
  return {
    app,
    baseUrl: app.baseUrl,
    browser,
    async newPage({ viewport = 'desktop', javaScript = true, lang } = {}) {
      const context = await browser.newContext({
        baseURL: app.baseUrl,
        viewport: VIEWPORTS[viewport],
        javaScriptEnabled: javaScript,
        locale: lang === 'en' ? 'en-GB' : 'it-IT',
        timezoneId: 'Europe/Rome',
        ...(viewport === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      });
      contexts.add(context);
      context.on('close', () => contexts.delete(context));
      if (lang) await context.addCookies([{ name: 'lang', value: lang, url: app.baseUrl }]);
      const page = await context.newPage();
      if (!javaScript) withoutJavaScript.set(page, { viewport, browser });
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      return { context, page, errors };
    },
    async close() {
      await Promise.all([...contexts].map((context) => context.close()));
      await browser.close();
      await app.close();
    },
  };
}

const withoutJavaScript = new WeakMap<Page, { viewport: Viewport; browser: Browser }>();

/**
 * Asserts that axe-core finds no WCAG 2.1 A/AA violation on the page as it is now. axe needs
 * JavaScript: a page opened without it is checked as the server sent it, in a context that
 * runs axe but loads none of the app's scripts.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const noScript = withoutJavaScript.get(page);
  if (!noScript) return expectNoViolationsOn(page);
  const context = await noScript.browser.newContext({ viewport: VIEWPORTS[noScript.viewport] });
  try {
    await context.addCookies(await page.context().cookies());
    await context.route('**/assets/**/*.js', (route) => route.abort());
    const copy = await context.newPage();
    await copy.goto(page.url());
    await expectNoViolationsOn(copy);
  } finally {
    await context.close();
  }
}

async function expectNoViolationsOn(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
  }));
  expect(found).toEqual([]);
}

/** Saves a full-page screenshot as an artifact; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The head tags search engines and link previews read. */
export async function headOf(page: Page): Promise<{ title: string; description: string | null; canonical: string | null; og: Record<string, string>; lang: string | null }> {
  return {
    title: await page.title(),
    description: await page.locator('meta[name="description"]').getAttribute('content'),
    canonical: await page.locator('link[rel="canonical"]').getAttribute('href'),
    og: Object.fromEntries(
      await page.locator('meta[property^="og:"]').evaluateAll((metas) =>
        metas.map((meta) => [meta.getAttribute('property') ?? '', meta.getAttribute('content') ?? '']),
      ),
    ),
    lang: await page.locator('html').getAttribute('lang'),
  };
}

/** Resolves once React has hydrated the server-rendered page. */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForSelector('html[data-hydrated="true"]');
}

/** Asserts that every text on the page went through a catalog: no message id shows (`area.key.sub`). */
export async function expectNoMessageIds(page: Page): Promise<void> {
  const text = await page.locator('#root').innerText();
  expect(text.match(/\b[a-z]+\.[a-z][A-Za-z]*\.[A-Za-z_.]+\b/g) ?? []).toEqual([]);
}

/** The demo accounts' password (README). */
export const DEMO_PASSWORD = 'bottega-demo-2026';

/** Signs in through the sign-in page, which comes back to `path`. */
export async function signedIn(page: Page, email: string, path: string): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  await hydrated(page);
  await page.getByLabel(/^Email$/).fill(email);
  await page.getByLabel(/^Password$/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^(Accedi|Sign in)$/ }).click();
  await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
}

/** Console errors but the one an anonymous page load may log: its session refresh refused (401). */
export function unexpected(errors: string[]): string[] {
  return errors.filter((error) => !/status of 401/.test(error));
}
