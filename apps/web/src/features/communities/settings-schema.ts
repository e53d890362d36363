import { z } from 'zod';

export const VISIBILITIES = ['PUBLIC', 'MEMBERS_ONLY', 'PRIVATE'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** A community's name, description and audience; a new audience must be confirmed. */
export function settingsSchema(current: Visibility) {
  return z
    .object({
      name: z.string().trim().min(3, 'communities.settings.name.tooShort').max(80, 'communities.settings.name.tooLong'),
      description: z.string().trim().max(2000, 'communities.settings.description.tooLong'),
      visibility: z.enum(VISIBILITIES),
      confirmVisibility: z.boolean(),
    })
    .refine((values) => values.visibility === current || values.confirmVisibility, {
      message: 'communities.settings.confirm.required',
      path: ['confirmVisibility'],
    });
}

export type SettingsValues = z.infer<ReturnType<typeof settingsSchema>>;
