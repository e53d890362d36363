import { PeerExchanges1764000005100 } from './1764000005100-peer-exchanges';

export { PeerExchanges1764000005100 };

/** The exchanges library's migrations, in the order they apply. */
export const EXCHANGES_MIGRATIONS = [PeerExchanges1764000005100];
