import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import type { Principals } from '@bottega/core';
import { territoryWithinSql } from '@bottega/territories';
import { CommunityEntity, CommunityMembershipEntity } from './community.entity';
import { CommunityRole } from './community.enums';
import { COMMUNITY_AUDIENCE } from './community.audience';

export type CommunityFields = Pick<CommunityEntity, 'slug' | 'name' | 'description' | 'kind' | 'visibility' | 'territoryId'>;

const COMMUNITY_FIELDS: Record<keyof CommunityEntity, string> = {
  id: 'id',
  slug: 'slug',
  name: 'name',
  description: 'description',
  kind: 'kind',
  visibility: 'visibility',
  territoryId: 'territory_id',
  createdBy: 'created_by',
  memberCount: 'member_count',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/**
 * A community's columns as a plain row in the entity's shape, read from
 * `alias`; with a `prefix`, each is named `<prefix><property>`, so a
 * statement can read a community beside another row (see `splitPrefixed`).
 */
export const communityColumns = (alias: string, prefix = ''): string =>
  Object.entries(COMMUNITY_FIELDS)
    .map(([property, column]) => `${alias}.${column} AS "${prefix}${property}"`)
    .join(', ');

const COMMUNITY_COLUMNS = communityColumns('c');

/** The only code that reads and writes communities, memberships and invitations. */
@Injectable()
export class CommunityRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findByIds(ids: readonly string[]): Promise<CommunityEntity[]> {
    return this.db.query(`SELECT ${COMMUNITY_COLUMNS} FROM community c WHERE c.id = ANY($1::uuid[])`, [ids]);
  }

  findBySlug(slug: string): Promise<CommunityEntity | null> {
    return this.communities.findOneBy({ slug });
  }

  /** Memberships of one user in several communities. */
  membershipsOf(userId: string, communityIds: readonly string[]): Promise<CommunityMembershipEntity[]> {
    return this.db.getRepository(CommunityMembershipEntity).findBy({ userId, communityId: In([...communityIds]) });
  }

  /** Creates a community with its creator as first coordinator. */
  async insert(manager: EntityManager, fields: CommunityFields, creatorId: string): Promise<CommunityEntity> {
    const communities = manager.getRepository(CommunityEntity);
    const community = await communities.save(communities.create({ ...fields, createdBy: creatorId }));
    await this.addMember(manager, community.id, creatorId, CommunityRole.COORDINATOR);
    return (await communities.findOneBy({ id: community.id })) as CommunityEntity;
  }

  /** Changes the community and returns it as it was, read under the row lock the change takes (null when gone). */
  async update(manager: EntityManager, id: string, fields: Partial<CommunityFields>): Promise<CommunityEntity | null> {
    const before = await manager.getRepository(CommunityEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (before && Object.keys(fields).length > 0) await manager.getRepository(CommunityEntity).update({ id }, fields);
    return before;
  }

  /** Adds a member once; the count moves only when a row was really added, so concurrent joins stay exact. */
  async addMember(manager: EntityManager, communityId: string, userId: string, role: CommunityRole): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO community_membership (community_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [communityId, userId, role],
    );
    if (inserted.length === 0) return false;
    await manager.query(`UPDATE community SET member_count = member_count + 1 WHERE id = $1`, [communityId]);
    await manager.query(`DELETE FROM community_invitation WHERE community_id = $1 AND invitee_id = $2`, [communityId, userId]);
    return true;
  }

  async removeMember(manager: EntityManager, communityId: string, userId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .delete()
      .from(CommunityMembershipEntity)
      .where('community_id = :communityId AND user_id = :userId', { communityId, userId })
      .execute();
    if (result.affected !== 1) return false;
    await manager.query(`UPDATE community SET member_count = member_count - 1 WHERE id = $1`, [communityId]);
    return true;
  }

  async setRole(manager: EntityManager, communityId: string, userId: string, role: CommunityRole): Promise<void> {
    await manager.getRepository(CommunityMembershipEntity).update({ communityId, userId }, { role });
  }

  /** Locks the community row, so membership changes on it run one at a time. */
  async lockMembers(manager: EntityManager, communityId: string): Promise<CommunityMembershipEntity[]> {
    await manager.query(`SELECT id FROM community WHERE id = $1 FOR UPDATE`, [communityId]);
    return manager.getRepository(CommunityMembershipEntity).findBy({ communityId });
  }

  async invite(communityId: string, inviteeId: string, invitedBy: string): Promise<void> {
    await this.db.query(
      `INSERT INTO community_invitation (community_id, invitee_id, invited_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [communityId, inviteeId, invitedBy],
    );
  }

  /** Communities in the reader's audience ({@link COMMUNITY_AUDIENCE}), optionally only those they belong to. */
  readableBy(reader: Principals, filter: { territoryId?: string | null; kind?: string | null; joined?: boolean }) {
    const query = this.communities.createQueryBuilder('community');
    const readable = COMMUNITY_AUDIENCE.where({ communityId: 'community.id', visibility: 'community.visibility' }, reader);
    query.andWhere(readable.sql, readable.params);
    if (filter.joined) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM community_membership j WHERE j.community_id = community.id AND j.user_id = :joinedBy)',
        { joinedBy: reader.userId },
      );
    }
    if (filter.kind) query.andWhere('community.kind = :kind', { kind: filter.kind });
    if (filter.territoryId) {
      query.andWhere(territoryWithinSql('community.territory_id', 'territoryId'), { territoryId: filter.territoryId });
    }
    return query;
  }

  members(communityId: string): SelectQueryBuilder<CommunityMembershipEntity> {
    return this.db
      .getRepository(CommunityMembershipEntity)
      .createQueryBuilder('member')
      .where('member.communityId = :communityId', { communityId });
  }

  async slugsStartingWith(base: string): Promise<Set<string>> {
    const rows: { slug: string }[] = await this.db.query(`SELECT slug FROM community WHERE slug = $1 OR slug LIKE $2`, [
      base,
      `${base}-%`,
    ]);
    return new Set(rows.map((row) => row.slug));
  }
}
