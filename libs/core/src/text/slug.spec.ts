import { slugify, todayInRome } from './slug';

describe('slugify', () => {
  it.each([
    ['Città Solidale', 'citta-solidale'],
    ['  Anziani   soli!! ', 'anziani-soli'],
    ['Co-progettazione & welfare', 'co-progettazione-welfare'],
    ['¿¿??', ''],
  ])('%p → %p', (text, slug) => expect(slugify(text)).toBe(slug));

  it('cuts long text without leaving a trailing hyphen', () => {
    expect(slugify('abc def ghi', 4)).toBe('abc');
  });
});

describe('todayInRome', () => {
  it('uses the Italian calendar day, not UTC', () => {
    expect(todayInRome(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
    expect(todayInRome(new Date('2026-07-15T21:59:00Z'))).toBe('2026-07-15');
  });
});
