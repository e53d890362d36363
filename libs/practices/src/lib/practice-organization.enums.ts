import { registerEnumType } from '@nestjs/graphql';

/** What kind of body an organization involved in a practice is; the words of Italian community welfare. */
export enum PracticeOrganizationKind {
  MUNICIPALITY = 'MUNICIPALITY',
  PUBLIC_BODY = 'PUBLIC_BODY',
  ASSOCIATION = 'ASSOCIATION',
  SOCIAL_COOPERATIVE = 'SOCIAL_COOPERATIVE',
  FOUNDATION = 'FOUNDATION',
  ENTERPRISE = 'ENTERPRISE',
  INFORMAL_GROUP = 'INFORMAL_GROUP',
  SCHOOL_OR_UNIVERSITY = 'SCHOOL_OR_UNIVERSITY',
  HEALTH_SERVICE = 'HEALTH_SERVICE',
  OTHER = 'OTHER',
}
registerEnumType(PracticeOrganizationKind, {
  name: 'PracticeOrganizationKind',
  description: 'What kind of body an organization involved in a practice is.',
  valuesMap: {
    MUNICIPALITY: { description: 'A municipality (Comune) or a union of municipalities.' },
    PUBLIC_BODY: { description: 'Another public body: region, province, social district (Ambito), public agency.' },
    ASSOCIATION: { description: 'A voluntary or social-promotion association (ODV, APS).' },
    SOCIAL_COOPERATIVE: { description: 'A social cooperative or a consortium of them.' },
    FOUNDATION: { description: 'A foundation, banking foundations and community foundations included.' },
    ENTERPRISE: { description: 'A business, social enterprises included.' },
    INFORMAL_GROUP: { description: 'Residents, neighbours, parents: a group with no legal form.' },
    SCHOOL_OR_UNIVERSITY: { description: 'A school, a training centre or a university.' },
    HEALTH_SERVICE: { description: 'A health service: local health agency (ASL/ATS/ASST), hospital, clinic.' },
    OTHER: {},
  },
});

/** The part an organization plays in a practice. */
export enum PracticeOrganizationRole {
  LEAD = 'LEAD',
  PARTNER = 'PARTNER',
  FUNDER = 'FUNDER',
  SUPPORTER = 'SUPPORTER',
}
registerEnumType(PracticeOrganizationRole, {
  name: 'PracticeOrganizationRole',
  description: 'The part an organization plays in a practice.',
  valuesMap: {
    LEAD: { description: 'Promotes and runs it (capofila).' },
    PARTNER: { description: 'Runs it together with the lead.' },
    FUNDER: { description: 'Pays for it, in whole or in part.' },
    SUPPORTER: { description: 'Lends spaces, people, patronage or advice without running it.' },
  },
});
