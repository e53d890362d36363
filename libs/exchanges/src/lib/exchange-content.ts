import { Injectable } from '@nestjs/common';
import { AccessDirectory, ContentRegistry, idsAfter, type ContentItem, type SearchDocument } from '@bottega/core';
import { moderatorsOf } from '@bottega/forum';
import { flaggable } from '@bottega/moderation';
import { SearchType, searchable } from '@bottega/search';
import { ExchangeAccess } from './exchange.access';
import { EXCHANGE_AUDIENCE, exchangeFacts } from './exchange.audience';
import { PeerExchange } from './exchange.model';
import { ExchangeRepository, type ExchangeRow } from './exchange.repository';

// Exchanges are flagged and moderated like posts, and found by search.
flaggable(PeerExchange);
searchable(SearchType.PEER_EXCHANGE, PeerExchange);

/** Exchanges as moderation, notifications and search see them, registered with the core content registry. */
@Injectable()
export class ExchangeContent {
  constructor(
    private readonly registry: ContentRegistry,
    private readonly access: ExchangeAccess,
    private readonly exchanges: ExchangeRepository,
    private readonly directory: AccessDirectory,
  ) {}

  register(): void {
    this.registry.register({
      type: 'PeerExchange',
      model: PeerExchange,
      // The audience already decides drafts and hidden exchanges: whoever loads one sees it whole.
      readable: (context, ids) =>
        Promise.all(
          ids.map(async (id): Promise<ContentItem | null> => {
            const found = await this.access.load(context, id);
            if (!found) return null;
            const { exchange } = found;
            return {
              type: 'PeerExchange',
              id: exchange.id,
              authorId: exchange.createdBy,
              communityId: exchange.communityId,
              hidden: exchange.hiddenAt !== null,
              deleted: false,
              visible: true,
              moderators: moderatorsOf(exchange.communityId),
            };
          }),
        ),
      present: async (context, id) => {
        const found = await this.access.reload(context, id);
        return found && PeerExchange.from(found.exchange);
      },
      setHidden: (manager, id, hidden) => this.exchanges.setHidden(manager, id, hidden),
      readersAmong: async (manager, id, userIds) => {
        const [exchange] = await this.exchanges.findByIds([id], manager);
        return exchange ? this.directory.readersAmong(manager, EXCHANGE_AUDIENCE, exchangeFacts(exchange), userIds) : [];
      },
      hasVisibleContentBy: (userId) => this.exchanges.hasVisibleBy(userId),
      authoredBy: async (manager, id, userId) => {
        const [exchange] = await this.exchanges.findByIds([id], manager);
        return exchange !== undefined && (exchange.createdBy === userId || exchange.hostIds.includes(userId));
      },
      ids: (manager, after, limit) => idsAfter(manager, 'peer_exchange', after, limit),
      document: async (manager, id) => {
        const [exchange] = await this.exchanges.findByIds([id], manager);
        return exchange ? searchDocument(exchange) : null;
      },
    });
  }
}

/**
 * An exchange's words by weight (title; description and agenda), its host
 * territory (search adds those above it), its target skills as tags and
 * skills, its community, and who may find it: its audience's restrictions
 * (drafts for those inside it).
 */
export function searchDocument(exchange: ExchangeRow): SearchDocument {
  return {
    type: 'PeerExchange',
    id: exchange.id,
    title: exchange.title,
    summary: null,
    body: [exchange.descriptionSource, ...exchange.agenda.map((item) => [item.title, item.note].filter(Boolean).join(': '))].filter(Boolean).join('\n\n'),
    authorId: exchange.createdBy,
    communityId: exchange.communityId,
    territoryIds: [exchange.hostTerritoryId],
    tags: exchange.skillKeys,
    skills: exchange.skillKeys,
    createdAt: exchange.createdAt,
    updatedAt: exchange.updatedAt,
    restrictions: EXCHANGE_AUDIENCE.restrictions(exchangeFacts(exchange)),
  };
}

