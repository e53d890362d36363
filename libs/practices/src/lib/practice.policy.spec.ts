import { COORDINATOR, EVERYONE, Principals, SIGNED_IN, STAFF } from '@bottega/core';
import { PRACTICE_AUTHOR } from './practice.audience';
import { PracticeStatus } from './practice.enums';
import { canDecide, canReadVersions, type PracticeDecision } from './practice.policy';

const who = (...more: string[]) => new Principals('u', [EVERYONE, SIGNED_IN, ...more]);
const PEOPLE = {
  author: who(`${PRACTICE_AUTHOR}:p`),
  coordinator: who(`${COORDINATOR}:c`),
  coordinatorElsewhere: who(`${COORDINATOR}:d`),
  staff: who(STAFF),
  reader: who(),
};
type Person = keyof typeof PEOPLE;

/** Who may take each decision in each status, for a practice in community `c` (and, for staff, in none). */
const EXPECTED: Record<PracticeDecision, Partial<Record<PracticeStatus, Person[]>>> = {
  edit: { DRAFT: ['author'], PUBLISHED: ['author'] },
  submit: { DRAFT: ['author'] },
  publish: { IN_REVIEW: ['coordinator', 'staff'] },
  return: { IN_REVIEW: ['coordinator', 'staff'] },
  archive: { PUBLISHED: ['author', 'coordinator', 'staff'] },
};

describe('practice decisions', () => {
  it.each(Object.keys(EXPECTED) as PracticeDecision[])('%s: the right people, from the right status only', (decision) => {
    for (const status of Object.values(PracticeStatus)) {
      const allowed = (Object.keys(PEOPLE) as Person[]).filter((person) =>
        canDecide(decision, PEOPLE[person], { id: 'p', communityId: 'c', status }),
      );
      expect({ status, allowed }).toEqual({ status, allowed: EXPECTED[decision][status] ?? [] });
    }
  });

  it('leaves review to staff when a practice has no community', () => {
    const practice = { id: 'p', communityId: null, status: PracticeStatus.IN_REVIEW };
    expect(canDecide('publish', PEOPLE.staff, practice)).toBe(true);
    expect(canDecide('publish', PEOPLE.coordinator, practice)).toBe(false);
  });

  it('shows earlier versions to authors and reviewers only', () => {
    const practice = { id: 'p', communityId: 'c', status: PracticeStatus.PUBLISHED };
    expect((Object.keys(PEOPLE) as Person[]).filter((person) => canReadVersions(PEOPLE[person], practice))).toEqual(['author', 'coordinator', 'staff']);
  });
});
