import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

/**
 * Every `@ResolveField` method with its signature, from the sources. A field
 * resolver with no parameter decorators takes Nest's direct path (graphql-js
 * calls it as `(parent, args, context)`); `@Parent()` or `@Context()` sends
 * every call of it through Nest's external context creator instead.
 */
function fieldResolvers(): { where: string; signature: string }[] {
  const found: { where: string; signature: string }[] = [];
  const files = readdirSync(join(ROOT, 'libs'), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.resolver.ts'))
    .map((path) => join('libs', path));
  for (const file of files) {
    const source = readFileSync(join(ROOT, file), 'utf8');
    for (const match of source.matchAll(/@ResolveField\(/g)) {
      let depth = 0;
      let end = match.index + '@ResolveField'.length;
      do {
        if (source[end] === '(') depth += 1;
        if (source[end] === ')') depth -= 1;
        end += 1;
      } while (depth > 0);
      const signature = source.slice(end, source.indexOf('{\n', end)).trim();
      found.push({ where: `${file}:${source.slice(0, match.index).split('\n').length}`, signature });
    }
  }
  return found;
}

describe('field resolvers', () => {
  it('take the direct path: no @Parent() or @Context(), only @Args() where a field has arguments', () => {
    const resolvers = fieldResolvers();
    expect(resolvers.length).toBeGreaterThan(30);
    const slow = resolvers.filter(({ signature }) => /@(Parent|Context)\(/.test(signature) && !/@Args\(/.test(signature));
    expect(slow).toEqual([]);
  });
});
