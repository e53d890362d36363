import { registerEnumType } from '@nestjs/graphql';

export enum NotificationKind {
  REPLY = 'REPLY',
  MENTION = 'MENTION',
  ANSWER_ACCEPTED = 'ANSWER_ACCEPTED',
  NEW_THREAD = 'NEW_THREAD',
  CONTENT_HIDDEN = 'CONTENT_HIDDEN',
  PRACTICE_PUBLISHED = 'PRACTICE_PUBLISHED',
  PRACTICE_COMMENT = 'PRACTICE_COMMENT',
  QUESTION_ROUTED = 'QUESTION_ROUTED',
  EXCHANGE_REGISTERED = 'EXCHANGE_REGISTERED',
  EXCHANGE_WAITLISTED = 'EXCHANGE_WAITLISTED',
  EXCHANGE_PROMOTED = 'EXCHANGE_PROMOTED',
  EXCHANGE_CHANGED = 'EXCHANGE_CHANGED',
  EXCHANGE_CANCELLED = 'EXCHANGE_CANCELLED',
  EXCHANGE_REVIEW_INVITED = 'EXCHANGE_REVIEW_INVITED',
  EXCHANGE_REVIEW_ACCEPTED = 'EXCHANGE_REVIEW_ACCEPTED',
  EXCHANGE_REVIEW_DECLINED = 'EXCHANGE_REVIEW_DECLINED',
  EXCHANGE_ACTION_PLAN = 'EXCHANGE_ACTION_PLAN',
  EXCHANGE_OUTCOMES = 'EXCHANGE_OUTCOMES',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  valuesMap: {
    REPLY: { description: 'A reply in a thread you follow (you follow threads you start or reply to).' },
    MENTION: { description: 'Someone @mentioned you.' },
    ANSWER_ACCEPTED: { description: 'Your reply was accepted as the answer.' },
    NEW_THREAD: { description: 'A new thread in a community, tag or territory you follow.' },
    CONTENT_HIDDEN: {
      description:
        'Something you wrote (a post, thread, practice, comment or your profile) was hidden until a moderator decides: by a moderator (`reason` has their words) ' +
        'or by flags from the community (`reasonCodes` has the `FlagReason`s given).',
    },
    PRACTICE_PUBLISHED: { description: 'A practice or story you follow, or one about a tag or territory you follow, was published.' },
    PRACTICE_COMMENT: { description: 'Someone commented on a practice or story you wrote.' },
    QUESTION_ROUTED: {
      description: 'An unanswered question tagged with a skill you have at EXPERIENCED or above, which you could answer (at most a few a day).',
    },
    EXCHANGE_REGISTERED: { description: 'Your seat at a peer exchange is confirmed.' },
    EXCHANGE_WAITLISTED: { description: 'A peer exchange you registered for is full: you are on its waitlist.' },
    EXCHANGE_PROMOTED: { description: 'A seat freed up at a peer exchange: you moved from the waitlist to registered.' },
    EXCHANGE_CHANGED: { description: 'The schedule or the place of a peer exchange you registered for changed.' },
    EXCHANGE_CANCELLED: { description: 'A peer exchange you registered for was cancelled (`reason` has the organisers’ words).' },
    EXCHANGE_REVIEW_INVITED: { description: 'You are invited to review a host’s situation as a peer, at a PEER_REVIEW exchange.' },
    EXCHANGE_REVIEW_ACCEPTED: { description: 'Someone you invited to a peer review accepted.' },
    EXCHANGE_REVIEW_DECLINED: { description: 'Someone you invited to a peer review declined.' },
    EXCHANGE_ACTION_PLAN: { description: 'The host of a peer review you took part in answered the recommendations with an action plan.' },
    EXCHANGE_OUTCOMES: { description: 'The outcomes of a peer exchange you attended were published.' },
  },
});
