import { registerEnumType } from '@nestjs/graphql';

export enum FollowSubjectType {
  THREAD = 'THREAD',
  COMMUNITY = 'COMMUNITY',
  TAG = 'TAG',
  TERRITORY = 'TERRITORY',
  PRACTICE = 'PRACTICE',
}
registerEnumType(FollowSubjectType, {
  name: 'FollowSubjectType',
  valuesMap: {
    PRACTICE: { description: 'A practice or story: its followers hear when it is published.' },
  },
});
