// First-load JavaScript of the public pages, gzip-compressed: the entry, what it imports
// statically, and the page's own chunk with its imports. Fails the build above the budget.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const client = process.env.WEB_DIST_DIR ? resolve(process.env.WEB_DIST_DIR, 'client') : new URL('../../../dist/web/client/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(client, '.vite/manifest.json'), 'utf8'));
const ENTRY = 'src/entry-client.tsx';
const PAGES = { home: 'src/features/home/home-page.tsx', practice: 'src/features/practices/practice-page.tsx' };

function closure(keys) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return files;
}

const gzipKb = (files) => [...files].reduce((sum, file) => sum + gzipSync(readFileSync(join(client, file)), { level: 9 }).length, 0) / 1024;

let failed = false;
const figures = {};
for (const [page, source] of Object.entries(PAGES)) {
  if (!manifest[source]) throw new Error(`${source} is not a chunk of the build: the budget check needs updating`);
  const kb = gzipKb(closure([ENTRY, source]));
  figures[page] = `${kb.toFixed(1)} KB`;
  if (kb > BUDGET_KB) failed = true;
}
figures.entry = `${gzipKb(closure([ENTRY])).toFixed(1)} KB`;
console.log(`first-load JavaScript, gzip (budget ${BUDGET_KB} KB): ${JSON.stringify(figures)}`);
if (failed) {
  console.error(`a public page loads more than ${BUDGET_KB} KB of JavaScript (gzip) on first load`);
  process.exit(1);
}
