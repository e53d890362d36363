import { accessSlots, reducedClauses } from './access-slots';
import { SearchEngineError } from './search-engine.error';

describe('access slots', () => {
  it('fills the unused slots with everyone', () => {
    expect(accessSlots('postgres', 'k', [['member:c', 'staff']])).toEqual([['member:c', 'staff'], ['everyone'], ['everyone'], ['everyone']]);
    expect(accessSlots('postgres', 'k', [])).toEqual([['everyone'], ['everyone'], ['everyone'], ['everyone']]);
  });

  it('reduces clauses without changing who is admitted', () => {
    // A clause nobody holds admits nobody, whatever the others say.
    expect(reducedClauses([['member:c'], [], ['user:a', 'staff']])).toEqual([[]]);
    // A clause containing another is implied by it; equal clauses count once.
    expect(reducedClauses([['member:c', 'staff', 'invited:c'], ['staff', 'member:c'], ['member:c', 'staff']])).toEqual([['member:c', 'staff']]);
    expect(reducedClauses([['user:a', 'staff'], ['user:b', 'staff']])).toEqual([['staff', 'user:a'], ['staff', 'user:b']]);
  });

  it('refuses, loudly, more clauses than slots', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((name) => [`user:${name}`]);
    expect(() => accessSlots('meilisearch', 'Post:x', five)).toThrow(SearchEngineError);
  });
});
