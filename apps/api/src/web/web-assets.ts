import { readFile, readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map']);

export type Encoding = 'br' | 'gzip' | 'identity';

interface Asset {
  type: string;
  body: Buffer;
  compressible: boolean;
  encoded: Map<Encoding, Promise<Buffer>>;
}

/** Picks the best encoding the client accepts (brotli, then gzip). */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return 'identity';
}

export function compress(body: Buffer, encoding: Encoding, level: 'fast' | 'best'): Promise<Buffer> {
  if (encoding === 'br') {
    return brotli(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: level === 'best' ? 11 : 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
  }
  if (encoding === 'gzip') return gz(body, { level: level === 'best' ? 9 : 5 });
  return Promise.resolve(body);
}

/**
 * The built browser files (content-hashed names, so cached for a year), read once at start-up
 * and compressed once per encoding on first request.
 */
export class WebAssets {
  private constructor(private readonly files: Map<string, Asset>) {}

  static async load(directory: string): Promise<WebAssets> {
    const files = new Map<string, Asset>();
    for (const name of await readdir(directory)) {
      const extension = extname(name);
      files.set(name, {
        type: TYPES[extension] ?? 'application/octet-stream',
        body: await readFile(join(directory, name)),
        compressible: COMPRESSIBLE.has(extension),
        encoded: new Map(),
      });
    }
    return new WebAssets(files);
  }

  async get(name: string, acceptEncoding: string | undefined): Promise<{ type: string; body: Buffer; encoding: Encoding } | null> {
    const asset = this.files.get(name);
    if (!asset) return null;
    const encoding = asset.compressible ? preferredEncoding(acceptEncoding) : 'identity';
    if (encoding === 'identity') return { type: asset.type, body: asset.body, encoding };
    let encoded = asset.encoded.get(encoding);
    if (!encoded) {
      encoded = compress(asset.body, encoding, 'best');
      asset.encoded.set(encoding, encoded);
    }
    return { type: asset.type, body: await encoded, encoding };
  }
}
