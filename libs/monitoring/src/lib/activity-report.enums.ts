import { registerEnumType } from '@nestjs/graphql';

export enum ActivityScopeKind {
  TERRITORY = 'TERRITORY',
  COMMUNITY = 'COMMUNITY',
  PROJECT = 'PROJECT',
}
registerEnumType(ActivityScopeKind, { name: 'ActivityScopeKind', description: 'What an activity report covers.' });

export enum ActivityPeriodUnit {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(ActivityPeriodUnit, {
  name: 'ActivityPeriodUnit',
  description: 'How an activity report’s series is cut, in Europe/Rome.',
  valuesMap: { WEEK: { description: 'Calendar weeks, from Monday.' }, MONTH: { description: 'Calendar months.' } },
});
