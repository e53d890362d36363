import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { suspendedSql } from './suspension';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  emailSkeleton: string;
  handle: string;
  displayName: string;
  passwordHash: string;
}

/** What the API shows of an account: every column but the password hash and the email's skeleton, as plain rows. */
const USER_COLUMNS = `u.id, u.email, u.handle, u.display_name AS "displayName", u.role, u.suspended_at AS "suspendedAt",
  u.suspended_until AS "suspendedUntil", u.created_at AS "createdAt", u.updated_at AS "updatedAt"`;

/** The only code that reads and writes `app_user`. */
@Injectable()
export class UserRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.users.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = ANY($1::uuid[])`, [ids]);
  }

  /** With the password hash, for signing in. */
  findForLogin(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
  }

  findByHandles(handles: readonly string[]): Promise<UserEntity[]> {
    return this.users.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.handle = ANY($1::citext[])`, [handles]);
  }

  async handlesStartingWith(base: string): Promise<Set<string>> {
    const rows: { handle: string }[] = await this.users.query(
      `SELECT handle FROM app_user WHERE handle = $1 OR handle LIKE $2`,
      [base, `${base}-%`],
    );
    return new Set(rows.map((row) => row.handle.toLowerCase()));
  }

  /** Suspends an account from now until `until` (null: until lifted); a new suspension replaces a running one. */
  async suspend(manager: EntityManager, userId: string, until: Date | null): Promise<void> {
    await manager.query(`UPDATE app_user SET suspended_at = now(), suspended_until = $2 WHERE id = $1`, [userId, until]);
  }

  /** Lifts a running suspension; false when the account was not suspended (also when one just ended). */
  async unsuspend(manager: EntityManager, userId: string): Promise<boolean> {
    const [, lifted]: [unknown[], number] = await manager.query(
      `UPDATE app_user u SET suspended_at = NULL, suspended_until = NULL WHERE u.id = $1 AND ${suspendedSql('u')}`,
      [userId],
    );
    return lifted === 1;
  }

  /** Changes an account's display name (already normalised and checked); false when there is no such account. */
  async setDisplayName(manager: EntityManager, userId: string, displayName: string): Promise<boolean> {
    const [, changed]: [unknown[], number] = await manager.query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [userId, displayName]);
    return changed === 1;
  }

  insert(user: NewUser, manager: EntityManager): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save(manager.getRepository(UserEntity).create(user));
  }
}
