/** What competences take from configuration; the app builds it from the environment. */
export interface CompetencesOptions {
  /** QUESTION_ROUTED notifications one person gets per day (Europe/Rome), at most. */
  questionRoutingDailyCap: number;
}

export const COMPETENCES_OPTIONS = Symbol('COMPETENCES_OPTIONS');

export const COMPETENCES_DEFAULTS: CompetencesOptions = { questionRoutingDailyCap: 3 };
