import { registerEnumType } from '@nestjs/graphql';

export enum CommunityKind {
  THEMATIC = 'THEMATIC',
  TERRITORIAL = 'TERRITORIAL',
}
registerEnumType(CommunityKind, { name: 'CommunityKind' });

export enum CommunityVisibility {
  PUBLIC = 'PUBLIC',
  MEMBERS_ONLY = 'MEMBERS_ONLY',
  PRIVATE = 'PRIVATE',
}
registerEnumType(CommunityVisibility, {
  name: 'CommunityVisibility',
  valuesMap: {
    PUBLIC: { description: 'Anyone, also without an account, reads it.' },
    MEMBERS_ONLY: { description: 'Anyone signed in reads it.' },
    PRIVATE: { description: 'Only its members (and site moderators) know it exists.' },
  },
});

export enum CommunityRole {
  MEMBER = 'MEMBER',
  COORDINATOR = 'COORDINATOR',
}
registerEnumType(CommunityRole, { name: 'CommunityRole', description: 'Coordinators run the community: members, pins, locks, moderation.' });
