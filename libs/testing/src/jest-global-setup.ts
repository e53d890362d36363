import { setUpTestDatabaseServer } from './test-database';

export default setUpTestDatabaseServer;
