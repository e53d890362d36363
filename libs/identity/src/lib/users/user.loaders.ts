import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys } from '@bottega/core';
import type { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

@Injectable()
export class UserLoaders {
  readonly byId: LoaderFactory<string, UserEntity | null>;
  /** Keyed by lower-case handle. */
  readonly byHandle: LoaderFactory<string, UserEntity | null>;

  constructor(users: UserRepository) {
    this.byId = new LoaderFactory(async (ids) => byKeys(ids, await users.findByIds(ids), (user) => user.id));
    this.byHandle = new LoaderFactory(async (handles) =>
      byKeys(handles, await users.findByHandles(handles), (user) => user.handle.toLowerCase()),
    );
  }
}
