import { accessFilter, quote, scopeFilter, searchFilter, similarFilter, uidFilter } from './meilisearch-filter';

/**
 * Reads a filter the way Meilisearch's parser tokenizes it: quoted literals
 * (with `\` escaping the next character) and bare words. A value is safe when
 * it comes back as exactly one literal holding exactly the value.
 */
function tokens(filter: string): { kind: 'literal' | 'word'; text: string }[] {
  const out: { kind: 'literal' | 'word'; text: string }[] = [];
  let index = 0;
  while (index < filter.length) {
    const char = filter[index]!;
    if (char === ' ') {
      index += 1;
    } else if (char === '"') {
      let text = '';
      index += 1;
      for (;;) {
        if (index >= filter.length) throw new Error(`unterminated literal in ${filter}`);
        const inner = filter[index]!;
        if (inner === '\\') {
          text += filter[index + 1] ?? '';
          index += 2;
        } else if (inner === '"') {
          index += 1;
          break;
        } else {
          text += inner;
          index += 1;
        }
      }
      out.push({ kind: 'literal', text });
    } else if ('[],'.includes(char)) {
      out.push({ kind: 'word', text: char });
      index += 1;
    } else {
      let text = '';
      while (index < filter.length && !' [],"'.includes(filter[index]!)) text += filter[index++];
      out.push({ kind: 'word', text });
    }
  }
  return out;
}

const words = (filter: string) => tokens(filter).filter((token) => token.kind === 'word').map((token) => token.text);
const literals = (filter: string) => tokens(filter).filter((token) => token.kind === 'literal').map((token) => token.text);

const hostile = [
  '" OR type = "x',
  '\\',
  'end\\',
  '\\" OR authorId EXISTS OR "',
  'line\nbreak OR x = 1',
  '\u0000\u0007\t\r',
  "it's 'quoted'",
  'x'.repeat(10_000),
  ') OR (access0 EXISTS',
  'é 😀 ∀',
];

describe('quote', () => {
  it.each(hostile)('keeps %j one literal holding exactly the value', (value) => {
    const quoted = quote(value);
    expect(tokens(quoted)).toEqual([{ kind: 'literal', text: value }]);
  });

  it('escapes backslashes before quotes', () => {
    expect(quote('a\\"b')).toBe('"a\\\\\\"b"');
  });
});

describe('accessFilter', () => {
  it('asks every access slot for one of the reader principals', () => {
    expect(accessFilter(['everyone', 'user:1'])).toBe(
      'access0 IN ["everyone", "user:1"] AND access1 IN ["everyone", "user:1"] AND access2 IN ["everyone", "user:1"] AND access3 IN ["everyone", "user:1"]',
    );
  });

  it('refuses a reader without principals rather than building an empty list', () => {
    expect(() => accessFilter([])).toThrow(RangeError);
  });
});

describe('searchFilter', () => {
  const principals = ['everyone'];
  const access = accessFilter(principals);

  it('is the access filter alone when the user filters nothing', () => {
    expect(searchFilter({}, principals)).toBe(access);
    expect(searchFilter({ types: [], tags: [], territoryIds: [], communityIds: [] }, principals)).toBe(access);
  });

  it('builds one condition per filter field', () => {
    expect(searchFilter({ types: ['Thread', 'Practice'] }, principals)).toBe(`${access} AND type IN ["Thread", "Practice"]`);
    expect(searchFilter({ territoryIds: ['t1'] }, principals)).toBe(`${access} AND territoryIds IN ["t1"]`);
    expect(searchFilter({ tags: ['anziani', 'welfare'] }, principals)).toBe(`${access} AND tags IN ["anziani", "welfare"]`);
    expect(searchFilter({ communityIds: ['c1', 'c2'] }, principals)).toBe(`${access} AND communityId IN ["c1", "c2"]`);
    expect(searchFilter({ authorId: 'u1' }, principals)).toBe(`${access} AND authorId = "u1"`);
    expect(searchFilter({ from: new Date('2026-01-01T00:00:00Z') }, principals)).toBe(`${access} AND createdAt >= 1767225600000`);
    expect(searchFilter({ to: new Date('2026-02-01T00:00:00Z') }, principals)).toBe(`${access} AND createdAt < 1769904000000`);
  });

  it('combines the fields with AND', () => {
    const filter = searchFilter(
      { types: ['Post'], territoryIds: ['t'], tags: ['g'], communityIds: ['c'], authorId: 'a', from: new Date(1000), to: new Date(2000) },
      ['everyone', 'user:a'],
    );
    expect(filter).toBe(
      [
        accessFilter(['everyone', 'user:a']),
        'type IN ["Post"]',
        'territoryIds IN ["t"]',
        'tags IN ["g"]',
        'communityId IN ["c"]',
        'authorId = "a"',
        'createdAt >= 1000',
        'createdAt < 2000',
      ].join(' AND '),
    );
  });

  it.each(hostile)('keeps the structure whatever the values: %j', (value) => {
    const filter = searchFilter(
      { types: [value], territoryIds: [value], tags: [value, 'ok'], communityIds: [value], authorId: value },
      ['everyone', value],
    );
    const safe = searchFilter({ types: ['v'], territoryIds: ['v'], tags: ['v', 'ok'], communityIds: ['v'], authorId: 'v' }, ['everyone', 'v']);
    expect(words(filter)).toEqual(words(safe));
    expect(literals(filter)).toEqual(literals(safe).map((literal) => (literal === 'v' ? value : literal)));
  });

  it('refuses invalid dates instead of sending NaN', () => {
    expect(() => searchFilter({ from: new Date('nope') }, principals)).toThrow(RangeError);
    expect(() => searchFilter({ to: new Date(Number.NaN) }, principals)).toThrow(RangeError);
  });
});

describe('other filters', () => {
  it('narrows similar documents by type and access', () => {
    expect(similarFilter(['Thread'], ['everyone'])).toBe(`${accessFilter(['everyone'])} AND type IN ["Thread"]`);
    expect(similarFilter([], ['everyone'])).toBe(accessFilter(['everyone']));
  });

  it('quotes ids and scopes', () => {
    expect(uidFilter(['Thread-1', 'Post-2'])).toBe('uid IN ["Thread-1", "Post-2"]');
    expect(scopeFilter('Thread:" OR "1')).toBe('scopes = "Thread:\\" OR \\"1"');
    expect(literals(scopeFilter('Community:\\'))).toEqual(['Community:\\']);
  });
});
