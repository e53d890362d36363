import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { toGlobalId } from '@bottega/core';

export interface TestCommunity {
  id: string;
  globalId: string;
  slug: string;
  name: string;
}

type Visibility = 'PUBLIC' | 'MEMBERS_ONLY' | 'PRIVATE';

/** Communities straight in the database: `communities.create({ visibility: 'PRIVATE', coordinator, members })`. */
export class CommunityFactory {
  constructor(private readonly db: DataSource) {}

  async create(
    spec: { visibility?: Visibility; name?: string; coordinatorId?: string; memberIds?: string[]; invitedIds?: string[] } = {},
  ): Promise<TestCommunity> {
    const unique = randomUUID().slice(0, 8);
    const name = spec.name ?? `Community ${unique}`;
    const slug = `community-${unique}`;
    const members = [
      ...(spec.coordinatorId ? [[spec.coordinatorId, 'COORDINATOR']] : []),
      ...(spec.memberIds ?? []).map((id) => [id, 'MEMBER']),
    ];
    const [row] = (await this.db.query(
      `INSERT INTO community (slug, name, kind, visibility, member_count) VALUES ($1, $2, 'THEMATIC', $3, $4) RETURNING id`,
      [slug, name, spec.visibility ?? 'PUBLIC', members.length],
    )) as [{ id: string }];
    for (const [userId, role] of members) {
      await this.db.query(`INSERT INTO community_membership (community_id, user_id, role) VALUES ($1, $2, $3)`, [row.id, userId, role]);
    }
    for (const userId of spec.invitedIds ?? []) {
      await this.db.query(`INSERT INTO community_invitation (community_id, invitee_id) VALUES ($1, $2)`, [row.id, userId]);
    }
    return { id: row.id, globalId: toGlobalId('Community', row.id), slug, name };
  }
}
