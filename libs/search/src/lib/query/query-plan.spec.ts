import { parseGlossary } from '../../glossary/glossary';
import { FRAMING_WEIGHT, QueryGlossary, isQuestion, planQuery, queryWords } from './query-plan';

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
      { original: 'anziani soli', alternatives: ['anziani soli', 'terza eta', 'loneliness'], weight: 1 },
      { original: 'a', alternatives: ['a'], weight: 1 },
      { original: 'lecco', alternatives: ['lecco'], weight: 1 },
    ]);
  });

  it('expands one way only: "badante" finds "assistente familiare", not the reverse', () => {
    expect(planQuery(['badante'], glossary)).toEqual([{ original: 'badante', alternatives: ['badante', 'assistente familiare'], weight: 1 }]);
    expect(planQuery(['assistente', 'familiare'], glossary).map((group) => group.alternatives)).toEqual([['assistente'], ['familiare']]);
  });

  it('matches phrases on corrected words, keeping what was typed', () => {
    const corrections = new Map([['anzaini', ['anziani']]]);
    expect(planQuery(['anzaini', 'soli'], glossary, corrections)).toEqual([
      { original: 'anzaini soli', alternatives: ['anziani soli', 'terza eta', 'loneliness'], weight: 1 },
    ]);
    expect(planQuery(['anzaini'], glossary, corrections)).toEqual([{ original: 'anzaini', alternatives: ['anzaini', 'anziani'], weight: 1 }]);
  });

  it('weighs less the verb a question is framed with: it says what the reader wants to do, not about what', () => {
    const weights = (text: string) => Object.fromEntries(planQuery(queryWords(text), glossary).map((group) => [group.original, group.weight]));
    expect(weights('Come aprire un emporio solidale?')).toMatchObject({ aprire: FRAMING_WEIGHT, 'emporio solidale': 1 });
    expect(weights('how do I run a food bank')).toMatchObject({ run: FRAMING_WEIGHT, food: 1, bank: 1 });
    // Not a question: the same verb is what the reader looks for.
    expect(weights('aprire un emporio solidale')).toMatchObject({ aprire: 1 });
    expect(isQuestion(queryWords('Servono i tablet?'))).toBe(true);
    expect(isQuestion(queryWords('tablet per anziani'))).toBe(false);
  });

  it('weighs less the words that say a person is sought, wherever they are: "esperto di migranti"', () => {
    const plan = planQuery(queryWords('esperto di migranti'), glossary);
    expect(plan.map((group) => [group.original, group.weight])).toEqual([['esperto', FRAMING_WEIGHT], ['di', 1], ['migranti', 1]]);
  });
});
