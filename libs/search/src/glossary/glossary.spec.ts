import data from './glossary.data.json';
import { GLOSSARY, GlossaryError, foldTerm, glossaryExpansions, parseGlossary } from './glossary';

describe('the glossary file', () => {
  it('loads and holds between 60 and 120 groups of equivalents, with one-way expansions', () => {
    expect(GLOSSARY.groups.length).toBeGreaterThanOrEqual(60);
    expect(GLOSSARY.groups.length).toBeLessThanOrEqual(120);
    expect(GLOSSARY.oneWay.length).toBeGreaterThan(0);
  });

  it('writes every term in lower case, trimmed, never empty, with at least two terms and a reason per group', () => {
    for (const group of GLOSSARY.groups) {
      expect(group.terms.length).toBeGreaterThanOrEqual(2);
      expect(group.note.trim()).not.toBe('');
      for (const term of group.terms) {
        expect(term).toBe(term.toLowerCase());
        expect(term).toBe(term.trim());
        expect(term).not.toBe('');
      }
    }
  });

  it('puts no term in two groups unless both declare it shared', () => {
    const seen = new Map<string, number>();
    GLOSSARY.groups.forEach((group, index) => {
      for (const term of group.terms) {
        const before = seen.get(foldTerm(term));
        if (before !== undefined) {
          expect({ term, shared: (group.shared ?? []).includes(term) && (GLOSSARY.groups[before]?.shared ?? []).includes(term) }).toEqual({ term, shared: true });
        }
        seen.set(foldTerm(term), index);
      }
    });
  });

  it('writes accents as Italians do (the engines strip them), and the English equivalents of the field', () => {
    const terms = new Set(GLOSSARY.groups.flatMap((group) => group.terms));
    for (const term of ['terza età', 'povertà alimentare', 'welfare di comunità', 'disabilità']) expect(terms).toContain(term);
    for (const term of ['loneliness', 'food bank', 'social cooperative', 'time bank', 'fundraising']) expect(terms).toContain(term);
  });

  it('expands the searches the issue names: everyday words reach the technical ones', () => {
    const expansions = glossaryExpansions();
    expect(expansions.get('anziani soli')).toEqual(expect.arrayContaining(['isolamento sociale', 'solitudine', 'loneliness']));
    expect(expansions.get('emporio solidale')).toEqual(expect.arrayContaining(['market solidale']));
    expect(expansions.get('market solidale')).toEqual(expect.arrayContaining(['emporio solidale']));
    expect(expansions.get('badante')).toEqual(['assistente familiare', 'assistenti familiari']);
    // One way only: the official term does not bring back the colloquial one.
    expect(expansions.get('assistente familiare')).not.toContain('badante');
    expect(expansions.get('fame')).toEqual(expect.arrayContaining(['povertà alimentare']));
    expect(expansions.get('povertà alimentare')).not.toContain('fame');
  });
});

describe('parseGlossary', () => {
  const valid = { groups: [{ terms: ['anziani soli', 'solitudine'], note: 'same problem' }], oneWay: [{ from: 'badante', to: ['assistente familiare'] }] };
  const withGroups = (...groups: unknown[]) => ({ groups, oneWay: [] });

  it('accepts the file and a minimal glossary', () => {
    expect(parseGlossary(data).groups).toHaveLength(GLOSSARY.groups.length);
    expect(parseGlossary(valid)).toEqual(valid);
  });

  it.each([
    ['not an object', [], /must be an object/],
    ['groups missing', { oneWay: [] }, /groups must be a list/],
    ['an unknown field', { ...valid, synonyms: [] }, /unknown field "synonyms"/],
    ['a group of one term', withGroups({ terms: ['solitudine'], note: 'x' }), /at least two terms/],
    ['a group without a reason', withGroups({ terms: ['a b', 'c d'], note: ' ' }), /say why/],
    ['an empty term', withGroups({ terms: ['solitudine', ''], note: 'x' }), /cannot be empty/],
    ['a capitalised term', withGroups({ terms: ['Lecco', 'lecco città'], note: 'x' }), /lower case/],
    ['stray spaces', withGroups({ terms: [' solitudine', 'loneliness'], note: 'x' }), /stray spaces/],
    ['a typographic apostrophe', withGroups({ terms: ['valutazione d’impatto', 'impact evaluation'], note: 'x' }), /typographic apostrophe/],
    ['a term twice once accents are stripped', withGroups({ terms: ['comunità', 'comunita'], note: 'x' }), /appears twice/],
    ['a non-string term', withGroups({ terms: ['solitudine', 3], note: 'x' }), /is a string/],
    [
      'one term in two groups',
      withGroups({ terms: ['solitudine', 'loneliness'], note: 'x' }, { terms: ['solitudine', 'isolamento sociale'], note: 'y' }),
      /"solitudine" is in groups 0 and 1/,
    ],
    ['a one-way rule to itself', { groups: [], oneWay: [{ from: 'badante', to: ['badante'] }] }, /expand to itself/],
    ['a one-way rule to nothing', { groups: [], oneWay: [{ from: 'badante', to: [] }] }, /at least one narrower term/],
    [
      'two one-way rules from the same term',
      { groups: [], oneWay: [{ from: 'badante', to: ['assistente familiare'] }, { from: 'badante', to: ['colf'] }] },
      /already has a one-way rule/,
    ],
    [
      'a one-way rule between terms of one group',
      { groups: [{ terms: ['anziani', 'terza età'], note: 'x' }], oneWay: [{ from: 'anziani', to: ['terza eta'] }] },
      /already equivalent/,
    ],
  ])('rejects %s', (_case, input, message) => {
    expect(() => parseGlossary(input)).toThrow(GlossaryError);
    expect(() => parseGlossary(input)).toThrow(message);
  });

  it('accepts a term in two groups when both say they share it, and refuses a share nobody else holds', () => {
    const shared = withGroups(
      { terms: ['caregiver', 'family carer'], note: 'x', shared: ['caregiver'] },
      { terms: ['caregiver', 'care worker'], note: 'y', shared: ['caregiver'] },
    );
    expect(parseGlossary(shared).groups).toHaveLength(2);
    expect(() => parseGlossary(withGroups({ terms: ['caregiver', 'family carer'], note: 'x', shared: ['caregiver'] }))).toThrow(/no other group holds/);
    expect(() => parseGlossary(withGroups({ terms: ['caregiver', 'family carer'], note: 'x', shared: ['carer'] }))).toThrow(/not one of its terms/);
  });
});
