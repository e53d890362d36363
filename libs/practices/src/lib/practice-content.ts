import { Injectable } from '@nestjs/common';
import { AccessDirectory, ContentRegistry, always, idsAfter, type ContentItem, type SearchDocument } from '@bottega/core';
import { flaggable } from '@bottega/moderation';
import { SearchType, searchable } from '@bottega/search';
import { PracticeAccess } from './practice.access';
import { PRACTICE_AUDIENCE, REVIEWERS, practiceFacts, type PracticeFacts } from './practice.audience';
import { Practice } from './practice.model';
import { PracticeRepository, type PracticeRow } from './practice.repository';
import { SECTIONS } from './practice.sections';

// Practices are flagged and moderated like posts: a member of `FlaggedContent`.
flaggable(Practice);
searchable(SearchType.PRACTICE, Practice);

/** Those who moderate a practice: its reviewers. */
const moderatorsOf = (practice: PracticeRow): string[] => always<PracticeFacts>(REVIEWERS).principals(practiceFacts(practice));

/** Practices as moderation, notifications and search see them, registered with the core content registry. */
@Injectable()
export class PracticeContent {
  constructor(
    private readonly registry: ContentRegistry,
    private readonly access: PracticeAccess,
    private readonly practices: PracticeRepository,
    private readonly directory: AccessDirectory,
  ) {}

  register(): void {
    this.registry.register({
      type: 'Practice',
      model: Practice,
      // The audience already decides hidden practices: whoever loads one sees it whole.
      readable: (context, ids) =>
        Promise.all(
          ids.map(async (id): Promise<ContentItem | null> => {
            const found = await this.access.load(context, id);
            if (!found) return null;
            const { practice } = found;
            return {
              type: 'Practice',
              id: practice.id,
              authorId: practice.createdBy,
              communityId: practice.communityId,
              hidden: practice.hiddenAt !== null,
              deleted: false,
              visible: true,
              moderators: moderatorsOf(practice),
            };
          }),
        ),
      present: async (context, id) => {
        const found = await this.access.reload(context, id);
        return found && Practice.from(found.practice);
      },
      setHidden: (manager, id, hidden) => this.practices.setHidden(manager, id, hidden),
      readersAmong: async (manager, id, userIds) => {
        const [practice] = await this.practices.findByIds([id], manager);
        return practice ? this.directory.readersAmong(manager, PRACTICE_AUDIENCE, practiceFacts(practice), userIds) : [];
      },
      hasVisibleContentBy: (userId) => this.practices.hasVisibleBy(userId),
      // Every author counts, the co-authors too.
      authoredBy: async (manager, id, userId) => ((await this.practices.findByIds([id], manager))[0]?.authorIds ?? []).includes(userId),
      ids: (manager, after, limit) => idsAfter(manager, 'practice', after, limit),
      document: async (manager, id) => {
        const [practice] = await this.practices.findByIds([id], manager);
        return practice ? searchDocument(practice) : null;
      },
    });
  }
}

/**
 * A practice's words by weight, and who may find it: its audience's
 * restrictions (drafts for their authors and reviewers). The body ends with
 * the names of the organizations involved, so a search for an organization
 * finds the practices it took part in.
 */
export function searchDocument(practice: PracticeRow): SearchDocument {
  return {
    type: 'Practice',
    id: practice.id,
    title: practice.title,
    summary: practice.summary || null,
    body: [...SECTIONS.map((name) => practice.sections[name].source), practice.organizations.map((organization) => organization.name).join('\n')]
      .filter(Boolean)
      .join('\n\n'),
    authorId: practice.createdBy,
    communityId: practice.communityId,
    territoryIds: practice.territoryIds,
    tags: practice.tags,
    createdAt: practice.createdAt,
    updatedAt: practice.updatedAt,
    restrictions: PRACTICE_AUDIENCE.restrictions(practiceFacts(practice)),
  };
}
