import type { ResultOf } from '../../app/graphql';
import type { NotificationFields } from './notifications.queries';

type Kind = ResultOf<typeof NotificationFields>['kind'];

// Typed against the schema's enum, so a kind the API adds fails the typecheck until it has words.
export const KIND_MESSAGES: Record<Kind, string> = {
  ANSWER_ACCEPTED: 'notifications.kind.ANSWER_ACCEPTED',
  CONTENT_HIDDEN: 'notifications.kind.CONTENT_HIDDEN',
  EXCHANGE_ACTION_PLAN: 'notifications.kind.EXCHANGE_ACTION_PLAN',
  EXCHANGE_CANCELLED: 'notifications.kind.EXCHANGE_CANCELLED',
  EXCHANGE_CHANGED: 'notifications.kind.EXCHANGE_CHANGED',
  EXCHANGE_OUTCOMES: 'notifications.kind.EXCHANGE_OUTCOMES',
  EXCHANGE_PROMOTED: 'notifications.kind.EXCHANGE_PROMOTED',
  EXCHANGE_REGISTERED: 'notifications.kind.EXCHANGE_REGISTERED',
  EXCHANGE_REVIEW_ACCEPTED: 'notifications.kind.EXCHANGE_REVIEW_ACCEPTED',
  EXCHANGE_REVIEW_DECLINED: 'notifications.kind.EXCHANGE_REVIEW_DECLINED',
  EXCHANGE_REVIEW_INVITED: 'notifications.kind.EXCHANGE_REVIEW_INVITED',
  EXCHANGE_WAITLISTED: 'notifications.kind.EXCHANGE_WAITLISTED',
  MENTION: 'notifications.kind.MENTION',
  NEW_THREAD: 'notifications.kind.NEW_THREAD',
  PRACTICE_COMMENT: 'notifications.kind.PRACTICE_COMMENT',
  PRACTICE_PUBLISHED: 'notifications.kind.PRACTICE_PUBLISHED',
  QUESTION_ROUTED: 'notifications.kind.QUESTION_ROUTED',
  REPLY: 'notifications.kind.REPLY',
};
