import { setUpTestDatabaseServer } from '@bottega/testing';
import { MIGRATIONS } from '../../src/config/migrations';

/** Jest's global setup: the test template database gets the app's migrations, every library's. */
export default function setUp(): Promise<void> {
  return setUpTestDatabaseServer(MIGRATIONS);
}
