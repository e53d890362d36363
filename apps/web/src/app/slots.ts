import type { ComponentType, ReactNode } from 'react';

/**
 * Places in the shell a feature may fill, from `features/<area>/slots.tsx` exporting `slots`:
 * the session feature fills `header` (the sign-in state) and `provider` (the in-memory token).
 */
export interface FeatureSlots {
  /** Rendered at the end of the header, after the language switch. */
  header?: ComponentType;
  /** Wraps the whole app (inside the GraphQL and i18n providers). */
  provider?: ComponentType<{ children: ReactNode }>;
}

const found = import.meta.glob<FeatureSlots>('../features/*/slots.tsx', { eager: true, import: 'slots' });

export const slots: FeatureSlots[] = Object.entries(found)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([, featureSlots]) => featureSlots);
