import { Field, ObjectType } from '@nestjs/graphql';
import { Connection, UserError } from '@bottega/core';
import { Competence } from '../profiles/profile.model';
import type { EndorsementRow } from './endorsement.repository';

@ObjectType('Endorsement', { description: 'Someone vouching for another person’s competence.' })
export class Endorsement {
  @Field()
  endorsedAt!: Date;

  endorserId!: string;

  static from(row: EndorsementRow): Endorsement {
    return Object.assign(new Endorsement(), { endorsedAt: row.createdAt, endorserId: row.endorserId });
  }
}

@ObjectType()
export class EndorsementConnection extends Connection(Endorsement, 'Endorsement') {}

@ObjectType()
export class EndorsementPayload {
  @Field(() => Competence, { nullable: true, description: 'The competence, with its endorsements as they are now.' })
  competence!: Competence | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
