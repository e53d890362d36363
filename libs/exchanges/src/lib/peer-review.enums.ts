import { registerEnumType } from '@nestjs/graphql';

export enum ReviewInvitationStatus {
  INVITED = 'INVITED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(ReviewInvitationStatus, {
  name: 'ReviewInvitationStatus',
  valuesMap: {
    INVITED: { description: 'Waiting for the peer’s answer.' },
    ACCEPTED: { description: 'The peer reviews: they take part, outside the exchange’s capacity, and write recommendations afterwards.' },
    DECLINED: { description: 'The peer declined.' },
  },
});

export enum ReviewInvitationAnswer {
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
}
registerEnumType(ReviewInvitationAnswer, { name: 'ReviewInvitationAnswer' });

export enum RecommendationResponse {
  ACCEPTED = 'ACCEPTED',
  PARTLY = 'PARTLY',
  DECLINED = 'DECLINED',
}
registerEnumType(RecommendationResponse, {
  name: 'RecommendationResponse',
  valuesMap: {
    ACCEPTED: { description: 'The host takes it up in the action plan.' },
    PARTLY: { description: 'The host takes up part of it (the note says which).' },
    DECLINED: { description: 'The host does not take it up (the note says why).' },
  },
});
