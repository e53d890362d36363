import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys, type RequestContext } from '@bottega/core';
import type { UserEntity } from './user.entity';
import { User } from './user.model';
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

  /** The user with this id as GraphQL shows them, through the request's loader; null for none or a removed account. */
  async user(context: RequestContext, id: string | null | undefined): Promise<User | null> {
    const user = id ? await context.loaders.get(this.byId).load(id) : null;
    return user ? User.from(user) : null;
  }
}
