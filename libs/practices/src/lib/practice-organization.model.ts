import { Field, ObjectType } from '@nestjs/graphql';
import { PracticeOrganizationKind, PracticeOrganizationRole } from './practice-organization.enums';
import type { PracticeOrganizationValue } from './practice-organization';

@ObjectType('PracticeOrganization', { description: 'An organization involved in a practice, as its authors name it; part of each version.' })
export class PracticeOrganization {
  @Field()
  name!: string;

  @Field(() => PracticeOrganizationKind)
  kind!: PracticeOrganizationKind;

  @Field(() => PracticeOrganizationRole)
  role!: PracticeOrganizationRole;

  static from(value: PracticeOrganizationValue): PracticeOrganization {
    return Object.assign(new PracticeOrganization(), { name: value.name, kind: value.kind, role: value.role });
  }
}
