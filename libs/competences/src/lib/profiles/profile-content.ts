import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessDirectory, ContentRegistry, STAFF, idsAfter, type ContentItem, type SearchDocument } from '@bottega/core';
import { flaggable } from '@bottega/moderation';
import { SearchType, searchable } from '@bottega/search';
import { ProfileAccess } from './profile.access';
import { PROFILE_AUDIENCE, profileFacts } from './profile.audience';
import { ProfileVisibility } from './profile.enums';
import { CompetenceProfile } from './profile.model';
import { ProfileRepository, type ProfileDocumentRow } from './profile.repository';

// Profiles are flagged and moderated like posts: a member of `FlaggedContent`.
flaggable(CompetenceProfile);
searchable(SearchType.COMPETENCE_PROFILE, CompetenceProfile);

/**
 * Competence profiles as moderation, notifications and search see them,
 * registered with the core content registry. A profile is its owner's
 * (authorId), moderated by staff (it belongs to no community); the audience
 * decides who loads one, so whoever does sees it whole.
 */
@Injectable()
export class ProfileContent {
  constructor(
    private readonly registry: ContentRegistry,
    private readonly access: ProfileAccess,
    private readonly profiles: ProfileRepository,
    private readonly directory: AccessDirectory,
  ) {}

  register(): void {
    this.registry.register({
      type: 'CompetenceProfile',
      model: CompetenceProfile,
      readable: (context, ids) =>
        Promise.all(
          ids.map(async (id): Promise<ContentItem | null> => {
            const profile = await this.access.load(context, id);
            return (
              profile && {
                type: 'CompetenceProfile',
                id: profile.userId,
                authorId: profile.userId,
                communityId: null,
                hidden: profile.hiddenAt !== null,
                deleted: false,
                visible: true,
                moderators: [STAFF],
              }
            );
          }),
        ),
      present: async (context, id) => {
        const profile = await this.access.reload(context, id);
        return profile && CompetenceProfile.from(profile);
      },
      setHidden: (manager, id, hidden) => this.profiles.setHidden(manager, id, hidden),
      readersAmong: async (manager, id, userIds) => {
        const [profile] = await this.profiles.findByUserIds([id], manager);
        return profile ? this.directory.readersAmong(manager, PROFILE_AUDIENCE, profileFacts(profile), userIds) : [];
      },
      // A profile is no sign of taking part: anyone makes one, so it gives a flag no weight.
      hasVisibleContentBy: async () => false,
      document: (manager, id) => this.document(manager, id),
      ids: (manager, after, limit) => idsAfter(manager, 'competence_profile', after, limit, { key: 'user_id' }),
    });
  }

  /** The profile's search document; null when there is none or its owner hid it (hidden is hidden everywhere, search included). */
  async document(manager: EntityManager, userId: string): Promise<SearchDocument | null> {
    const profile = await this.profiles.forDocument(manager, userId);
    return profile && profile.visibility !== ProfileVisibility.HIDDEN ? searchDocument(profile) : null;
  }
}

/**
 * A profile's words by weight: the display name, then the organization, then
 * the bio, every skill and the area it belongs to in both languages (so
 * "raccolta fondi" and "fundraising" both find it, and find an expert in EU
 * funding, a kind of fundraising); skill keys as tags, and who may find it from
 * its audience (members only, or its owner and staff while moderation hides it).
 */
function searchDocument(profile: ProfileDocumentRow): SearchDocument {
  const skillLabels = [...profile.skills, ...profile.areas].flatMap((skill) => (skill.labelIt === skill.labelEn ? [skill.labelIt] : [skill.labelIt, skill.labelEn]));
  return {
    type: 'CompetenceProfile',
    id: profile.userId,
    title: profile.displayName,
    summary: profile.organizationName,
    body: [profile.bio, skillLabels.join(', ')].filter(Boolean).join('\n\n'),
    authorId: profile.userId,
    communityId: null,
    territoryIds: profile.territoryIds,
    tags: [],
    skills: profile.skills.map((skill) => skill.key),
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
    restrictions: PROFILE_AUDIENCE.restrictions(profileFacts(profile)),
  };
}
