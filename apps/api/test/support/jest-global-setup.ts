// Only the database part of the harness: the global setup runs in the same process as a test
// run in band, and loading the GraphQL models here too would give that test two copies of them.
import { setUpTestDatabaseServer } from '@bottega/testing/database';
import { MIGRATIONS } from '../../src/config/migrations';

/** Jest's global setup: the test template database gets the app's migrations, every library's. */
export default function setUp(): Promise<void> {
  return setUpTestDatabaseServer(MIGRATIONS);
}
