import { Field, ID, Int, ObjectType, createUnionType } from '@nestjs/graphql';
import { Connection, UserError, toGlobalId } from '@bottega/core';
import type { ContentFlagEntity, ModerationCaseEntity } from './moderation.entity';
import { FlagReason, ModerationAction, ModerationCaseStatus } from './moderation.enums';

type Model = new (...args: never[]) => object;
const FLAGGABLE: Model[] = [];

/**
 * Makes a kind's GraphQL type a member of `FlaggedContent`. Called where the
 * kind is registered, at import, since the schema is built before modules start.
 */
export function flaggable(...models: Model[]): void {
  for (const model of models) if (!FLAGGABLE.includes(model)) FLAGGABLE.push(model);
}

export const FlaggedContent = createUnionType({
  name: 'FlaggedContent',
  description: 'Any content that can be flagged (a post, thread, practice or story, practice comment or competence profile), as flagged or moderated.',
  types: () => FLAGGABLE,
  resolveType: (value: object) => FLAGGABLE.find((model) => value instanceof model),
});

@ObjectType({ description: 'How many flags gave one reason.' })
export class FlagReasonCount {
  @Field(() => FlagReason)
  reason!: FlagReason;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ContentFlag', { description: 'One person’s flag on a piece of content (a post, thread, practice, story, comment or profile).' })
export class ContentFlag {
  @Field(() => ID)
  id!: string;

  @Field(() => FlagReason)
  reason!: FlagReason;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field()
  createdAt!: Date;

  @Field({ description: 'Whether a decision has been taken on it.' })
  resolved!: boolean;

  @Field(() => Int, {
    description:
      'How much it counts towards hiding the item, fixed when it was raised: 0 for accounts that are new or have written nothing ' +
      '(their flags wait for review), 1 for others, more for the community’s coordinators and staff.',
  })
  weight!: number;

  flaggerDbId!: string;
  caseDbId!: string;

  static from(entity: ContentFlagEntity): ContentFlag {
    return Object.assign(new ContentFlag(), {
      id: toGlobalId('ContentFlag', entity.id),
      reason: entity.reason,
      note: entity.note,
      createdAt: entity.createdAt,
      resolved: entity.resolvedAt !== null,
      weight: entity.weight,
      flaggerDbId: entity.flaggerId,
      caseDbId: entity.caseId,
    });
  }
}

@ObjectType('ModerationCase', { description: 'A flagged piece of content (a post, thread, practice, story, comment or profile) in the moderation queue, with its flags.' })
export class ModerationCase {
  @Field(() => ID)
  id!: string;

  @Field(() => ModerationCaseStatus)
  status!: ModerationCaseStatus;

  @Field({ description: 'When it was last flagged.' })
  lastFlaggedAt!: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => ModerationAction, { nullable: true, description: 'The latest decision, while resolved.' })
  resolution!: ModerationAction | null;

  entity!: ModerationCaseEntity;

  static from(entity: ModerationCaseEntity): ModerationCase {
    return Object.assign(new ModerationCase(), {
      id: toGlobalId('ModerationCase', entity.id),
      status: entity.status,
      lastFlaggedAt: entity.lastFlaggedAt,
      resolvedAt: entity.resolvedAt,
      resolution: entity.resolution,
      entity,
    });
  }
}

@ObjectType()
export class ModerationCaseConnection extends Connection(ModerationCase, 'ModerationCase') {}

@ObjectType()
export class FlagContentPayload {
  @Field(() => ContentFlag, { nullable: true })
  flag!: ContentFlag | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class ModeratePayload {
  @Field(() => FlaggedContent, { nullable: true, description: 'The content as it is after the decision.' })
  content!: object | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
