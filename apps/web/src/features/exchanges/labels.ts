import type { ResultOf } from '../../app/graphql';
import type { ExchangeQuery } from './exchange.queries';

type Exchange = Extract<NonNullable<ResultOf<typeof ExchangeQuery>['node']>, { __typename: 'PeerExchange' }>;

// Typed against the schema's enums, so a value the API adds fails the typecheck until it has a label.
export const FORMATS: Record<Exchange['format'], string> = {
  STUDY_VISIT: 'exchanges.format.STUDY_VISIT',
  WORKSHOP: 'exchanges.format.WORKSHOP',
  WEBINAR: 'exchanges.format.WEBINAR',
  MENTORING: 'exchanges.format.MENTORING',
  PEER_REVIEW: 'exchanges.format.PEER_REVIEW',
};

export const STATUSES: Record<Exchange['status'], string> = {
  DRAFT: 'exchanges.status.DRAFT',
  OPEN: 'exchanges.status.OPEN',
  CLOSED: 'exchanges.status.CLOSED',
  COMPLETED: 'exchanges.status.COMPLETED',
  CANCELLED: 'exchanges.status.CANCELLED',
};
