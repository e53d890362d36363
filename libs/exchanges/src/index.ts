export { ExchangesModule } from './lib/exchanges.module';
export { PeerExchange, ExchangeRegistration } from './lib/exchange.model';
export { ExchangeFormat, ExchangeStatus, RegistrationStatus } from './lib/exchange.enums';
export { EXCHANGE_AUDIENCE, type ExchangeFacts } from './lib/exchange.audience';
export { ExchangeLoaders } from './lib/exchange.loaders';
export { ExchangeAccess } from './lib/exchange.access';
export { DEMO_EXCHANGES, seedDemoExchanges, type DemoExchangePeople } from './seed/demo-exchanges';
export { ExchangeActivityModule, ExchangeActivityContributor } from './lib/exchange-activity';
export { AttendanceStatus } from './lib/exchange-attendance.enums';
