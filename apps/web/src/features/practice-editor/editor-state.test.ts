import { describe, expect, it } from 'vitest';
import { changedFields, fieldOfError, inputOf, missingParts, tagList, valuesOf, type EditablePractice, type EditorValues } from './editor-state';

const section = (markdown: string) => ({ markdown });

const practice: EditablePractice = {
  id: 'UHJhY3RpY2U6MQ==',
  slug: 'orti',
  kind: 'PRACTICE',
  status: 'DRAFT',
  title: 'Orti condivisi',
  summary: '',
  version: 2,
  tags: ['orti', 'anziani-soli'],
  reviewComment: null,
  updatedAt: '2026-12-03T09:42:00.000Z',
  community: null,
  territories: [],
  need: section('Solitudine'),
  approach: section(''),
  resources: section(''),
  results: section(''),
  difficulties: section(''),
  transferability: section(''),
  viewerCanEdit: true,
  viewerCanSubmit: true,
};

describe('the editor form', () => {
  it('starts from the practice as saved, tags comma-separated', () => {
    expect(valuesOf(practice)).toMatchObject({ title: 'Orti condivisi', need: 'Solitudine', approach: '', tags: 'orti, anziani-soli' });
  });

  it('finds the fields changed', () => {
    const saved = valuesOf(practice);
    const values: EditorValues = { ...saved, need: 'Solitudine degli anziani', tags: 'orti' };
    expect(changedFields(saved, values)).toEqual({ need: 'Solitudine degli anziani', tags: 'orti' });
  });

  it('sends tags as a list, each once, and territories by id', () => {
    expect(inputOf({ tags: ' orti, , Anziani soli,orti ', territories: [{ id: 'VDox', code: 'IT-MI', name: 'Milano' }], need: 'x' })).toEqual({
      need: 'x',
      tags: ['orti', 'Anziani soli'],
      territoryIds: ['VDox'],
    });
    expect(tagList('')).toEqual([]);
  });

  it('lists the required parts still empty: more for a practice than for a story', () => {
    const values = valuesOf(practice);
    expect(missingParts('PRACTICE', values)).toEqual(['summary', 'approach', 'results', 'transferability']);
    expect(missingParts('STORY', { ...values, summary: 'Una storia', approach: '   ' })).toEqual(['approach']);
  });

  it('places the API’s errors on the field they name, from an update or a submission', () => {
    expect(fieldOfError(['input', 'title'])).toBe('title');
    expect(fieldOfError(['practice', 'transferability'])).toBe('transferability');
    expect(fieldOfError(['input', 'territoryIds'])).toBe('territoryIds');
    expect(fieldOfError(['input', 'version'])).toBeNull();
    expect(fieldOfError(null)).toBeNull();
  });
});
