// Static checks of docker/: the compose file, nginx.conf and the Dockerfile agree
// with each other and with what the API reads. No Docker engine needed.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { ENV_VARIABLES, parseEnv, type Env } from '../src/config/env.schema';

const ROOT = resolve(__dirname, '../../..');
const DOCKER = join(ROOT, 'docker');
const read = (path: string) => readFileSync(path, 'utf8');

/** The API's shutdown grace (SHUTDOWN_GRACE_MS in main.ts). */
const API_SHUTDOWN_GRACE_SECONDS = 10;
const TEST_JWT_SECRET = 'compose-test-secret-0123456789abcdef';

// ---------------------------------------------------------------- compose

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string };
  container_name?: string;
  deploy?: { replicas?: number };
  environment?: Record<string, unknown> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  ports?: (string | { published?: number | string; target?: number; host_ip?: string })[];
  volumes?: string[];
  stop_grace_period?: string;
}
interface ComposeFile {
  services?: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const compose = parse(read(join(DOCKER, 'compose.yaml'))) as ComposeFile;
const services = compose.services ?? {};

function service(name: string): ComposeService {
  const found = services[name];
  if (!found) throw new Error(`compose.yaml has no service "${name}"`);
  return found;
}

/** The service's environment as written (values not yet interpolated). */
function rawEnvironment(name: string): Record<string, string> {
  const environment = service(name).environment ?? {};
  const entries = Array.isArray(environment)
    ? environment.map((line) => {
        const at = line.indexOf('=');
        return at < 0 ? [line, ''] : [line.slice(0, at), line.slice(at + 1)];
      })
    : Object.entries(environment);
  return Object.fromEntries(
    entries.map(([key, value]) => {
      // Unquoted YAML numbers/booleans are a trap (0755, yes/no, 1e3): keep them strings.
      if (typeof value !== 'string') throw new Error(`${name}.environment.${String(key)} must be a quoted string`);
      return [key, value];
    }),
  );
}

/** Compose variable interpolation: $$, $VAR, ${VAR}, ${VAR:-d}, ${VAR-d}, ${VAR:?e}, ${VAR?e}, ${VAR:+r}, ${VAR+r}. */
function interpolate(text: string, shell: Record<string, string>): string {
  const pattern = /\$\$|\$\{([A-Za-z_]\w*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_]\w*)/g;
  return text.replace(pattern, (match, braced?: string, op?: string, arg?: string, bare?: string) => {
    if (match === '$$') return '$';
    const name = (braced ?? bare)!;
    const value = shell[name];
    const set = value !== undefined;
    const nonEmpty = set && value !== '';
    switch (op) {
      case undefined:
        return value ?? '';
      case ':-':
        return nonEmpty ? value : (arg ?? '');
      case '-':
        return set ? value : (arg ?? '');
      case ':?':
      case '?':
        if (op === ':?' ? !nonEmpty : !set) throw new Error(`required variable ${name} is missing: ${arg ?? ''}`);
        return value!;
      case ':+':
        return nonEmpty ? (arg ?? '') : '';
      default:
        return set ? (arg ?? '') : '';
    }
  });
}

function environment(name: string, shell: Record<string, string> = { JWT_SECRET: TEST_JWT_SECRET }): Record<string, string> {
  return Object.fromEntries(Object.entries(rawEnvironment(name)).map(([key, value]) => [key, interpolate(value, shell)]));
}

function seconds(duration: string): number {
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400 };
  const parts = [...duration.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== duration) throw new Error(`bad duration "${duration}"`);
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * units[unit!]!, 0);
}

function portStrings(name: string): string[] {
  return (service(name).ports ?? []).map((port) =>
    typeof port === 'string' ? port : `${port.host_ip ? `${port.host_ip}:` : ''}${port.published ?? ''}:${port.target ?? ''}`,
  );
}

function imageVersion(image: string | undefined): number[] {
  const tag = /:v?(\d+(?:\.\d+)*)/.exec(image ?? '')?.[1];
  if (!tag) throw new Error(`image "${image}" is not pinned to a version`);
  return tag.split('.').map(Number);
}

const atLeast = (version: number[], minimum: number[]) => {
  for (let i = 0; i < minimum.length; i++) {
    const part = version[i] ?? 0;
    if (part !== minimum[i]) return part > minimum[i]!;
  }
  return true;
};

// ---------------------------------------------------------------- nginx

interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
}

/** A small nginx configuration parser: directives, blocks, quoted strings, comments. */
function parseNginx(text: string): Directive[] {
  const tokens = [...text.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|#[^\n]*|([{};])|([^\s{};"'#]+)/g)]
    .filter((m) => !m[0].startsWith('#'))
    .map((m) => m[1] ?? m[2] ?? m[0]);
  let at = 0;
  const block = (): Directive[] => {
    const directives: Directive[] = [];
    while (at < tokens.length) {
      const name = tokens[at++]!;
      if (name === '}') return directives;
      const args: string[] = [];
      while (at < tokens.length && tokens[at] !== ';' && tokens[at] !== '{') args.push(tokens[at++]!);
      if (tokens[at] === '{') {
        at++;
        directives.push({ name, args, block: block() });
      } else {
        at++;
        directives.push({ name, args });
      }
    }
    return directives;
  };
  return block();
}

const all = (directives: Directive[], name: string): Directive[] =>
  directives.flatMap((d) => [...(d.name === name ? [d] : []), ...all(d.block ?? [], name)]);
const own = (directives: Directive[] | undefined, name: string) => (directives ?? []).filter((d) => d.name === name);

function sizeInBytes(size: string): number {
  const match = /^(\d+)([kKmMgG]?)$/.exec(size);
  if (!match) throw new Error(`bad size "${size}"`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(match[1]) * unit;
}

// ---------------------------------------------------------------- Dockerfile

interface Instruction {
  keyword: string;
  args: string;
  stage: string;
}

function parseDockerfile(text: string): Instruction[] {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const instructions: Instruction[] = [];
  let stage = '';
  for (const line of lines) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === 'FROM') stage = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? `stage${instructions.length}`;
    instructions.push({ keyword: keyword.toUpperCase(), args, stage });
  }
  return instructions;
}

/** KEY=value pairs of ENV/ARG instructions (quotes removed). */
function assignments(args: string): Record<string, string> {
  return Object.fromEntries(
    [...args.matchAll(/([A-Za-z_]\w*)=("(?:[^"\\]|\\.)*"|\S*)/g)].map(([, key, value]) => [key!, value!.replace(/^"|"$/g, '')]),
  );
}

const dockerfile = parseDockerfile(read(join(DOCKER, 'Dockerfile')));
const globalArgs = assignments(
  dockerfile
    .filter((i) => i.keyword === 'ARG' && i.stage === '')
    .map((i) => i.args)
    .join(' '),
);
const stages = [...new Set(dockerfile.map((i) => i.stage).filter((s) => s !== ''))];
const finalStage = stages.at(-1)!;
const inStage = (stage: string, keyword: string) => dockerfile.filter((i) => i.stage === stage && i.keyword === keyword);
const runtimeEnv = assignments(inStage(finalStage, 'ENV').map((i) => i.args).join(' '));

/** Sources of COPY instructions that read the build context (not --from). */
const contextCopies = dockerfile
  .filter((i) => i.keyword === 'COPY' && !/--from=/.test(i.args))
  .flatMap((i) => {
    const words = i.args.split(/\s+/).filter((w) => !w.startsWith('--'));
    return words.slice(0, -1);
  });

// ---------------------------------------------------------------- helpers

/** Runs a healthcheck's `node -e` script against a local server that answers `status`. */
async function runHealthScript(status: number, probe: (port: number) => { script: string; env?: Record<string, string> }) {
  const requested: string[] = [];
  const server: Server = createServer((req, res) => {
    requested.push(req.url ?? '');
    res.statusCode = status;
    res.end('{}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { script, env } = probe((server.address() as AddressInfo).port);
  try {
    const exitCode = await promisify(execFile)(process.execPath, ['-e', script], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      timeout: 10_000,
    }).then(
      () => 0,
      (error: { code?: number }) => error.code ?? -1,
    );
    return { exitCode, requested };
  } finally {
    await new Promise((done) => server.close(done));
  }
}

// ================================================================== tests

describe('docker/compose.yaml', () => {
  it('defines postgres, meilisearch, two api replicas and the proxy', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'meilisearch', 'postgres', 'proxy']);
    expect(service('api').deploy?.replicas).toBe(2);
    // Replicas cannot share a container name or a host port.
    expect(service('api').container_name).toBeUndefined();
    expect(service('api').ports ?? []).toEqual([]);
  });

  it('builds the api from docker/Dockerfile with the repository root as context', () => {
    const build = service('api').build;
    expect(build?.context).toBeDefined();
    expect(resolve(DOCKER, build!.context!)).toBe(ROOT);
    expect(existsSync(join(resolve(DOCKER, build!.context!), build!.dockerfile ?? 'Dockerfile'))).toBe(true);
    expect(build!.dockerfile).toBe('docker/Dockerfile');
  });

  it('sets on the api only variables that the API reads', () => {
    const unknown = Object.keys(rawEnvironment('api')).filter((name) => !(ENV_VARIABLES as string[]).includes(name));
    expect(unknown).toEqual([]);
    expect(ENV_VARIABLES).toContain('DATABASE_URL'); // the list itself is not empty
  });

  it('refuses to start without JWT_SECRET', () => {
    expect(rawEnvironment('api')['JWT_SECRET']).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
    expect(() => environment('api', {})).toThrow(/JWT_SECRET/);
    expect(() => environment('api', { JWT_SECRET: '' })).toThrow(/JWT_SECRET/);
  });

  it("gives the api an environment that passes the API's own validation", () => {
    const env: Env = parseEnv({ ...runtimeEnv, ...environment('api') });
    expect(env).toMatchObject({
      NODE_ENV: 'production',
      PORT: 3000,
      TRUST_PROXY: true,
      LOG_LEVEL: 'info',
      JWT_SECRET: TEST_JWT_SECRET,
    });
    expect(env.DATABASE_URL).toBeDefined();
    expect(env.MEILI_HOST).toBeDefined();
    expect(env.MEILI_API_KEY).toBeDefined();
    // The secret from the caller's shell is the one validated: a weak one stops the API.
    expect(() => parseEnv({ ...runtimeEnv, ...environment('api', { JWT_SECRET: 'too-short' }) })).toThrow(/JWT_SECRET/);
  });

  it('seeds demo content only when SEED_DEMO=true is asked for, which acknowledges its published password', () => {
    const api = (shell: Record<string, string>) => parseEnv({ ...runtimeEnv, ...environment('api', { JWT_SECRET: TEST_JWT_SECRET, ...shell }) });
    expect(api({}).SEED_DEMO).toBe(false);
    expect(api({ SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
    expect(api({ SEED_DEMO: 'true' })).toMatchObject({ NODE_ENV: 'production', SEED_DEMO: true, SEED_DEMO_IN_PRODUCTION: true });
    // Without the compose file's acknowledgement the API refuses it.
    expect(() => parseEnv({ ...runtimeEnv, ...environment('api'), SEED_DEMO_IN_PRODUCTION: 'false', SEED_DEMO: 'true' })).toThrow(/SEED_DEMO/);
  });

  it('serves metrics on a port of their own that is not published', () => {
    const env = parseEnv({ ...runtimeEnv, ...environment('api') });
    expect(env.METRICS_PORT).toBeDefined();
    expect(env.METRICS_PORT).not.toBe(env.PORT);
    expect(portStrings('api')).toEqual([]);
  });

  it.each<Record<string, string>>([{}, { POSTGRES_PASSWORD: 'Another-Password-42' }])(
    'points DATABASE_URL at the postgres service with its credentials (%o)',
    (overrides) => {
      const shell = { JWT_SECRET: TEST_JWT_SECRET, ...overrides };
      const url = new URL(environment('api', shell)['DATABASE_URL']!);
      const postgres = environment('postgres', shell);
      expect(url.protocol).toBe('postgres:');
      expect(url.hostname).toBe('postgres');
      expect(url.port || '5432').toBe('5432');
      expect(decodeURIComponent(url.username)).toBe(postgres['POSTGRES_USER']);
      expect(decodeURIComponent(url.password)).toBe(postgres['POSTGRES_PASSWORD']);
      expect(url.pathname).toBe(`/${postgres['POSTGRES_DB']}`);
    },
  );

  it.each<Record<string, string>>([{}, { MEILI_MASTER_KEY: 'another-master-key-of-some-length' }])(
    'points MEILI_HOST at the meilisearch service with its key (%o)',
    (overrides) => {
      const shell = { JWT_SECRET: TEST_JWT_SECRET, ...overrides };
      const api = environment('api', shell);
      const meili = environment('meilisearch', shell);
      const url = new URL(api['MEILI_HOST']!);
      expect(url.hostname).toBe('meilisearch');
      expect(url.port).toBe('7700');
      expect(api['MEILI_API_KEY']).toBe(meili['MEILI_MASTER_KEY']);
      // Meilisearch refuses to start in production with a master key under 16 bytes.
      expect(meili['MEILI_ENV']).toBe('production');
      expect(Buffer.byteLength(meili['MEILI_MASTER_KEY'] ?? '')).toBeGreaterThanOrEqual(16);
    },
  );

  it('publishes Meilisearch on the loopback interface only, and the proxy on 8080', () => {
    expect(portStrings('meilisearch')).toEqual(['127.0.0.1:7700:7700']);
    expect(portStrings('postgres')).toEqual([]);
    expect(portStrings('proxy')).toEqual(['8080:80']);
  });

  it('starts the api after healthy postgres and meilisearch, and the proxy after a healthy api', () => {
    expect(service('api').depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      meilisearch: { condition: 'service_healthy' },
    });
    expect(service('proxy').depends_on).toEqual({ api: { condition: 'service_healthy' } });
  });

  it.each(['postgres', 'meilisearch', 'api', 'proxy'])('has a healthcheck on %s', (name) => {
    const check = service(name).healthcheck;
    expect(check?.disable).not.toBe(true);
    expect(Array.isArray(check?.test)).toBe(true);
    expect(['CMD', 'CMD-SHELL']).toContain((check!.test as string[])[0]);
    expect((check!.test as string[]).length).toBeGreaterThan(1);
  });

  it('checks postgres over TCP (the init-time server listens on the socket only)', () => {
    expect(service('postgres').healthcheck?.test).toEqual(expect.arrayContaining(['pg_isready', '-h', '127.0.0.1']));
  });

  it("checks the api's readiness with a script that fails on 503", async () => {
    const test = service('api').healthcheck!.test as string[];
    expect(test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    const script = test[3]!;
    expect(script).toContain(`'http://127.0.0.1:${environment('api')['PORT']}/health'`);
    const at = (port: number) => ({ script: script.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`) });
    expect(await runHealthScript(200, at)).toEqual({ exitCode: 0, requested: ['/health'] });
    expect(await runHealthScript(503, at)).toEqual({ exitCode: 1, requested: ['/health'] });
  });

  it('stops the api with more time than its shutdown grace', () => {
    expect(seconds(service('api').stop_grace_period ?? '10s')).toBeGreaterThan(API_SHUTDOWN_GRACE_SECONDS);
  });

  it('keeps postgres and meilisearch data in declared named volumes', () => {
    const named = (name: string) => (service(name).volumes ?? []).map((v) => v.split(':')[0]!);
    expect(named('postgres')).toHaveLength(1);
    expect(named('meilisearch')).toHaveLength(1);
    for (const volume of [...named('postgres'), ...named('meilisearch')]) {
      expect(Object.keys(compose.volumes ?? {})).toContain(volume);
    }
    expect(service('postgres').volumes?.[0]).toMatch(/:\/var\/lib\/postgresql\/data$/);
    expect(service('meilisearch').volumes?.[0]).toMatch(/:\/meili_data$/);
  });

  it('pins image versions, with an nginx that supports `server ... resolve` (>= 1.27.3)', () => {
    expect(imageVersion(service('postgres').image)[0]).toBe(17);
    expect(service('meilisearch').image).toMatch(/^getmeili\/meilisearch:v1\.\d+\.\d+$/);
    expect(service('proxy').image).toMatch(/^nginx:/);
    expect(atLeast(imageVersion(service('proxy').image), [1, 27, 3])).toBe(true);
  });

  it("mounts docker/nginx.conf as the proxy's configuration", () => {
    const mounts = (service('proxy').volumes ?? []).map((v) => v.split(':'));
    const conf = mounts.find(([, target]) => target === '/etc/nginx/nginx.conf');
    expect(conf).toBeDefined();
    expect(resolve(DOCKER, conf![0]!)).toBe(join(DOCKER, 'nginx.conf'));
    expect(conf![2]).toBe('ro');
  });
});

describe('docker/nginx.conf', () => {
  const conf = parseNginx(read(join(DOCKER, 'nginx.conf')));
  const http = own(conf, 'http')[0]?.block ?? [];
  const upstreams = own(http, 'upstream');
  const servers = own(http, 'server');
  const serverBlock = servers[0]?.block ?? [];
  const locations = own(serverBlock, 'location');
  const location = (...args: string[]) => locations.find((l) => l.args.join(' ') === args.join(' '));
  const headers = Object.fromEntries(own(serverBlock, 'proxy_set_header').map((d) => [d.args[0]!.toLowerCase(), d.args[1]]));

  it('parses into one http block with one upstream and one server', () => {
    expect(http.length).toBeGreaterThan(0);
    expect(upstreams).toHaveLength(1);
    expect(servers).toHaveLength(1);
    expect(own(serverBlock, 'listen').map((d) => d.args[0])).toEqual(['80']);
  });

  it('balances over every replica of the api service, re-resolved through Docker DNS', () => {
    const members = own(upstreams[0]!.block, 'server');
    expect(members.map((s) => s.args[0])).toEqual([`api:${environment('api')['PORT']}`]);
    expect(services['api']?.deploy?.replicas).toBe(2);
    expect(members[0]!.args).toContain('resolve');
    expect(own(upstreams[0]!.block, 'zone')).toHaveLength(1); // `resolve` needs shared memory
    expect(own(http, 'resolver')[0]?.args[0]).toBe('127.0.0.11');
  });

  it('sends every proxied location to that upstream', () => {
    const passes = all(conf, 'proxy_pass');
    expect(passes.length).toBeGreaterThan(0);
    for (const pass of passes) expect(pass.args).toEqual([`http://${upstreams[0]!.args[0]}`]);
    expect(own(location('=', '/graphql')?.block, 'proxy_pass')).toHaveLength(1);
    expect(own(location('/')?.block, 'proxy_pass')).toHaveLength(1);
  });

  it('forwards WebSocket upgrades (graphql-ws) with a long read timeout on /graphql', () => {
    expect(own(serverBlock, 'proxy_http_version')[0]?.args).toEqual(['1.1']);
    expect(headers['upgrade']).toBe('$http_upgrade');
    const connection = headers['connection']!;
    const map = own(http, 'map').find((m) => m.args[1] === connection);
    expect(map?.args[0]).toBe('$http_upgrade');
    expect(own(map?.block, 'default')[0]?.args).toEqual(['upgrade']);
    expect(seconds(own(location('=', '/graphql')?.block, 'proxy_read_timeout')[0]?.args[0] ?? '60s')).toBeGreaterThanOrEqual(
      3600,
    );
    // A proxy_set_header inside a location would silently drop all the server-level ones.
    expect(locations.flatMap((l) => own(l.block, 'proxy_set_header'))).toEqual([]);
  });

  it('sets X-Request-Id (kept when valid, else minted) and X-Forwarded-For/Proto', () => {
    const requestId = headers['x-request-id']!;
    const map = own(http, 'map').find((m) => m.args[1] === requestId);
    expect(map?.args[0]).toBe('$http_x_request_id');
    expect(own(map?.block, 'default')[0]?.args).toEqual(['$request_id']);
    const [pattern] = (map?.block ?? []).find((d) => d.name.startsWith('~'))?.name.slice(1).split(' ') ?? [];
    const accepted = new RegExp(pattern ?? '^$');
    expect(['req-1', 'a.b_C-9', 'x'.repeat(128)].every((id) => accepted.test(id))).toBe(true);
    expect(['bad id', 'x'.repeat(129), 'a"b', ''].some((id) => accepted.test(id))).toBe(false);
    // Overwritten, not appended: the API trusts the proxy (TRUST_PROXY=true).
    expect(headers['x-forwarded-for']).toBe('$remote_addr');
    expect(parseEnv({ ...runtimeEnv, ...environment('api') }).TRUST_PROXY).toBe(true);
    expect(headers['x-forwarded-proto']).toBe('$scheme');
  });

  it("limits request bodies to the API's body limit", () => {
    const limit = own(serverBlock, 'client_max_body_size')[0]?.args[0];
    expect(limit).toBeDefined();
    expect(sizeInBytes(limit!)).toBe(parseEnv({ ...runtimeEnv, ...environment('api') }).BODY_LIMIT_BYTES);
  });

  it('serves the proxy healthcheck path and keeps per-replica metrics off the public port', () => {
    const check = (service('proxy').healthcheck?.test as string[]).join(' ');
    const path = /http:\/\/127\.0\.0\.1(\/\S*)/.exec(check)?.[1];
    expect(location('=', path ?? '(none)')).toBeDefined();
    expect(own(location('=', '/metrics')?.block, 'return')[0]?.args).toEqual(['404']);
  });
});

describe('docker/Dockerfile', () => {
  it('builds in stages from node:20-bookworm-slim', () => {
    expect(globalArgs['NODE_IMAGE']).toBe('node:20-bookworm-slim');
    const bases = dockerfile.filter((i) => i.keyword === 'FROM').map((i) => i.args.split(/\s+/)[0]!);
    expect(bases.length).toBeGreaterThanOrEqual(3);
    for (const base of bases) expect(['${NODE_IMAGE}', ...stages]).toContain(base);
  });

  it('copies package-lock.json and installs with npm ci: everything to build, production only to run', () => {
    expect(contextCopies).toContain('package-lock.json');
    const runs = (stage: string) => inStage(stage, 'RUN').map((i) => i.args);
    const buildStage = stages.find((s) => runs(s).some((r) => r.includes('npm run build')));
    expect(buildStage).toBeDefined();
    expect(runs(buildStage!).join('\n')).toMatch(/\bnpm ci\b(?![^\n]*--omit=dev)/);
    const runtimeCopies = inStage(finalStage, 'COPY').map((i) => i.args);
    const modulesFrom = /--from=(\S+)\s+\/app\/node_modules/.exec(runtimeCopies.join('\n'))?.[1];
    expect(modulesFrom).toBeDefined();
    expect(runs(modulesFrom!).join('\n')).toMatch(/\bnpm ci\b[^\n]*--omit=dev/);
    expect(runtimeCopies.join('\n')).toMatch(new RegExp(`--from=${buildStage}\\s+/app/dist\\s`));
    // The runtime stage installs nothing itself.
    expect(runs(finalStage)).toEqual([]);
  });

  it('uses the npm that honours package.json "allowScripts" (npm 11)', () => {
    const pkg = JSON.parse(read(join(ROOT, 'package.json'))) as { allowScripts?: object };
    expect(pkg.allowScripts).toBeDefined();
    const npmVersion = assignments(dockerfile.filter((i) => i.keyword === 'ARG').map((i) => i.args).join(' '))['NPM_VERSION'];
    expect(Number(npmVersion?.split('.')[0])).toBeGreaterThanOrEqual(11);
  });

  it('copies from the context only files that exist and that Dockerfile.dockerignore lets through', () => {
    const allowed = read(join(DOCKER, 'Dockerfile.dockerignore'))
      .split('\n')
      .filter((line) => line.startsWith('!'))
      .map((line) => line.slice(1).trim());
    expect(contextCopies.length).toBeGreaterThan(0);
    for (const source of contextCopies) {
      expect(existsSync(join(ROOT, source))).toBe(true);
      expect(allowed).toContain(source);
    }
  });

  it('runs the compiled main.ts as a non-root user in production mode', () => {
    const cmd = JSON.parse(inStage(finalStage, 'CMD').at(-1)?.args ?? 'null') as string[];
    expect(cmd).toEqual(['node', '--enable-source-maps', 'dist/apps/api/src/main.js']);
    // `swc apps libs -d dist` maps dist/<path>.js to <path>.ts.
    const build = (JSON.parse(read(join(ROOT, 'package.json'))) as { scripts: Record<string, string> }).scripts['build'];
    expect(build).toMatch(/\bswc apps libs -d dist\b/);
    const source = cmd[2]!.replace(/^dist\//, '').replace(/\.js$/, '.ts');
    expect(source).toBe('apps/api/src/main.ts');
    expect(existsSync(join(ROOT, source))).toBe(true);

    const user = inStage(finalStage, 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0', '0:0', 'root:root']).not.toContain(user);
    expect(runtimeEnv['NODE_ENV']).toBe('production');
    expect(inStage(finalStage, 'EXPOSE').map((i) => i.args)).toEqual([runtimeEnv['PORT']]);
    expect(runtimeEnv['PORT']).toBe('3000');
    expect(inStage(finalStage, 'STOPSIGNAL').map((i) => i.args)).toEqual(['SIGTERM']);
  });

  it('sets in the image only variables that the API reads, and caps the Node heap', () => {
    expect(Object.keys(runtimeEnv).length).toBeGreaterThan(0);
    const forNode = ['NODE_OPTIONS'];
    expect(Object.keys(runtimeEnv).filter((name) => ![...ENV_VARIABLES, ...forNode].includes(name))).toEqual([]);
    expect(runtimeEnv['NODE_OPTIONS']).toMatch(/^--max-old-space-size=\d+$/);
  });

  it('has a liveness HEALTHCHECK that passes on 200 and fails otherwise, using node (no curl in slim images)', async () => {
    const healthcheck = inStage(finalStage, 'HEALTHCHECK').at(-1)?.args ?? '';
    const exec = /\bCMD\s+(\[.*\])\s*$/.exec(healthcheck)?.[1];
    expect(exec).toBeDefined();
    const [node, flag, script] = JSON.parse(exec!) as string[];
    expect([node, flag]).toEqual(['node', '-e']);
    const at = (port: number) => ({ script: script!, env: { PORT: String(port) } });
    expect(await runHealthScript(200, at)).toEqual({ exitCode: 0, requested: ['/health/live'] });
    expect(await runHealthScript(500, at)).toEqual({ exitCode: 1, requested: ['/health/live'] });
  });
});
