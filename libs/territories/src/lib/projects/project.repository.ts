import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import { likePrefix, territoryWithinSql } from '../territories/territory.repository';
import { ProjectEntity, ProjectMemberEntity, ProjectPartnerEntity, ProjectTerritoryEntity } from './project.entity';
import { ProjectPhase, type PartnerRole } from './project.enums';

export type ProjectFields = Pick<ProjectEntity, 'slug' | 'title' | 'summary' | 'startsOn' | 'endsOn' | 'themes'>;

export interface ProjectLinks {
  territoryIds?: string[];
  partners?: { organizationId: string; role: PartnerRole }[];
}

export interface ProjectFilterValues {
  territoryId: string | null;
  organizationId: string | null;
  theme: string | null;
  phase: ProjectPhase | null;
  titlePrefix: string | null;
  today: string;
}

/** The only code that reads and writes projects, their territories, partners and teams. */
@Injectable()
export class ProjectRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findByIds(ids: readonly string[]): Promise<ProjectEntity[]> {
    return this.projects.findBy({ id: In([...ids]) });
  }

  findById(id: string): Promise<ProjectEntity | null> {
    return this.projects.findOneBy({ id });
  }

  findBySlug(slug: string): Promise<ProjectEntity | null> {
    return this.projects.findOneBy({ slug });
  }

  async slugsStartingWith(base: string): Promise<Set<string>> {
    const rows: { slug: string }[] = await this.db.query(`SELECT slug FROM project WHERE slug = $1 OR slug LIKE $2`, [
      base,
      `${base}-%`,
    ]);
    return new Set(rows.map((row) => row.slug));
  }

  async insert(manager: EntityManager, fields: ProjectFields, links: ProjectLinks): Promise<ProjectEntity> {
    const projects = manager.getRepository(ProjectEntity);
    const project = await projects.save(projects.create(fields));
    await this.replaceLinks(manager, project.id, links);
    return project;
  }

  async update(manager: EntityManager, id: string, fields: Partial<ProjectFields>, links: ProjectLinks): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ProjectEntity)
      .set({ ...fields, updatedAt: () => 'now()' })
      .where('id = :id', { id })
      .execute();
    await this.replaceLinks(manager, id, links);
  }

  /** Locks the project row, so team changes on one project happen one at a time. */
  async lock(manager: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT id FROM project WHERE id = $1 FOR UPDATE`, [id]);
    return rows.length === 1;
  }

  territoriesOf(projectIds: readonly string[]): Promise<ProjectTerritoryEntity[]> {
    return this.db.getRepository(ProjectTerritoryEntity).findBy({ projectId: In([...projectIds]) });
  }

  partnersOf(projectIds: readonly string[]): Promise<ProjectPartnerEntity[]> {
    return this.db
      .getRepository(ProjectPartnerEntity)
      .createQueryBuilder('partner')
      .where('partner.projectId IN (:...projectIds)', { projectIds })
      .orderBy('partner.role')
      .getMany();
  }

  membersOf(projectIds: readonly string[], manager: EntityManager = this.db.manager): Promise<ProjectMemberEntity[]> {
    return manager
      .getRepository(ProjectMemberEntity)
      .createQueryBuilder('member')
      .where('member.projectId IN (:...projectIds)', { projectIds })
      .orderBy('member.role')
      .addOrderBy('member.joinedAt')
      .getMany();
  }

  async addMember(manager: EntityManager, member: Omit<ProjectMemberEntity, 'joinedAt'>): Promise<void> {
    await manager.getRepository(ProjectMemberEntity).insert(member);
  }

  async updateMember(
    manager: EntityManager,
    key: Pick<ProjectMemberEntity, 'projectId' | 'userId'>,
    changes: Partial<Pick<ProjectMemberEntity, 'role' | 'title'>>,
  ): Promise<void> {
    if (Object.keys(changes).length > 0) await manager.getRepository(ProjectMemberEntity).update(key, changes);
  }

  async removeMember(manager: EntityManager, key: Pick<ProjectMemberEntity, 'projectId' | 'userId'>): Promise<void> {
    await manager.getRepository(ProjectMemberEntity).delete(key);
  }

  query(filter: ProjectFilterValues): SelectQueryBuilder<ProjectEntity> {
    const query = this.projects.createQueryBuilder('project');
    if (filter.territoryId) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM project_territory pt WHERE pt.project_id = project.id AND ${territoryWithinSql('pt.territory_id', 'territoryId')})`,
        { territoryId: filter.territoryId },
      );
    }
    if (filter.organizationId) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM project_partner pp WHERE pp.project_id = project.id AND pp.organization_id = :organizationId)',
        { organizationId: filter.organizationId },
      );
    }
    if (filter.theme) query.andWhere(':theme = ANY(project.themes)', { theme: filter.theme });
    if (filter.titlePrefix?.trim()) {
      query.andWhere("lower(project.title) LIKE :prefix ESCAPE '\\'", { prefix: likePrefix(filter.titlePrefix) });
    }
    if (filter.phase === ProjectPhase.UPCOMING) query.andWhere('project.startsOn > :today', { today: filter.today });
    if (filter.phase === ProjectPhase.ENDED) query.andWhere('project.endsOn < :today', { today: filter.today });
    if (filter.phase === ProjectPhase.ACTIVE) {
      query.andWhere('project.startsOn <= :today AND project.endsOn >= :today', { today: filter.today });
    }
    return query;
  }

  private async replaceLinks(manager: EntityManager, projectId: string, links: ProjectLinks): Promise<void> {
    if (links.territoryIds) {
      await manager.getRepository(ProjectTerritoryEntity).delete({ projectId });
      await manager
        .getRepository(ProjectTerritoryEntity)
        .insert(links.territoryIds.map((territoryId) => ({ projectId, territoryId })));
    }
    if (links.partners) {
      await manager.getRepository(ProjectPartnerEntity).delete({ projectId });
      if (links.partners.length > 0) {
        await manager
          .getRepository(ProjectPartnerEntity)
          .insert(links.partners.map((partner) => ({ projectId, ...partner })));
      }
    }
  }
}
