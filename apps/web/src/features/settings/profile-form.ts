import { z } from 'zod';
import type { ResultOf, VariablesOf } from '../../app/graphql';
import type { EditableProfileFields, UpdateProfileMutation } from './settings.queries';

type Profile = ResultOf<typeof EditableProfileFields>;
export type Visibility = Profile['visibility'];
export type Availability = Profile['availability'];
export type OrganizationKind = NonNullable<Profile['organization']>['kind'] & string;

// Typed against the schema's enums, so a value the API adds fails the typecheck until it has words.
export const VISIBILITIES: Record<Visibility, string> = {
  PUBLIC: 'settings.visibility.PUBLIC',
  MEMBERS_ONLY: 'settings.visibility.MEMBERS_ONLY',
  HIDDEN: 'settings.visibility.HIDDEN',
};
export const AVAILABILITIES: Record<Availability, string> = {
  OPEN_TO_EXCHANGE: 'settings.availability.OPEN_TO_EXCHANGE',
  MENTORING: 'settings.availability.MENTORING',
  NOT_AVAILABLE: 'settings.availability.NOT_AVAILABLE',
};
export const ORGANIZATION_KINDS: Record<OrganizationKind, string> = {
  ASSOCIATION: 'settings.organizationKind.ASSOCIATION',
  COOPERATIVE: 'settings.organizationKind.COOPERATIVE',
  CONSORTIUM: 'settings.organizationKind.CONSORTIUM',
  FOUNDATION: 'settings.organizationKind.FOUNDATION',
  PUBLIC_BODY: 'settings.organizationKind.PUBLIC_BODY',
  COMPANY: 'settings.organizationKind.COMPANY',
  OTHER: 'settings.organizationKind.OTHER',
};

/** ISO 639-1 codes as typed: "it, en" or "it en". */
export function languagesOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((code) => code.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

const visibility = z.enum(Object.keys(VISIBILITIES) as [Visibility, ...Visibility[]]);
const availability = z.enum(Object.keys(AVAILABILITIES) as [Availability, ...Availability[]]);
const organizationKind = z.union([z.literal(''), z.enum(Object.keys(ORGANIZATION_KINDS) as [OrganizationKind, ...OrganizationKind[]])]);

/** The profile form: the limits the API states for each field, with a message id for each mistake. */
export const profileSchema = z
  .object({
    displayName: z.string().trim().min(2, 'settings.field.displayName.tooShort').max(80, 'settings.field.displayName.tooLong'),
    bio: z.string().trim().max(2000, 'settings.field.bio.tooLong'),
    avatarUrl: z
      .string()
      .trim()
      .max(2048, 'settings.field.avatarUrl.tooLong')
      .refine((url) => url === '' || /^https:\/\/[^\s/]+\.[^\s]+$/i.test(url), 'settings.field.avatarUrl.https'),
    organizationName: z.string().trim().max(120, 'settings.field.organization.tooLong'),
    organizationKind: organizationKind,
    languages: z
      .string()
      .refine((text) => languagesOf(text).every((code) => /^[a-z]{2}$/.test(code)), 'settings.field.languages.codes')
      .refine((text) => languagesOf(text).length <= 10, 'settings.field.languages.tooMany'),
    territories: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })).max(10, 'settings.field.territories.tooMany'),
    visibility,
    availability,
  })
  .superRefine(
    (values, context) => {
      const name = values.organizationName;
      if (typeof name !== 'string') return;
      if (name !== '' && name.length < 2) context.addIssue({ code: 'custom', path: ['organizationName'], message: 'settings.field.organization.tooShort' });
      if (name === '' && values.organizationKind !== '') context.addIssue({ code: 'custom', path: ['organizationName'], message: 'settings.field.organization.named' });
    },
    // Checked with the other fields, so every mistake shows at once.
    { when: () => true },
  );

export type ProfileValues = z.input<typeof profileSchema>;

/** The form's starting values from the profile as the API has it (empty for someone without one). */
export function profileValues(profile: Profile | null | undefined, displayName: string): ProfileValues {
  return {
    displayName: profile?.displayName ?? displayName,
    bio: profile?.bio ?? '',
    avatarUrl: profile?.avatarUrl ?? '',
    organizationName: profile?.organization?.name ?? '',
    organizationKind: profile?.organization?.kind ?? '',
    languages: (profile?.languages ?? []).join(', '),
    territories: (profile?.territories ?? []).map((territory) => ({ id: territory.id, code: territory.code, name: territory.name })),
    visibility: profile?.visibility ?? 'MEMBERS_ONLY',
    availability: profile?.availability ?? 'NOT_AVAILABLE',
  };
}

/** updateProfile's input from checked values: every basic field, an empty organization removed. */
export function updateProfileInput(values: ProfileValues): VariablesOf<typeof UpdateProfileMutation>['input'] {
  const organizationName = values.organizationName.trim();
  return {
    displayName: values.displayName.trim(),
    bio: values.bio.trim(),
    avatarUrl: values.avatarUrl.trim(),
    organization: organizationName === '' ? null : { name: organizationName, kind: values.organizationKind === '' ? null : values.organizationKind },
    languages: languagesOf(values.languages),
    territoryIds: values.territories.map((territory) => territory.id),
  };
}
