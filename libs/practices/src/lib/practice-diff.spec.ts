import { PracticeField } from './practice-diff.enums';
import { diffContents } from './practice-diff';
import { PracticeKind } from './practice.enums';
import type { PracticeVersionContent } from './practice.repository';
import { SECTIONS, type Sections } from './practice.sections';

const sections = (text: Partial<Record<string, string>> = {}): Sections =>
  Object.fromEntries(SECTIONS.map((name) => [name, { source: text[name] ?? '', html: '' }])) as Sections;

const base: PracticeVersionContent = {
  kind: PracticeKind.PRACTICE,
  title: 'Emporio',
  summary: 'Spesa',
  sections: sections({ need: 'Fame' }),
  startsOn: null,
  endsOn: null,
  projectId: 'p1',
  territoryIds: ['t1'],
  tags: ['cibo'],
  organizations: [],
};
const labels = { territory: (id: string) => `T ${id}`, project: (id: string) => `P ${id}` };

describe('diffContents', () => {
  it('finds nothing between equal contents', () => {
    expect(diffContents(base, { ...base }, labels)).toEqual([]);
  });

  it('lists changes in the fields’ order, whatever changed first', () => {
    const after = { ...base, tags: ['cibo', 'casa'], sections: sections({ need: 'Fame', transferability: 'Un locale' }), title: 'Emporio solidale', projectId: null };
    expect(diffContents(base, after, labels).map((change) => change.field)).toEqual([
      PracticeField.TITLE,
      PracticeField.TRANSFERABILITY,
      PracticeField.PROJECT,
      PracticeField.TAGS,
    ]);
    expect(diffContents(base, after, labels).find((change) => change.field === PracticeField.PROJECT)).toMatchObject({ before: 'P p1', after: null });
  });

  it('leaves out the links a version did not record, and counts a reordered list as a change', () => {
    const { projectId: _p, territoryIds: _t, tags: _g, organizations: _o, ...old } = base;
    expect(diffContents(old, { ...base, tags: ['altro'] }, labels)).toEqual([]);
    expect(diffContents({ ...base, territoryIds: ['t1', 't2'] }, { ...base, territoryIds: ['t2', 't1'] }, labels)).toEqual([]);
    expect(diffContents({ ...base, tags: ['a', 'b'] }, { ...base, tags: ['b', 'a'] }, labels)).toEqual([
      { field: PracticeField.TAGS, before: 'a\nb', after: 'b\na', added: [], removed: [] },
    ]);
  });
});
