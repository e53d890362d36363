import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '@bottega/testing';

const WARMUP_RUNS = 3;
const RUNS = 20;
const PHONE = { width: 390, height: 844 };

export interface Percentiles {
  p50: number;
  p95: number;
}

export interface WebPageResult {
  path: string;
  runs: number;
  /** Browser: navigation start to the first byte of the page, each load in a fresh context (no cache). */
  browserTtfb: Percentiles;
  /** Browser: largest contentful paint of the same loads. */
  lcp: Percentiles;
  /** Node's fetch, to the response headers: the server render alone. */
  pageTtfb: Percentiles;
  /** Baselines over the same HTTP stack: `{ __typename }` on /graphql, and a built asset served from memory. */
  typenameTtfb: Percentiles;
  assetTtfb: Percentiles;
  /** Bytes on the wire (compressed) of the first load: the HTML, and every script. */
  htmlBytes: number;
  jsBytes: number;
  jsFiles: number;
}

/** A navigation or resource timing entry, as far as it is read here. */
interface BrowserTiming {
  name: string;
  startTime: number;
  responseStart: number;
  transferSize: number;
}

/** Nearest rank. */
function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
  return { p50: rank(0.5), p95: rank(0.95) };
}

async function headersAfter(url: string, init?: RequestInit): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, init);
  const ms = performance.now() - started;
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return ms;
}

/**
 * The server-rendered practice page as a first-time reader on a phone gets it: time to first
 * byte and largest contentful paint in headless Chromium, and the JavaScript it downloads,
 * against a GraphQL `{ __typename }` and a static asset over the same HTTP stack.
 */
export async function measureWebPage(options: { baseUrl: string; slug: string; progress: (line: string) => void }): Promise<WebPageResult> {
  const { baseUrl, slug, progress } = options;
  const launch = chromiumLaunchOptions();
  const path = `/practices/${slug}`;
  const url = `${baseUrl}${path}`;
  const html = await (await fetch(url)).text();
  const asset = /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!asset) throw new Error('webPage: the page has no built script; is dist/web built (npm run build:web) and WEB_APP not off?');

  // Playwright gives the browser a fresh, temporary profile of its own.
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch(launch);
    const ttfb: number[] = [];
    const lcp: number[] = [];
    let htmlBytes = 0;
    let jsBytes = 0;
    let jsFiles = 0;
    progress(`webPage: ${WARMUP_RUNS} warm-up and ${RUNS} loads of ${path} in headless Chromium, each in a fresh context…`);
    for (let run = 0; run < WARMUP_RUNS + RUNS; run += 1) {
      const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'it-IT', timezoneId: 'Europe/Rome' });
      try {
        const page = await context.newPage();
        const response = await page.goto(url, { waitUntil: 'load' });
        if (response?.status() !== 200) throw new Error(`webPage: ${path} answered ${response?.status()}`);
        await page.waitForSelector('html[data-hydrated="true"]');
        const timing = await page.evaluate(
          () =>
            new Promise<{ ttfb: number; lcp: number; html: number; js: number; files: number }>((resolve) => {
              // Runs in the page; the API's TypeScript has no DOM types, so the few used are named here.
              const browser = globalThis as unknown as {
                performance: { getEntriesByType(type: string): BrowserTiming[] };
                PerformanceObserver: new (callback: (list: { getEntries(): { startTime: number }[] }) => void) => { observe(options: { type: string; buffered: boolean }): void };
              };
              const navigation = browser.performance.getEntriesByType('navigation')[0] ?? { name: '', startTime: 0, responseStart: Number.NaN, transferSize: 0 };
              const scripts = browser.performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname.endsWith('.js'));
              new browser.PerformanceObserver((list) => {
                const entries = list.getEntries();
                resolve({
                  ttfb: navigation.responseStart - navigation.startTime,
                  lcp: entries[entries.length - 1]?.startTime ?? Number.NaN,
                  html: navigation.transferSize,
                  js: scripts.reduce((sum, entry) => sum + entry.transferSize, 0),
                  files: scripts.length,
                });
              }).observe({ type: 'largest-contentful-paint', buffered: true });
            }),
        );
        if (run >= WARMUP_RUNS) {
          ttfb.push(timing.ttfb);
          lcp.push(timing.lcp);
          htmlBytes = timing.html;
          jsBytes = timing.js;
          jsFiles = timing.files;
        }
      } finally {
        await context.close();
      }
    }

    progress(`webPage: ${RUNS} server renders, { __typename } and asset requests over HTTP, interleaved…`);
    const pageTtfb: number[] = [];
    const typenameTtfb: number[] = [];
    const assetTtfb: number[] = [];
    const typename = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) };
    const compressed = { headers: { 'accept-encoding': 'br, gzip' } };
    for (let run = 0; run < WARMUP_RUNS + RUNS; run += 1) {
      const page = await headersAfter(url, compressed);
      const graphql = await headersAfter(`${baseUrl}/graphql`, typename);
      const file = await headersAfter(`${baseUrl}${asset}`, compressed);
      if (run < WARMUP_RUNS) continue;
      pageTtfb.push(page);
      typenameTtfb.push(graphql);
      assetTtfb.push(file);
    }
    return {
      path,
      runs: RUNS,
      browserTtfb: percentiles(ttfb),
      lcp: percentiles(lcp),
      pageTtfb: percentiles(pageTtfb),
      typenameTtfb: percentiles(typenameTtfb),
      assetTtfb: percentiles(assetTtfb),
      htmlBytes,
      jsBytes,
      jsFiles,
    };
  } finally {
    await browser?.close();
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function renderWebPage(result: WebPageResult): string {
  const ratio = (value: number) => `${(value / result.typenameTtfb.p50).toFixed(1)}× { __typename }`;
  return [
    '',
    `## Server-rendered practice page (${result.path}), ${result.runs} loads each, phone viewport, no cache`,
    '',
    '| figure | p50 | p95 | p50 against the baseline |',
    '| --- | --- | --- | --- |',
    `| Chromium: time to first byte | ${ms(result.browserTtfb.p50)} | ${ms(result.browserTtfb.p95)} | ${ratio(result.browserTtfb.p50)} |`,
    `| Chromium: largest contentful paint | ${ms(result.lcp.p50)} | ${ms(result.lcp.p95)} | ${ratio(result.lcp.p50)} |`,
    `| HTTP: page to response headers (server render) | ${ms(result.pageTtfb.p50)} | ${ms(result.pageTtfb.p95)} | ${ratio(result.pageTtfb.p50)} |`,
    `| baseline: POST /graphql { __typename } | ${ms(result.typenameTtfb.p50)} | ${ms(result.typenameTtfb.p95)} | 1.0× |`,
    `| baseline: a built script from /assets | ${ms(result.assetTtfb.p50)} | ${ms(result.assetTtfb.p95)} | ${ratio(result.assetTtfb.p50)} |`,
    '',
    `First load on the wire: HTML ${kib(result.htmlBytes)}, JavaScript ${kib(result.jsBytes)} in ${result.jsFiles} files (compressed).`,
    '',
  ].join('\n');
}
