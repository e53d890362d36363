import type { SSRData } from '@urql/core';
import type { HydrationState } from 'react-router';
import type { Lang, Messages } from './i18n';

/** What the server hands the browser in the page, to hydrate without fetching again. */
export interface PageState {
  lang: Lang;
  messages: Messages;
  urql: SSRData;
  router: HydrationState;
}

export const PAGE_STATE_ID = 'bottega-state';

/** JSON safe inside a <script> element. */
export function serializeState(state: PageState): string {
  return JSON.stringify(state).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
