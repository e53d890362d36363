import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { AuditReason } from '@bottega/core';

@InputType()
export class RedactRevisionInput {
  @Field(() => ID)
  postId!: string;

  @Field(() => Int, { description: 'An earlier version; the current one is edited away first.' })
  version!: number;

  @AuditReason()
  reason!: string;
}
