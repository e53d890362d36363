import { Args, Context, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { isStaff, type Outcome, type RequestContext } from '@bottega/core';
import { isSuspended } from '../users/suspension';
import type { UserEntity } from '../users/user.entity';
import { User } from '../users/user.model';
import { SuspendUserInput, UnsuspendUserInput } from './dto/suspension.inputs';
import { SuspensionPayload, UserSuspension } from './suspension.model';
import { canSuspend } from './suspension.policy';
import { SuspensionService } from './suspension.service';

@Resolver(() => User)
export class SuspensionResolver {
  constructor(private readonly service: SuspensionService) {}

  @Mutation(() => SuspensionPayload, { nullable: true,
    description: 'Suspends an account: it cannot sign in and its sessions end at once. Moderators and admins; only admins suspend admins.',
  })
  async suspendUser(@Args('input') input: SuspendUserInput, @Context() context: RequestContext): Promise<SuspensionPayload> {
    return payload(await this.service.suspend(input, context));
  }

  @Mutation(() => SuspensionPayload, { nullable: true, description: 'Lifts a running suspension. Moderators and admins.' })
  async unsuspendUser(@Args('input') input: UnsuspendUserInput, @Context() context: RequestContext): Promise<SuspensionPayload> {
    return payload(await this.service.unsuspend(input, context));
  }

  @ResolveField(() => UserSuspension, { nullable: true, description: 'The running suspension; shown to moderators and admins only.' })
  async suspension(user: User, _args: unknown, context: RequestContext): Promise<UserSuspension | null> {
    const staff = await context.can(isStaff);
    return staff && isSuspended(user.suspension) ? UserSuspension.of(user.suspension) : null;
  }

  @ResolveField(() => Boolean)
  viewerCanSuspend(user: User, _args: unknown, context: RequestContext): boolean | Promise<boolean> {
    return context.can((viewer) => canSuspend(viewer, { id: user.dbId, role: user.role }));
  }
}

function payload(outcome: Outcome<UserEntity>): SuspensionPayload {
  return outcome.ok ? { user: User.from(outcome.value), userErrors: [] } : { user: null, userErrors: outcome.errors };
}
