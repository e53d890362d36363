import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { AuditReason, ConnectionArgs } from '@bottega/core';
import { FlagReason, ModerationAction, ModerationCaseStatus } from '../moderation.enums';

@InputType()
export class FlagContentInput {
  @Field(() => ID, { description: 'Any flaggable content: a post, thread, practice or story, practice comment or competence profile.' })
  subjectId!: string;

  @Field(() => FlagReason)
  reason!: FlagReason;

  @Field(() => String, { nullable: true, description: 'What the moderators should know (at most 500 characters).' })
  @IsOptional()
  @MaxLength(500, { message: 'A note has at most 500 characters.' })
  note?: string | null;
}

@InputType()
export class ModerateInput {
  @Field(() => ID, { description: 'Any flaggable content: a post, thread, practice or story, practice comment or competence profile.' })
  subjectId!: string;

  @Field(() => ModerationAction)
  action!: ModerationAction;

  @AuditReason()
  reason!: string;
}

@InputType()
export class ModerationQueueFilter {
  @Field(() => ID, { nullable: true, description: 'Only this community; you must coordinate it (or be staff).' })
  community?: string | null;

  @Field(() => ModerationCaseStatus, { defaultValue: ModerationCaseStatus.PENDING })
  status!: ModerationCaseStatus;
}

@ArgsType()
export class ModerationQueueArgs extends ConnectionArgs {
  @Field(() => ModerationQueueFilter, { nullable: true, description: 'Pending cases everywhere the viewer moderates when left out.' })
  filter?: ModerationQueueFilter | null;
}
