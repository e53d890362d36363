import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  handle: string;
  displayName: string;
  passwordHash: string;
}

/** The only code that reads and writes `app_user`. */
@Injectable()
export class UserRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.users.findBy({ id: In([...ids]) });
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
    return this.users.findBy({ handle: In([...handles]) });
  }

  async handlesStartingWith(base: string): Promise<Set<string>> {
    const rows: { handle: string }[] = await this.users.query(
      `SELECT handle FROM app_user WHERE handle = $1 OR handle LIKE $2`,
      [base, `${base}-%`],
    );
    return new Set(rows.map((row) => row.handle.toLowerCase()));
  }

  insert(user: NewUser, manager: EntityManager): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save(manager.getRepository(UserEntity).create(user));
  }
}
