import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys } from '@bottega/core';
import { ExchangeRepository, type ExchangeRow } from './exchange.repository';
import { RegistrationRepository, type RegistrationRow } from './registration.repository';

/** The key of one person's registration at one exchange. */
export const registrationKey = (exchangeId: string, userId: string): string => `${exchangeId}:${userId}`;

/** The (exchange, person) pairs that {@link registrationKey}s name. */
export function registrationPairs(keys: readonly string[]): { exchangeId: string; userId: string }[] {
  return keys.map((key) => {
    const [exchangeId = '', userId = ''] = key.split(':');
    return { exchangeId, userId };
  });
}

@Injectable()
export class ExchangeLoaders {
  /** An exchange with its hosts, agenda, links and community's visibility: one statement for a page of them. */
  readonly byId: LoaderFactory<string, ExchangeRow | null>;
  /** One person's registration at one exchange, by {@link registrationKey}, with its waitlist position. */
  readonly registration: LoaderFactory<string, RegistrationRow | null>;
  readonly registrationById: LoaderFactory<string, RegistrationRow | null>;

  constructor(exchanges: ExchangeRepository, registrations: RegistrationRepository) {
    this.byId = new LoaderFactory(async (ids) => byKeys(ids, await exchanges.findByIds(ids), (e) => e.id));
    this.registration = new LoaderFactory(async (keys) => {
      return byKeys(keys, await registrations.registrationsByPairs(registrationPairs(keys)), (r) => registrationKey(r.exchangeId, r.userId));
    });
    this.registrationById = new LoaderFactory(async (ids) => byKeys(ids, await registrations.registrationsByIds(ids), (r) => r.id));
  }
}
