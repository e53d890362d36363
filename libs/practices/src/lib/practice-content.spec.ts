import { PracticeKind, PracticeStatus } from './practice.enums';
import { searchDocument } from './practice-content';
import { PracticeOrganizationKind, PracticeOrganizationRole } from './practice-organization.enums';
import type { PracticeRow } from './practice.repository';
import { SECTIONS, type Sections } from './practice.sections';

const sections = (text: Partial<Record<string, string>>): Sections =>
  Object.fromEntries(SECTIONS.map((name) => [name, { source: text[name] ?? '', html: '' }])) as Sections;

const practice = (organizations: PracticeRow['organizations']): PracticeRow => ({
  id: 'p1',
  slug: 'emporio-solidale',
  kind: PracticeKind.PRACTICE,
  status: PracticeStatus.PUBLISHED,
  title: 'Emporio solidale',
  summary: 'Spesa gratuita per le famiglie in difficoltà',
  sections: sections({ need: 'Famiglie in povertà alimentare', approach: 'Una tessera a punti' }),
  startsOn: null,
  endsOn: null,
  communityId: null,
  communityVisibility: null,
  projectId: null,
  createdBy: 'u1',
  version: 1,
  reviewComment: null,
  mediaWithoutConsent: 0,
  adoptionCount: 0,
  bookmarkCount: 0,
  hiddenAt: null,
  publishedAt: new Date('2026-01-01T00:00:00Z'),
  archivedAt: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-01T00:00:00Z'),
  authorIds: ['u1'],
  tags: ['cibo'],
  territoryIds: ['t1'],
  organizations,
  linkedThreadIds: [],
  community: null,
});

describe('the search document of a practice', () => {
  it('carries the names of the organizations involved, so a search for one finds its practices', () => {
    const document = searchDocument(
      practice([
        { name: 'Comune di Cantù', kind: PracticeOrganizationKind.MUNICIPALITY, role: PracticeOrganizationRole.LEAD },
        { name: 'Caritas Ambrosiana', kind: PracticeOrganizationKind.ASSOCIATION, role: PracticeOrganizationRole.PARTNER },
      ]),
    );
    expect(document.body).toContain('Comune di Cantù');
    expect(document.body).toContain('Caritas Ambrosiana');
    // The sections' words stay, the names after them.
    expect(document.body.indexOf('Famiglie in povertà alimentare')).toBeLessThan(document.body.indexOf('Comune di Cantù'));
    expect(document).toMatchObject({ title: 'Emporio solidale', summary: 'Spesa gratuita per le famiglie in difficoltà', restrictions: [] });
  });

  it('adds nothing to the body when no organization is named', () => {
    expect(searchDocument(practice([])).body).toBe('Famiglie in povertà alimentare\n\nUna tessera a punti');
  });
});
