import { startTestApp as startApp, type TestApp as AppUnderTest } from '@bottega/testing';
import { UserFactory } from './user.factory';

export interface TestApp extends AppUnderTest {
  users: UserFactory;
}

/** The real API on a database of its own (see `@bottega/testing`), with a factory of signed-in accounts. */
export async function startTestApp(env: Record<string, string> = {}, databaseUrl?: string): Promise<TestApp> {
  const t = await startApp(env, databaseUrl);
  return { ...t, users: new UserFactory(t.app) };
}
