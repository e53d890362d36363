import { openTestDatabaseClient } from '@bottega/testing';
import { PracticeKind } from './practice.enums';
import { SECTIONS, completeSql, missingParts, renderSection, type Sections } from './practice.sections';

const PARTS = ['summary', ...SECTIONS] as const;

describe('practice sections', () => {
  it('render Markdown to sanitized HTML once, and leave an empty section empty', () => {
    expect(renderSection('  I **numeri** <img src=x onerror=alert(1)> ')).toEqual({
      source: 'I **numeri** <img src=x onerror=alert(1)>',
      html: expect.stringContaining('<strong>numeri</strong>'),
    });
    expect(renderSection(' I **numeri** <b>x</b>').html).not.toContain('<b>');
    expect(renderSection('   ')).toEqual({ source: '', html: '' });
  });

  describe('what a practice needs before review', () => {
    let database: Awaited<ReturnType<typeof openTestDatabaseClient>>;
    beforeAll(async () => {
      database = await openTestDatabaseClient();
    });
    afterAll(() => database.close());

    it('is decided alike in JavaScript and in the SQL of the UPDATE that submits, for every kind and every empty part', async () => {
      // Every kind, with everything written, and with each part in turn left empty (blank).
      const cases = Object.values(PracticeKind).flatMap((kind) => [null, ...PARTS].map((empty) => ({ kind, empty })));
      const rows = cases.map(({ kind, empty }, n) => ({
        n,
        kind,
        ...Object.fromEntries(PARTS.map((part) => [part === 'summary' ? 'summary' : `${part}_source`, part === empty ? '  ' : 'scritto'])),
      }));
      const { rows: found } = await database.client.query<{ complete: boolean }>(
        `SELECT ${completeSql('practice')} AS complete
           FROM jsonb_to_recordset($1::jsonb) AS practice(n int, kind text, summary text, ${SECTIONS.map((name) => `${name}_source text`).join(', ')})
          ORDER BY n`,
        [JSON.stringify(rows)],
      );
      const byJs = cases.map(({ kind, empty }) => {
        const sections = Object.fromEntries(SECTIONS.map((name) => [name, { source: name === empty ? '  ' : 'scritto', html: '' }])) as Sections;
        return missingParts({ kind, summary: empty === 'summary' ? '  ' : 'scritto', sections }).length === 0;
      });
      expect(found.map((row) => row.complete)).toEqual(byJs);
      expect(byJs.filter(Boolean).length).toBeGreaterThan(Object.values(PracticeKind).length);
      expect(byJs).toContain(false);
    });
  });
});
