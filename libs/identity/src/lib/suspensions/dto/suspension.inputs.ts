import { Field, ID, InputType } from '@nestjs/graphql';
import { AuditReason } from '@bottega/core';

@InputType()
export class SuspendUserInput {
  @Field(() => ID)
  userId!: string;

  @AuditReason()
  reason!: string;

  @Field(() => Date, { nullable: true, description: 'When the suspension ends; left out, it lasts until lifted.' })
  until?: Date | null;
}

@InputType()
export class UnsuspendUserInput {
  @Field(() => ID)
  userId!: string;

  @AuditReason()
  reason!: string;
}
