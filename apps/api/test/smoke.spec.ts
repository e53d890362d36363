import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_COMMUNITIES } from '@bottega/forum';
import { GraphQLHttpClient, freePort } from '@bottega/testing';

const ROOT = resolve(__dirname, '../../..');

/** `npm start` on the embedded default, as a newcomer runs it: fresh data folder, no DATABASE_URL. */
describe('npm start on the embedded default', () => {
  let child: ChildProcess;
  let output = '';
  let dataDir: string;
  let apiPort: number;
  let pgPort: number;
  let webDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bottega-smoke-'));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach its data folder
    [apiPort, pgPort] = [await freePort(), await freePort()];
    webDir = join(ROOT, 'tmp', `smoke-web-${apiPort}`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      EMBEDDED_PG_DATA_DIR: join(dataDir, 'postgres'),
      EMBEDDED_PG_PORT: String(pgPort),
      // Its own build of the web app (inside the checkout, where its server bundle finds React), so
      // the browser tests' dist/web is not rebuilt under them.
      WEB_DIST_DIR: webDir,
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
    };
    delete env['DATABASE_URL'];
    delete env['JEST_WORKER_ID'];
    child = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForHealth(`http://127.0.0.1:${apiPort}/health`, 90_000, () => output);
  }, 120_000);

  afterAll(async () => {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(webDir, { recursive: true, force: true });
  });

  it('serves the seeded territories and demo content', async () => {
    const client = new GraphQLHttpClient(`http://127.0.0.1:${apiPort}`);
    const data = await client.data(`{
      territories(first: 50) { totalCount }
      project(slug: "custodi-di-quartiere") { title partners { role organization { name } } team { user { displayName } } }
    }`);
    expect(data.territories.totalCount).toBeGreaterThanOrEqual(22);
    expect(data.project).toMatchObject({
      title: 'Custodi di quartiere',
      partners: [{ role: 'LEAD', organization: { name: 'Comune di Milano' } }, { role: 'PARTNER' }],
    });
    const forum = await client.data(`{
      community(slug: "anziani-e-comunita") { name memberCount }
      communities { totalCount }
      threads(filter: { kind: QUESTION, answered: true }) { nodes { title postCount locked acceptedAnswer { author { handle } reactions { kind count } } } }
    }`);
    const anziani = DEMO_COMMUNITIES.find((community) => community.slug === 'anziani-e-comunita');
    expect(forum.community).toEqual({ name: 'Anziani e comunità', memberCount: new Set([...(anziani?.coordinators ?? []), ...(anziani?.members ?? [])]).size });
    expect(forum.communities.totalCount).toBe(DEMO_COMMUNITIES.filter((community) => community.visibility === 'PUBLIC').length);
    expect(forum.threads.nodes).toEqual(expect.arrayContaining([
      expect.objectContaining({
        title: 'Co-programmazione con il Comune: da dove partire?',
        postCount: 3,
        locked: true,
        acceptedAnswer: expect.objectContaining({ author: { handle: 'chiara-colombo' } }),
      }),
      expect.objectContaining({
        title: 'Come raggiungere gli anziani soli nei piccoli comuni?',
        postCount: 4,
        locked: false,
        acceptedAnswer: expect.objectContaining({ author: { handle: 'luca-sala' } }),
      }),
    ]));
    const knowledge = await client.data(`{
      practices(first: 50) { totalCount }
      competenceProfile(handle: "luca-sala") { availability competences { skill { key } level } }
    }`);
    expect(knowledge.practices.totalCount).toBe(48);
    expect(knowledge.competenceProfile.competences[0]).toEqual({ skill: { key: 'eu-funding' }, level: 'EXPERT' });
    const login = await client.data(`mutation { login(input: { email: "admin@bottega.example", password: "bottega-demo-2026" }) { viewer { role } userErrors { code } } }`);
    expect(login.login).toEqual({ viewer: { role: 'ADMIN' }, userErrors: [] });
  });

  it('serves the web app on the same port, rendered on the server in Italian', async () => {
    const response = await fetch(`http://127.0.0.1:${apiPort}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<html lang="it"');
    expect(html).toMatch(/<script type="module" src="\/assets\/[^"]+\.js"><\/script>/);
  });

  it('stops on SIGTERM, stopping its PostgreSQL too', async () => {
    const ready = output.split('\n').find((line) => line.includes('Bottega API ready'));
    const apiPid = Number((JSON.parse(ready ?? '{}') as { pid?: number }).pid);
    expect(apiPid).toBeGreaterThan(0);
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    // As a process manager does: the signal goes to the API process, and npm passes on its exit code.
    process.kill(apiPid, 'SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('shutting down');
    expect(await isListening(pgPort)).toBe(false);
  }, 30_000);
});

async function waitForHealth(url: string, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`API did not become healthy in ${timeoutMs} ms. Output:\n${log().slice(-3000)}`);
}

function isListening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}
