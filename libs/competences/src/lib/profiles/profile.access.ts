import { Injectable } from '@nestjs/common';
import { AccessDirectory, NotFoundError, fromGlobalId, type RequestContext } from '@bottega/core';
import { PROFILE_AUDIENCE, profileFacts } from './profile.audience';
import { ProfileLoaders } from './profile.loaders';
import type { ProfileRow } from './profile.repository';

/** A competence profile is seen by its {@link PROFILE_AUDIENCE}, wherever it is reached from. */
@Injectable()
export class ProfileAccess {
  constructor(
    private readonly loaders: ProfileLoaders,
    private readonly directory: AccessDirectory,
  ) {}

  /** The person's profile, or null when they have none or the viewer may not see it. */
  async load(context: RequestContext, userId: string): Promise<ProfileRow | null> {
    const profile = await context.loaders.get(this.loaders.byUserId).load(userId);
    if (!profile) return null;
    return PROFILE_AUDIENCE.allows(profileFacts(profile), await this.directory.of(context)) ? profile : null;
  }

  /** As {@link load}, read again past this request's cache (after a write). */
  async reload(context: RequestContext, userId: string): Promise<ProfileRow | null> {
    context.loaders.get(this.loaders.byUserId).clear(userId);
    context.loaders.get(this.loaders.competencesByUserId).clear(userId);
    return this.load(context, userId);
  }

  /** The profile of the person a User id names; NOT_FOUND when unknown or not visible, so a hidden profile is not revealed. */
  async visible(context: RequestContext, userGlobalId: string, field: string[]): Promise<ProfileRow> {
    const profile = await this.load(context, fromGlobalId(userGlobalId, 'User', field));
    if (!profile) throw new NotFoundError('Competence profile', userGlobalId);
    return profile;
  }
}
