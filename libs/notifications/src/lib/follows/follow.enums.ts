import { registerEnumType } from '@nestjs/graphql';

export enum FollowSubjectType {
  THREAD = 'THREAD',
  COMMUNITY = 'COMMUNITY',
  TAG = 'TAG',
  TERRITORY = 'TERRITORY',
}
registerEnumType(FollowSubjectType, { name: 'FollowSubjectType' });
