import { parseGlossary } from '../../glossary/glossary';
import { QueryGlossary, planQuery, queryWords } from './query-plan';

const glossary = new QueryGlossary(
  parseGlossary({
    groups: [
      { terms: ['anziani soli', 'terza età', 'loneliness'], note: 'older people alone' },
      { terms: ['emporio solidale', 'market solidale'], note: 'solidarity shop' },
    ],
    oneWay: [{ from: 'badante', to: ['assistente familiare'] }],
  }),
);

describe('query plan', () => {
  it('folds case and accents and splits on anything that is not a letter or digit', () => {
    expect(queryWords('  Comunità, CITTÀ!  l’anziano 2027 ')).toEqual(['comunita', 'citta', 'l', 'anziano', '2027']);
    expect(queryWords('!!! ??? ...')).toEqual([]);
    expect(queryWords('a '.repeat(50))).toHaveLength(12);
    expect(queryWords('x'.repeat(500))[0]).toHaveLength(40);
  });

  it('reads glossary phrases as one concept with their equivalents, the other words alone', () => {
    expect(planQuery(queryWords('Anziani soli a Lecco'), glossary)).toEqual([
      { original: 'anziani soli', alternatives: ['anziani soli', 'terza eta', 'loneliness'] },
      { original: 'a', alternatives: ['a'] },
      { original: 'lecco', alternatives: ['lecco'] },
    ]);
  });

  it('expands one way only: "badante" finds "assistente familiare", not the reverse', () => {
    expect(planQuery(['badante'], glossary)).toEqual([{ original: 'badante', alternatives: ['badante', 'assistente familiare'] }]);
    expect(planQuery(['assistente', 'familiare'], glossary).map((group) => group.alternatives)).toEqual([['assistente'], ['familiare']]);
  });

  it('matches phrases on corrected words, keeping what was typed', () => {
    const corrections = new Map([['anzaini', ['anziani']]]);
    expect(planQuery(['anzaini', 'soli'], glossary, corrections)).toEqual([
      { original: 'anzaini soli', alternatives: ['anziani soli', 'terza eta', 'loneliness'] },
    ]);
    expect(planQuery(['anzaini'], glossary, corrections)).toEqual([{ original: 'anzaini', alternatives: ['anzaini', 'anziani'] }]);
  });
});
