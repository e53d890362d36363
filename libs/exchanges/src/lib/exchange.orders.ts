import type { SortKey } from '@bottega/core';
import { ExchangeOrder } from './exchange.enums';
import type { ExchangeRow } from './exchange.repository';
import type { RegistrationRow } from './registration.repository';

export const EXCHANGE_ORDERS: Record<ExchangeOrder, SortKey<ExchangeRow>[]> = {
  [ExchangeOrder.STARTS_AT]: [
    { expression: 'peerExchange.startsAt', column: 'e.starts_at', direction: 'ASC', value: (e) => e.startsAt.toISOString() },
    { expression: 'peerExchange.id', column: 'e.id', direction: 'ASC', value: (e) => e.id },
  ],
  [ExchangeOrder.NEWEST]: [
    { expression: 'peerExchange.createdAt', column: 'e.created_at', direction: 'DESC', value: (e) => e.createdAt.toISOString() },
    { expression: 'peerExchange.id', column: 'e.id', direction: 'DESC', value: (e) => e.id },
  ],
};

/** Registrations in the order they arrived (the waitlist's order). */
export const ARRIVAL_ORDER: SortKey<RegistrationRow>[] = [
  { expression: 'registration.arrival', column: 'r.arrival', direction: 'ASC', value: (r) => r.arrival },
  { expression: 'registration.id', column: 'r.id', direction: 'ASC', value: (r) => r.id },
];
