import { PeerExchanges1764000005100 } from './1764000005100-peer-exchanges';
import { ExchangeOutcomes1764000005200 } from './1764000005200-exchange-outcomes';
import { ExchangeAdoptionTerritory1764000005210 } from './1764000005210-exchange-adoption-territory';
import { PeerReviewAndCalendarFeeds1764000005300 } from './1764000005300-peer-review-and-calendar-feeds';

export { PeerExchanges1764000005100, ExchangeOutcomes1764000005200, ExchangeAdoptionTerritory1764000005210 };
export { PeerReviewAndCalendarFeeds1764000005300 };

/** The exchanges library's migrations, in the order they apply. */
export const EXCHANGES_MIGRATIONS = [PeerExchanges1764000005100, ExchangeOutcomes1764000005200, ExchangeAdoptionTerritory1764000005210, PeerReviewAndCalendarFeeds1764000005300];
