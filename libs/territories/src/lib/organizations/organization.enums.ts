import { registerEnumType } from '@nestjs/graphql';

export enum OrganizationKind {
  PUBLIC_BODY = 'PUBLIC_BODY',
  ASSOCIATION = 'ASSOCIATION',
  FOUNDATION = 'FOUNDATION',
  CONSORTIUM = 'CONSORTIUM',
  COOPERATIVE = 'COOPERATIVE',
  COMPANY = 'COMPANY',
  OTHER = 'OTHER',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
