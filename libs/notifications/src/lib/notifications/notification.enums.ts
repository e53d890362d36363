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
  },
});
