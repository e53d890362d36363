import type { ResultOf } from '../../app/graphql';
import type { ExchangeViewerQuery } from './exchange.queries';

/** The exchange as the signed-in viewer reads it: what they may do, their seat, their feedback. */
export type ViewerExchange = Extract<NonNullable<ResultOf<typeof ExchangeViewerQuery>['node']>, { __typename: 'PeerExchange' }>;
