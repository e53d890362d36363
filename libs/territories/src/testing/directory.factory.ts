import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { toGlobalId } from '@bottega/core';

export interface TestOrganization {
  id: string;
  globalId: string;
  name: string;
}

export interface TestProject {
  id: string;
  globalId: string;
  slug: string;
  title: string;
}

/** Territory ids by code (seeded by migration), and builders for organizations and projects. */
export class DirectoryFactory {
  constructor(private readonly db: DataSource) {}

  async territory(code: string): Promise<{ id: string; globalId: string }> {
    const [row] = (await this.db.query('SELECT id FROM territory WHERE code = $1', [code])) as { id: string }[];
    if (!row) throw new Error(`No territory ${code}`);
    return { id: row.id, globalId: toGlobalId('Territory', row.id) };
  }

  async organization(fields: { name?: string; kind?: string; territoryCode?: string } = {}): Promise<TestOrganization> {
    const name = fields.name ?? `Organization ${randomUUID().slice(0, 8)}`;
    const territoryId = fields.territoryCode ? (await this.territory(fields.territoryCode)).id : null;
    const [row] = (await this.db.query(
      'INSERT INTO organization (name, kind, territory_id) VALUES ($1, $2, $3) RETURNING id',
      [name, fields.kind ?? 'ASSOCIATION', territoryId],
    )) as [{ id: string }];
    return { id: row.id, globalId: toGlobalId('Organization', row.id), name };
  }

  async project(
    fields: {
      title?: string;
      territoryCodes?: string[];
      startsOn?: string;
      endsOn?: string;
      themes?: string[];
      leadUserId?: string;
      members?: string[];
      partners?: { organizationId: string; role: 'LEAD' | 'PARTNER' }[];
    } = {},
  ): Promise<TestProject> {
    const unique = randomUUID().slice(0, 8);
    const title = fields.title ?? `Living lab ${unique}`;
    const slug = `living-lab-${unique}`;
    const [row] = (await this.db.query(
      `INSERT INTO project (slug, title, summary, starts_on, ends_on, themes)
       VALUES ($1, $2, 'A test project', $3, $4, $5) RETURNING id`,
      [slug, title, fields.startsOn ?? '2024-01-01', fields.endsOn ?? '2026-12-31', fields.themes ?? []],
    )) as [{ id: string }];
    for (const code of fields.territoryCodes ?? ['IT-MI']) {
      await this.db.query('INSERT INTO project_territory (project_id, territory_id) VALUES ($1, $2)', [
        row.id,
        (await this.territory(code)).id,
      ]);
    }
    for (const partner of fields.partners ?? []) {
      await this.db.query('INSERT INTO project_partner (project_id, organization_id, role) VALUES ($1, $2, $3)', [
        row.id,
        partner.organizationId,
        partner.role,
      ]);
    }
    const team = [
      ...(fields.leadUserId ? [[fields.leadUserId, 'LEAD']] : []),
      ...(fields.members ?? []).map((id) => [id, 'MEMBER']),
    ];
    for (const [userId, role] of team) {
      await this.db.query('INSERT INTO project_member (project_id, user_id, role) VALUES ($1, $2, $3)', [row.id, userId, role]);
    }
    return { id: row.id, globalId: toGlobalId('Project', row.id), slug, title };
  }
}
