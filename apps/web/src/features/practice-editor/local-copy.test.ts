import { beforeEach, describe, expect, it } from 'vitest';
import { keepLocalCopy, loadLocalCopy } from './local-copy';

describe('the text kept on this device until saved', () => {
  beforeEach(() => localStorage.clear());

  it('keeps the unsaved changes with their version, and forgets them once all is saved', () => {
    keepLocalCopy('p1', { version: 4, unsaved: { need: 'Anziani soli', territories: [{ id: 't1', code: 'IT-MI', name: 'Milano' }] } });
    expect(loadLocalCopy('p1')).toEqual({ version: 4, unsaved: { need: 'Anziani soli', territories: [{ id: 't1', code: 'IT-MI', name: 'Milano' }] } });
    expect(loadLocalCopy('p2')).toBeNull();
    keepLocalCopy('p1', { version: 5, unsaved: {} });
    expect(loadLocalCopy('p1')).toBeNull();
  });

  it('ignores what it cannot read', () => {
    localStorage.setItem('bottega.practice-editor.p1', '{not json');
    expect(loadLocalCopy('p1')).toBeNull();
    localStorage.setItem('bottega.practice-editor.p1', JSON.stringify({ version: 2, unsaved: { need: 3, territories: [{ id: 1 }], title: 'Orti' } }));
    expect(loadLocalCopy('p1')).toEqual({ version: 2, unsaved: { title: 'Orti' } });
  });
});
