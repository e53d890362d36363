import type { BusEvent } from '@bottega/core';
import type { ExchangeChange } from './exchange.enums';

/** The pub/sub topic of one exchange's changes. */
export const exchangeTopic = (exchangeId: string): string => `peer-exchange:${exchangeId}`;

/** What `peerExchangeUpdated` hears: ids and the kind of change only; subscribers load what they may see. */
export const exchangeEvent = (exchangeId: string, change: ExchangeChange): BusEvent => ({ topic: exchangeTopic(exchangeId), exchangeId, change });
