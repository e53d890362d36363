import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '@bottega/testing';
import { startTestApp, type TestApp } from './support/test-app';

const ROOT = resolve(__dirname, '../../..');
const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'production-safety-test-secret-0123456789' };
const TOKEN = 'metrics-token-for-the-test-0123456789abcdef';

const metricsAt = (baseUrl: string, authorization?: string) =>
  fetch(`${baseUrl}/metrics`, { headers: authorization ? { authorization } : {} });

describe('/metrics in production', () => {
  const apps: TestApp[] = [];
  const start = async (env: Record<string, string>) => {
    const app = await startTestApp({ ...PRODUCTION, ...env });
    apps.push(app);
    return app;
  };
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('is not served on the public port unless configured', async () => {
    const app = await start({});
    expect((await metricsAt(app.baseUrl)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/health`)).status).toBe(200);
  });

  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    const app = await start({ METRICS_TOKEN: TOKEN });
    const anonymous = await metricsAt(app.baseUrl);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await metricsAt(app.baseUrl, `Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await metricsAt(app.baseUrl, TOKEN)).status).toBe(401);
    const allowed = await metricsAt(app.baseUrl, `Bearer ${TOKEN}`);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await allowed.text()).toContain('bottega_http_request_duration_seconds');
  });

  it('serves them on METRICS_PORT only, with the token when one is set', async () => {
    const port = await freePort();
    const app = await start({ METRICS_PORT: String(port), METRICS_TOKEN: TOKEN });
    const separate = `http://127.0.0.1:${port}`;
    expect((await metricsAt(app.baseUrl, `Bearer ${TOKEN}`)).status).toBe(404);
    expect((await metricsAt(separate)).status).toBe(401);
    const allowed = await metricsAt(separate, `Bearer ${TOKEN}`);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('process_cpu_user_seconds_total');
    // Only metrics there: the API is not reachable through the metrics port.
    expect((await fetch(`${separate}/health`)).status).toBe(404);
    expect((await fetch(`${separate}/graphql`, { method: 'POST' })).status).toBe(404);
  });

  it('closes the metrics port with the API', async () => {
    const port = await freePort();
    const app = await startTestApp({ ...PRODUCTION, METRICS_PORT: String(port) });
    expect((await metricsAt(`http://127.0.0.1:${port}`)).status).toBe(200);
    await app.close();
    await expect(metricsAt(`http://127.0.0.1:${port}`)).rejects.toThrow();
  });
});

describe('demo content in production', () => {
  it('refuses SEED_DEMO=true at start-up, in one line, before touching any database', async () => {
    const { code, output } = await runApi({ ...PRODUCTION, SEED_DEMO: 'true', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      'Invalid configuration: SEED_DEMO is refused in production, where the demo accounts’ published password would open an admin account; set SEED_DEMO_IN_PRODUCTION=true to seed anyway (got "true")',
    );
  }, 30_000);
});

function runApi(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'warn' };
  delete childEnv['JEST_WORKER_ID'];
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done) => child.once('exit', (code) => done({ code, output })));
}
