import { PracticeOrganizationKind, PracticeOrganizationRole } from './practice-organization.enums';
import { normaliseOrganizationName, organizationKey, organizationLabel, repeatedOrganizations } from './practice-organization';

describe('organizations of a practice', () => {
  it('tidies names and tells the same organization written twice, case and accents aside', () => {
    expect(normaliseOrganizationName('  Comune   di\tCantù ')).toBe('Comune di Cantù');
    expect(organizationKey('COMUNE DI CANTU')).toBe(organizationKey(' comune di  cantù'));
    expect(organizationKey('Comune di Cantù')).not.toBe(organizationKey('Comune di Como'));
    expect(repeatedOrganizations([{ name: 'ASL Bergamo' }, { name: 'Caritas' }, { name: 'asl  bergamo' }, { name: 'CARITAS' }, { name: 'Auser' }])).toEqual([2, 3]);
    expect(repeatedOrganizations([])).toEqual([]);
  });

  it('reads as one line in a diff', () => {
    expect(organizationLabel({ name: 'Caritas', kind: PracticeOrganizationKind.ASSOCIATION, role: PracticeOrganizationRole.PARTNER })).toBe('Caritas (ASSOCIATION, PARTNER)');
  });
});
