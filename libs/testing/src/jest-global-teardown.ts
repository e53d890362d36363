import { tearDownTestDatabaseServer } from './test-database';

export default tearDownTestDatabaseServer;
