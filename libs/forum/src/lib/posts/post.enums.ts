import { registerEnumType } from '@nestjs/graphql';

export enum ReactionKind {
  LIKE = 'LIKE',
  HELPFUL = 'HELPFUL',
  INSIGHTFUL = 'INSIGHTFUL',
  THANKS = 'THANKS',
  CELEBRATE = 'CELEBRATE',
}
registerEnumType(ReactionKind, { name: 'ReactionKind', description: 'One of a small, fixed set; one per person per kind.' });
