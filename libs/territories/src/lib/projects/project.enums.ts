import { registerEnumType } from '@nestjs/graphql';

export enum PartnerRole {
  LEAD = 'LEAD',
  PARTNER = 'PARTNER',
}
registerEnumType(PartnerRole, { name: 'PartnerRole', description: 'Role of an organization in a project.' });

export enum TeamRole {
  LEAD = 'LEAD',
  MEMBER = 'MEMBER',
}
registerEnumType(TeamRole, { name: 'TeamRole', description: 'Role of a person in a project team; leads manage the team.' });

export enum ProjectPhase {
  UPCOMING = 'UPCOMING',
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
}
registerEnumType(ProjectPhase, { name: 'ProjectPhase' });
