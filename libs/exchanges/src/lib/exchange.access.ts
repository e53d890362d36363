import { Injectable } from '@nestjs/common';
import { AccessDirectory, NotFoundError, fromGlobalId, type Principals, type RequestContext } from '@bottega/core';
import { EXCHANGE_AUDIENCE, exchangeFacts } from './exchange.audience';
import { ExchangeLoaders } from './exchange.loaders';
import type { ExchangeRow } from './exchange.repository';

export interface ExchangeInContext {
  exchange: ExchangeRow;
  principals: Principals;
}

/** An exchange is readable by its {@link EXCHANGE_AUDIENCE}. */
@Injectable()
export class ExchangeAccess {
  constructor(
    private readonly loaders: ExchangeLoaders,
    private readonly directory: AccessDirectory,
  ) {}

  /** The exchange with the viewer's principals, or null when they may not read it; decided once per request. */
  async load(context: RequestContext, id: string): Promise<ExchangeInContext | null> {
    const viewer = await context.viewer();
    return context.loaders.memo(`exchange-access:${viewer?.sessionId ?? ''}:${id}`, async () => {
      const exchange = await context.loaders.get(this.loaders.byId).load(id);
      if (!exchange) return null;
      const principals = await this.directory.of(context);
      return EXCHANGE_AUDIENCE.allows(exchangeFacts(exchange), principals) ? { exchange, principals } : null;
    });
  }

  /** As {@link load}, read again past this request's cache (after a write). */
  async reload(context: RequestContext, id: string): Promise<ExchangeInContext | null> {
    context.loaders.get(this.loaders.byId).clear(id);
    return this.load(context, id);
  }

  /** NOT_FOUND when unknown or unreadable, so drafts are not revealed. */
  async readable(context: RequestContext, globalId: string, field: string[]): Promise<ExchangeInContext> {
    const found = await this.load(context, fromGlobalId(globalId, 'PeerExchange', field));
    if (!found) throw new NotFoundError('PeerExchange', globalId);
    return found;
  }
}
