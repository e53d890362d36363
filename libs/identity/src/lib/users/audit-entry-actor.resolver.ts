import { ResolveField, Resolver } from '@nestjs/graphql';
import { AuditEntry, type RequestContext } from '@bottega/core';
import { UserLoaders } from './user.loaders';
import { User } from './user.model';

/** The core records who acted by id; accounts are this library's, so it resolves them. */
@Resolver(() => AuditEntry)
export class AuditEntryActorResolver {
  constructor(private readonly loaders: UserLoaders) {}

  @ResolveField(() => User, { nullable: true, description: 'Who acted; null for automatic actions and removed accounts.' })
  async actor(entry: AuditEntry, _args: unknown, context: RequestContext): Promise<User | null> {
    return this.loaders.user(context, entry.actorDbId);
  }
}
