import { describe, expect, it } from 'vitest';
import { competenceErrorPath, competencesSchema, setCompetencesInput } from './competences-form';
import { languagesOf, profileSchema, profileValues, updateProfileInput, type ProfileValues } from './profile-form';

const valid: ProfileValues = {
  displayName: 'Sara Esposito',
  bio: 'Educatrice a Napoli.',
  avatarUrl: '',
  organizationName: '',
  organizationKind: '',
  languages: 'it, en',
  territories: [],
  visibility: 'PUBLIC',
  availability: 'OPEN_TO_EXCHANGE',
};

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
}

describe('the profile form', () => {
  it('accepts what the API accepts', () => {
    expect(profileSchema.safeParse(valid).success).toBe(true);
  });

  it('names each mistake by its field', () => {
    const result = profileSchema.safeParse({
      ...valid,
      displayName: ' S ',
      bio: 'x'.repeat(2001),
      avatarUrl: 'http://example.org/me.jpg',
      organizationName: 'X',
      languages: 'italiano',
    });
    expect(messages(result)).toEqual({
      displayName: 'settings.field.displayName.tooShort',
      bio: 'settings.field.bio.tooLong',
      avatarUrl: 'settings.field.avatarUrl.https',
      languages: 'settings.field.languages.codes',
      organizationName: 'settings.field.organization.tooShort',
    });
  });

  it('asks for an organization’s name when its kind is chosen, and caps territories at 10', () => {
    expect(messages(profileSchema.safeParse({ ...valid, organizationKind: 'COOPERATIVE' }))).toEqual({
      organizationName: 'settings.field.organization.named',
    });
    const territories = Array.from({ length: 11 }, (_, index) => ({ id: `T${index}`, name: `T${index}` }));
    expect(messages(profileSchema.safeParse({ ...valid, territories }))).toEqual({ territories: 'settings.field.territories.tooMany' });
  });

  it('reads languages as codes and sends every basic field, an empty organization as none', () => {
    expect(languagesOf('IT; en  de,it')).toEqual(['it', 'en', 'de']);
    expect(updateProfileInput({ ...valid, territories: [{ id: 'VGVycml0b3J5OjE=', code: 'IT-NA', name: 'Napoli' }] })).toEqual({
      displayName: 'Sara Esposito',
      bio: 'Educatrice a Napoli.',
      avatarUrl: '',
      organization: null,
      languages: ['it', 'en'],
      territoryIds: ['VGVycml0b3J5OjE='],
    });
    expect(updateProfileInput({ ...valid, organizationName: ' Coop Sole ', organizationKind: 'COOPERATIVE' }).organization).toEqual({
      name: 'Coop Sole',
      kind: 'COOPERATIVE',
    });
  });

  it('starts from the account’s name for someone without a profile', () => {
    expect(profileValues(null, 'Anna Ricci')).toMatchObject({ displayName: 'Anna Ricci', bio: '', territories: [] });
  });
});

describe('the competences form', () => {
  const row = { skillId: 'U2tpbGw6MQ==', level: 'EXPERT' as const, evidenceNote: '', evidenceIds: ['UHJhY3RpY2U6MQ=='], endorsementCount: 3 };

  it('wants a skill on each row, each skill once, notes of at most 1000 characters', () => {
    const result = competencesSchema.safeParse({
      competences: [row, { ...row, evidenceNote: 'x'.repeat(1001) }, { ...row, skillId: '' }],
    });
    expect(messages(result)).toEqual({
      'competences.1.evidenceNote': 'settings.field.evidenceNote.tooLong',
      'competences.1.skillId': 'settings.field.skill.twice',
      'competences.2.skillId': 'settings.field.skill.required',
    });
  });

  it('allows at most 30 competences', () => {
    const competences = Array.from({ length: 31 }, (_, index) => ({ ...row, skillId: `S${index}` }));
    expect(messages(competencesSchema.safeParse({ competences }))).toEqual({ competences: 'settings.competences.tooMany' });
  });

  it('keeps the evidence already attached and leaves the counts out of the input', () => {
    expect(setCompetencesInput({ competences: [{ ...row, evidenceNote: '  ' }] })).toEqual({
      competences: [{ skillId: 'U2tpbGw6MQ==', level: 'EXPERT', evidenceNote: null, evidenceIds: ['UHJhY3RpY2U6MQ=='] }],
    });
  });

  it('places the API’s errors on the row and field they name', () => {
    expect(competenceErrorPath(['input', 'competences', '2', 'skillId'])).toBe('competences.2.skillId');
    expect(competenceErrorPath(['input', 'competences', '0', 'evidenceIds'])).toBe('competences.0.evidenceNote');
    expect(competenceErrorPath(['input', 'competences'])).toBe('competences');
    expect(competenceErrorPath(['input'])).toBeNull();
  });
});
