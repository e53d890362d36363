import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { LoaderFactory } from '../graphql/loaders';
import type { Audience, Facts } from './audience';
import { Principals, SIGNED_IN, type PrincipalSource } from './principals';

/**
 * Where accounts' principals come from: the sources features register at
 * start-up, read in one statement for any number of accounts. Everything that
 * decides access asks it: the viewer's principals for checks and SQL
 * conditions, and any accounts' for choosing who is notified.
 */
@Injectable()
export class AccessDirectory {
  private readonly sources = new Map<string, PrincipalSource>();
  private readonly byUser: LoaderFactory<string, Principals>;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.byUser = new LoaderFactory(async (userIds) => {
      const found = await this.load(this.db, userIds);
      return userIds.map((id) => found.get(id) ?? new Principals(id, []));
    });
  }

  register(source: PrincipalSource): void {
    if (this.sources.has(source.name)) throw new Error(`A principal source named ${source.name} is already registered`);
    this.sources.set(source.name, source);
  }

  /**
   * The viewer's principals: loaded once per request, batched with the other
   * subscribers of an event, and again at each use in a request that writes,
   * since its writes (joining a community) may change them. Through a
   * recording context (`RequestContext.recording`), they report what is read of them.
   */
  async of(context: RequestContext): Promise<Principals> {
    const reads = context.reads;
    if (reads) {
      // A recording context notes each principal asked about, and how to ask the same of another viewer.
      return (await this.of(reads.own)).observed((key, value, again) =>
        reads.record(key, value, async (other) => again(await this.of(other))),
      );
    }
    const viewer = await context.viewer();
    if (!viewer) return Principals.ANONYMOUS;
    const loaders = context.loaders;
    return loaders.memo(`principals:${viewer.userId}`, async () =>
      viewer.principals && !loaders.writing
        ? admitted(viewer.userId, viewer.principals)
        : loaders.get(this.byUser).clear(viewer.userId).load(viewer.userId),
    );
  }

  /**
   * The registered sources as one relation `(user_id, principal)` for the
   * accounts in `$1::uuid[]`, for a statement that reads principals beside
   * something else (the session check reads the viewer's with the session).
   */
  sql(): string {
    if (this.sources.size === 0) throw new Error('No principal sources are registered; the identity library registers the base one');
    const union = [...this.sources.values()].map((source) => `(${source.sql})`).join(' UNION ALL ');
    return `SELECT user_id, principal FROM (${union}) p(user_id, principal)`;
  }

  /** Several accounts' principals, read with `manager` (inside a transaction, as it sees them). */
  async forUsers(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, Principals>> {
    return this.load(manager, userIds);
  }

  /** Those of `userIds` in the audience of the content described by `facts`, in the given order. */
  async readersAmong<F extends Facts>(manager: EntityManager, audience: Audience<F>, facts: F, userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const principals = await this.load(manager, userIds);
    return userIds.filter((id) => {
      const held = principals.get(id);
      return held !== undefined && audience.allows(facts, held);
    });
  }

  private async load(runner: DataSource | EntityManager, userIds: readonly string[]): Promise<Map<string, Principals>> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return new Map();
    const rows: { userId: string; principal: string }[] = await runner.query(
      `SELECT user_id AS "userId", principal FROM (${this.sql()}) p`,
      [ids],
    );
    const grouped = new Map<string, string[]>();
    for (const row of rows) {
      const list = grouped.get(row.userId);
      if (list) list.push(row.principal);
      else grouped.set(row.userId, [row.principal]);
    }
    return new Map([...grouped].filter(([, names]) => names.includes(SIGNED_IN)).map(([id, names]) => [id, new Principals(id, names)]));
  }
}

/** Only accounts the base source admits (signed in: live and not suspended) hold anything. */
const admitted = (userId: string, names: readonly string[]): Principals =>
  names.includes(SIGNED_IN) ? new Principals(userId, names) : new Principals(userId, []);
