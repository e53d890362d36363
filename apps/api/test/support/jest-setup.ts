import { registerTestApp } from '@bottega/testing';
import type * as factory from './test-app-factory';

// Jest runs this before every test file, so any library's tests can start the
// real API. Unit tests run it too: the app loads only when a test starts it.
registerTestApp((databaseUrl, env) =>
  jest.requireActual<typeof factory>('./test-app-factory').createTestApp(databaseUrl, env),
);
