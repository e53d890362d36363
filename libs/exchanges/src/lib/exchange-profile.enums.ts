import { registerEnumType } from '@nestjs/graphql';

/** The part a person played in an exchange, as a profile lists them. */
export enum ExchangeProfileRole {
  HOSTED = 'HOSTED',
  ATTENDED = 'ATTENDED',
  ANY = 'ANY',
}
registerEnumType(ExchangeProfileRole, {
  name: 'ExchangeProfileRole',
  valuesMap: {
    HOSTED: { description: 'Exchanges the person hosted.' },
    ATTENDED: { description: 'Exchanges the person attended, holds a seat at (upcoming), or reviewed as a peer.' },
    ANY: { description: 'Both.' },
  },
});
