import { registerEnumType } from '@nestjs/graphql';

export enum FlagReason {
  SPAM = 'SPAM',
  OFFENSIVE = 'OFFENSIVE',
  OFF_TOPIC = 'OFF_TOPIC',
  PRIVACY = 'PRIVACY',
  OTHER = 'OTHER',
}
registerEnumType(FlagReason, {
  name: 'FlagReason',
  valuesMap: {
    SPAM: { description: 'Advertising or unrelated promotion.' },
    OFFENSIVE: { description: 'Rude, abusive or discriminatory.' },
    OFF_TOPIC: { description: 'Does not belong in this community or thread.' },
    PRIVACY: { description: 'Discloses personal data of someone (e.g. a beneficiary).' },
    OTHER: { description: 'Something else; explain it in the note.' },
  },
});

export enum ModerationAction {
  HIDE = 'HIDE',
  RESTORE = 'RESTORE',
  DELETE = 'DELETE',
  LOCK = 'LOCK',
  UNLOCK = 'UNLOCK',
  DISMISS_FLAGS = 'DISMISS_FLAGS',
}
registerEnumType(ModerationAction, {
  name: 'ModerationAction',
  description: 'A decision on a piece of flagged content; each one resolves its pending flags.',
  valuesMap: {
    HIDE: { description: 'Hide it from everyone but its author and its moderators (the coordinators or reviewers, and staff).' },
    RESTORE: { description: 'Show it again.' },
    DELETE: { description: 'Delete it (a placeholder stays). Posts and practice comments only.' },
    LOCK: { description: 'Close a thread to replies. Threads only.' },
    UNLOCK: { description: 'Reopen a thread to replies. Threads only.' },
    DISMISS_FLAGS: { description: 'Keep it as it is: the flags were not warranted.' },
  },
});

export enum ModerationCaseStatus {
  PENDING = 'PENDING',
  RESOLVED = 'RESOLVED',
}
registerEnumType(ModerationCaseStatus, {
  name: 'ModerationCaseStatus',
  valuesMap: {
    PENDING: { description: 'Has flags awaiting a decision.' },
    RESOLVED: { description: 'Decided; a new flag reopens it.' },
  },
});
