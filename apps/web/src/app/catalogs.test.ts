import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';

const catalogs = import.meta.glob<Record<string, string>>(['./messages.*.json', '../ui/messages.*.json', '../features/*/messages.*.json'], { eager: true, import: 'default' });

/** `app` for the shell's catalog, `ui` for the shared components', the folder name for a feature's. */
function areaOf(path: string): string {
  if (path.startsWith('./')) return 'app';
  return path.startsWith('../ui/') ? 'ui' : (path.split('/')[2] ?? path);
}

function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: ReturnType<typeof parse>) => {
    for (const element of elements) {
      if ('value' in element && typeof element.value === 'string' && element.type !== 0) names.add(element.value);
      if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
      if ('children' in element) walk(element.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const byArea = new Map<string, Partial<Record<'it' | 'en', Record<string, string>>>>();
for (const [path, messages] of Object.entries(catalogs)) {
  const lang = path.endsWith('.it.json') ? 'it' : path.endsWith('.en.json') ? 'en' : null;
  if (!lang) throw new Error(`${path}: catalogs are messages.it.json and messages.en.json`);
  byArea.set(areaOf(path), { ...byArea.get(areaOf(path)), [lang]: messages });
}

// Every source file, to find the message ids written in it as string literals.
const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!../**/*.test.tsx', '!../graphql-env.d.ts'], {
  eager: true,
  query: '?raw',
  import: 'default',
});

describe('message catalogs', () => {
  it('are found for the shell and every feature', () => {
    expect([...byArea.keys()]).toEqual(expect.arrayContaining(['app', 'home', 'practices']));
  });

  for (const [area, { it: italian = {}, en: english = {} }] of byArea) {
    describe(area, () => {
      it('has an English message for every Italian one, and nothing else', () => {
        expect(Object.keys(english).sort()).toEqual(Object.keys(italian).sort());
      });

      it(`names every key after its area (${area}.…), so features never collide`, () => {
        expect(Object.keys(italian).filter((key) => !key.startsWith(`${area}.`))).toEqual([]);
      });

      it('writes valid ICU messages with the same arguments in both languages', () => {
        for (const [key, message] of Object.entries(italian)) {
          expect({ key, arguments: placeholders(english[key] ?? '') }).toEqual({ key, arguments: placeholders(message) });
        }
      });
    });
  }

  it('have every message id the code names (quoted, `<area>.…`), in Italian', () => {
    const italian = new Set([...byArea.values()].flatMap(({ it: messages = {} }) => Object.keys(messages)));
    const areas = [...byArea.keys()].join('|');
    const named = new RegExp(`['"]((?:${areas})\\.[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)+)['"]`, 'g');
    const missing: string[] = [];
    for (const [path, source] of Object.entries(sources)) {
      for (const [, id] of source.matchAll(named)) if (id && !italian.has(id)) missing.push(`${path}: ${id}`);
    }
    expect(missing).toEqual([]);
  });
});
