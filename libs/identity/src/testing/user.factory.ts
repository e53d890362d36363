import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessTokenService, GlobalRole, toGlobalId } from '@bottega/core';
import { PasswordHasher } from '../lib/auth/password.hasher';
import { skeleton } from '../lib/users/identity-text';

/** A strong password every factory-made account shares. */
export const TEST_PASSWORD = 'Quercia-Lanterna-Fiume-42';

export interface TestUser {
  id: string;
  handle: string;
  globalId: string;
  email: string;
  displayName: string;
  password: string;
  role: GlobalRole;
  sessionId: string;
  accessToken: string;
}

/** The running app's container, where the factory finds its services. */
export interface AppServices {
  get<T>(type: abstract new (...args: never[]) => T): T;
}

interface Spec {
  role: GlobalRole;
  displayName?: string;
  suspended: boolean;
}

let passwordHash: Promise<string> | undefined;

/**
 * Builds accounts straight in the database with a live session, for tests
 * that need someone signed in: `users.admin().named('Ada').create()`.
 */
export class UserFactory {
  constructor(
    private readonly app: AppServices,
    private readonly spec: Spec = { role: GlobalRole.USER, suspended: false },
  ) {}

  admin(): UserFactory {
    return new UserFactory(this.app, { ...this.spec, role: GlobalRole.ADMIN });
  }

  moderator(): UserFactory {
    return new UserFactory(this.app, { ...this.spec, role: GlobalRole.MODERATOR });
  }

  named(displayName: string): UserFactory {
    return new UserFactory(this.app, { ...this.spec, displayName });
  }

  suspended(): UserFactory {
    return new UserFactory(this.app, { ...this.spec, suspended: true });
  }

  async create(): Promise<TestUser> {
    const db = this.app.get(DataSource);
    passwordHash ??= this.app.get(PasswordHasher).hash(TEST_PASSWORD);
    const unique = randomUUID().slice(0, 8);
    const email = `user-${unique}@example.org`;
    const displayName = this.spec.displayName ?? `Test User ${unique}`;
    const [user] = (await db.query(
      `INSERT INTO app_user (email, email_skeleton, handle, display_name, password_hash, role, suspended_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::boolean THEN now() END) RETURNING id`,
      [email, skeleton(email), `user-${unique}`, displayName, await passwordHash, this.spec.role, this.spec.suspended],
    )) as [{ id: string }];
    const [session] = (await db.query(`INSERT INTO auth_session (user_id) VALUES ($1) RETURNING id`, [
      user.id,
    ])) as [{ id: string }];
    const { token } = await this.app.get(AccessTokenService).sign({ userId: user.id, sessionId: session.id });
    return {
      id: user.id,
      handle: `user-${unique}`,
      globalId: toGlobalId('User', user.id),
      email,
      displayName,
      password: TEST_PASSWORD,
      role: this.spec.role,
      sessionId: session.id,
      accessToken: token,
    };
  }
}
