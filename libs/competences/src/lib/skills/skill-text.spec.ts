import { KEY_PATTERN, normaliseLabel, searchPrefix } from './skill-text';

describe('skill text', () => {
  it('reads a prefix as lower-case words without accents', () => {
    expect(searchPrefix('  Co-Progett ')).toBe('co progett');
    expect(searchPrefix('Sviluppo di Comunità')).toBe('sviluppo di comunita');
    expect(searchPrefix('dell’impatto')).toBe('dell impatto');
    expect(searchPrefix('%_')).toBe('');
  });

  it('keeps keys to lower-case words joined by single hyphens', () => {
    expect(KEY_PATTERN.test('work-inclusion')).toBe(true);
    expect(KEY_PATTERN.test('eu2-funding')).toBe(true);
    for (const bad of ['Work-inclusion', 'work_inclusion', '-work', 'work--inclusion', 'work inclusion', '']) {
      expect(KEY_PATTERN.test(bad)).toBe(false);
    }
  });

  it('stores labels trimmed with single spaces', () => {
    expect(normaliseLabel('  Raccolta   fondi ')).toBe('Raccolta fondi');
  });
});
