import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parse as parseCookies } from 'cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { WebAssets, compress, preferredEncoding } from './web-assets';

/** `auto`: serve the built app when it is there; `on`: refuse to start without it; `vite`: development. */
export type WebAppMode = 'auto' | 'on' | 'off' | 'vite';

export interface WebAppOptions {
  mode: WebAppMode;
  /** Where `npm run build:web` wrote `client/` and `server/`. */
  distDir: string;
  /** Origin for canonical and Open Graph URLs; else taken from the request. */
  publicUrl: string | undefined;
  logger: Logger;
}

type Lang = 'it' | 'en';
interface RenderOptions {
  lang: Lang;
  origin: string;
  fetch: typeof fetch;
}
type RenderResult =
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'page'; status: number; head: string; html: string; state: string };
interface ServerEntry {
  render(request: Request, options: RenderOptions): Promise<RenderResult>;
}
interface Manifest {
  [source: string]: { file: string; css?: string[]; imports?: string[]; isEntry?: boolean };
}

const CLIENT_ENTRY = 'src/entry-client.tsx';
const LANG_COOKIE = 'lang';
const STATE_ID = 'bottega-state';

/** The pages' catch-all is `GET /*`, which Fastify's router tries only after every more specific route. */
export class WebAppMissingError extends Error {}

function parseLang(value: string | undefined): Lang {
  return value === 'en' ? 'en' : 'it';
}

/** GraphQL for the server render goes through the same Fastify instance, in process, anonymously. */
export function injectFetch(fastify: FastifyInstance): typeof fetch {
  return async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const response = await fastify.inject({
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      url: `${url.pathname}${url.search}`,
      headers,
      ...(typeof init?.body === 'string' ? { payload: init.body } : {}),
    });
    const responseHeaders = new Headers();
    for (const [key, value] of Object.entries(response.headers)) {
      if (value !== undefined) responseHeaders.set(key, Array.isArray(value) ? value.join(', ') : String(value));
    }
    const empty = response.statusCode === 204 || response.statusCode === 304;
    return new Response(empty ? null : response.rawPayload, { status: response.statusCode, headers: responseHeaders });
  };
}

function documentHtml(lang: Lang, result: Extract<RenderResult, { kind: 'page' }>, head: string, body: string): string {
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">` +
    `${result.head}${head}</head><body><div id="root">${result.html}</div>` +
    `<script id="${STATE_ID}" type="application/json">${result.state}</script>${body}</body></html>`
  );
}

function localPath(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : '/';
}

/**
 * Serves the web app on the API's port: server-rendered pages for every GET no other route
 * answers, the built browser files under /assets, and /lang/<it|en> for readers without JavaScript.
 * Returns how it serves (or `off`).
 */
export async function registerWebApp(app: NestFastifyApplication, options: WebAppOptions): Promise<'dist' | 'vite' | 'off'> {
  if (options.mode === 'off') return 'off';
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  const distDir = resolve(options.distDir);

  let renderPage: (request: FastifyRequest, lang: Lang, origin: string) => Promise<RenderResult | { kind: 'html'; status: number; html: string }>;

  if (options.mode === 'vite') {
    renderPage = await viteRenderer(fastify, options.logger);
  } else {
    const serverEntry = join(distDir, 'server', 'entry-server.cjs');
    const manifestFile = join(distDir, 'client', '.vite', 'manifest.json');
    if (!existsSync(serverEntry) || !existsSync(manifestFile)) {
      if (options.mode === 'on') throw new WebAppMissingError(`The web app is not built in ${distDir}: run npm run build:web`);
      options.logger.warn({ distDir }, 'web app not built (npm run build:web): serving the API only');
      return 'off';
    }
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest;
    const entry = manifest[CLIENT_ENTRY];
    if (!entry) throw new WebAppMissingError(`${manifestFile} names no ${CLIENT_ENTRY}`);
    const preloads = new Set<string>();
    const walk = (key: string) => {
      for (const imported of manifest[key]?.imports ?? []) {
        const file = manifest[imported]?.file;
        if (file && !preloads.has(file)) {
          preloads.add(file);
          walk(imported);
        }
      }
    };
    walk(CLIENT_ENTRY);
    const head =
      // With one stylesheet for the whole app, Vite names it `style.css` in the manifest.
      [...(entry.css ?? []), ...(manifest['style.css'] ? [manifest['style.css'].file] : [])]
        .map((file) => `<link rel="stylesheet" href="/${file}">`)
        .join('') +
      `<script type="module" src="/${entry.file}"></script>` +
      [...preloads].map((file) => `<link rel="modulepreload" href="/${file}">`).join('');
    // The server bundle is CommonJS, so it loads the same way under Node and under Jest.
    const { render } = createRequire(__filename)(serverEntry) as ServerEntry;
    const assets = await WebAssets.load(join(distDir, 'client', 'assets'));
    const fetchInProcess = injectFetch(fastify);

    fastify.get('/assets/*', async (request, reply) => {
      const name = (request.params as Record<string, string>)['*'] ?? '';
      const asset = name.includes('/') ? null : await assets.get(name, request.headers['accept-encoding']);
      if (!asset) return reply.status(404).header('cache-control', 'no-store').type('text/plain').send('Not found');
      if (asset.encoding !== 'identity') void reply.header('content-encoding', asset.encoding);
      return reply
        .header('content-type', asset.type)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('vary', 'Accept-Encoding')
        .send(asset.body);
    });

    renderPage = async (request, lang, origin) => {
      const result = await render(toWebRequest(request, origin), { lang, origin, fetch: fetchInProcess });
      return result.kind === 'redirect' ? result : { kind: 'html', status: result.status, html: documentHtml(lang, result, head, '') };
    };
  }

  fastify.get('/lang/:code', async (request, reply) => {
    const lang = parseLang((request.params as Record<string, string>)['code']);
    const secure = request.protocol === 'https' ? '; Secure' : '';
    return reply
      .header('set-cookie', `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`)
      .header('cache-control', 'no-store')
      .redirect(localPath((request.query as Record<string, unknown>)['next']), 303);
  });

  fastify.get('/*', async (request, reply) => {
    const lang = parseLang(parseCookies(request.headers.cookie ?? '')[LANG_COOKIE]);
    const origin = options.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
    try {
      const result = await renderPage(request, lang, origin);
      if (result.kind === 'redirect') return reply.redirect(result.location, result.status);
      const html = result.kind === 'html' ? result.html : '';
      const encoding = preferredEncoding(request.headers['accept-encoding']);
      if (encoding !== 'identity') void reply.header('content-encoding', encoding);
      return reply
        .status(result.status)
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('vary', 'Cookie, Accept-Encoding')
        .send(await compress(Buffer.from(html), encoding, 'fast'));
    } catch (error) {
      request.log.error({ err: error }, 'page render failed');
      return reply
        .status(500)
        .header('content-type', 'text/html; charset=utf-8')
        .send(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Bottega</title></head><body><h1>${lang === 'en' ? 'Something went wrong' : 'Qualcosa non ha funzionato'}</h1></body></html>`);
    }
  });

  options.logger.info({ mode: options.mode === 'vite' ? 'vite' : 'dist', distDir }, 'web app served');
  return options.mode === 'vite' ? 'vite' : 'dist';
}

function toWebRequest(request: FastifyRequest, origin: string): Request {
  const headers = new Headers();
  const language = request.headers['accept-language'];
  if (language) headers.set('accept-language', language);
  return new Request(new URL(request.url, origin), { method: 'GET', headers });
}

/** Development: Vite in middleware mode renders from the sources, with hot reload. */
async function viteRenderer(
  fastify: FastifyInstance,
  logger: Logger,
): Promise<(request: FastifyRequest, lang: Lang, origin: string) => Promise<RenderResult | { kind: 'html'; status: number; html: string }>> {
  const root = resolve('apps/web');
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: join(root, 'vite.config.mts'),
    root,
    appType: 'custom',
    server: { middlewareMode: true, hmr: { port: 24678 } },
  });
  fastify.addHook('preClose', async () => vite.close());
  // Vite's own paths (modules, its client, dependencies) go to its middleware.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!/^\/(@|src\/|node_modules\/|__vite)/.test(request.url)) return done();
    reply.hijack();
    vite.middlewares(request.raw, reply.raw, () => {
      reply.raw.statusCode = 404;
      reply.raw.end();
    });
  });
  const fetchInProcess = injectFetch(fastify);
  logger.info({ hmrPort: 24678 }, 'web app from sources through Vite');
  return async (request, lang, origin) => {
    const { render } = (await vite.ssrLoadModule('/src/entry-server.tsx')) as ServerEntry;
    const result = await render(toWebRequest(request, origin), { lang, origin, fetch: fetchInProcess });
    if (result.kind === 'redirect') return result;
    const page = documentHtml(lang, result, '', '<script type="module" src="/src/entry-client.tsx"></script>');
    return { kind: 'html', status: result.status, html: await vite.transformIndexHtml(request.url, page) };
  };
}
