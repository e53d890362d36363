import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection, LocalDate, Node, UserError, toGlobalId } from '@bottega/core';
import type { User } from '@bottega/identity';
import type { Territory } from '@bottega/territories';
import type { PracticeInContext } from './practice.access';
import { Practice } from './practice.model';
import { AdoptionOutcome } from './practice-adoption.enums';
import type { PracticeAdoptionRow } from './practice-adoption.repository';

@ObjectType('PracticeAdoption', { implements: () => [Node], description: 'A territory that took a practice up, and how it went; visible wherever the practice is.' })
export class PracticeAdoption implements Node {
  @Field(() => ID)
  id!: string;

  dbId!: string;

  @Field(() => String, { nullable: true, description: 'The organization that took it up, as written.' })
  organizationName!: string | null;

  @Field(() => LocalDate, { description: 'When it was taken up.' })
  adoptedOn!: string;

  @Field({ description: 'How it went, what changed, what others should know.' })
  notes!: string;

  @Field(() => AdoptionOutcome)
  outcome!: AdoptionOutcome;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  row!: PracticeAdoptionRow;

  /**
   * What the page that listed the adoption read with it: its practice as the
   * viewer reads it, its territory and who recorded it (null: the account was
   * removed). Its fields then answer without waiting.
   */
  seenAs?: PracticeInContext;
  knownTerritory?: Territory | null;
  knownRecorder?: User | null;

  static from(row: PracticeAdoptionRow, known: Pick<PracticeAdoption, 'seenAs' | 'knownTerritory' | 'knownRecorder'> = {}): PracticeAdoption {
    return Object.assign(new PracticeAdoption(), {
      id: toGlobalId('PracticeAdoption', row.id),
      dbId: row.id,
      organizationName: row.organizationName,
      adoptedOn: row.adoptedOn,
      notes: row.notes,
      outcome: row.outcome,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      row,
      ...known,
    });
  }
}

@ObjectType()
export class PracticeAdoptionConnection extends Connection(PracticeAdoption, 'PracticeAdoption') {}

@ObjectType()
export class PracticeAdoptionPayload {
  @Field(() => PracticeAdoption, { nullable: true, description: 'The adoption recorded or changed; null when refused or removed.' })
  adoption!: PracticeAdoption | null;

  @Field(() => Practice, { nullable: true, description: 'The practice as it is now; null when refused.' })
  practice!: Practice | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
