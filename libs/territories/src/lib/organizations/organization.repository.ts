import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository, type SelectQueryBuilder } from 'typeorm';
import { likePrefix, territoryWithinSql } from '../territories/territory.repository';
import { OrganizationEntity } from './organization.entity';
import type { OrganizationKind } from './organization.enums';

export interface OrganizationFilterValues {
  territoryId: string | null;
  kinds: OrganizationKind[] | null;
  namePrefix: string | null;
}

export type OrganizationFields = Pick<OrganizationEntity, 'name' | 'kind' | 'territoryId' | 'website' | 'description'>;

/** The only code that reads and writes organizations. */
@Injectable()
export class OrganizationRepository {
  constructor(@InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>) {}

  findByIds(ids: readonly string[]): Promise<OrganizationEntity[]> {
    return this.organizations.findBy({ id: In([...ids]) });
  }

  findById(id: string): Promise<OrganizationEntity | null> {
    return this.organizations.findOneBy({ id });
  }

  insert(fields: OrganizationFields): Promise<OrganizationEntity> {
    return this.organizations.save(this.organizations.create(fields));
  }

  async update(id: string, fields: Partial<OrganizationFields>): Promise<OrganizationEntity | null> {
    if (Object.keys(fields).length > 0) await this.organizations.update({ id }, fields);
    return this.findById(id);
  }

  query(filter: OrganizationFilterValues): SelectQueryBuilder<OrganizationEntity> {
    const query = this.organizations.createQueryBuilder('organization');
    if (filter.territoryId) {
      query.andWhere(territoryWithinSql('organization.territory_id', 'territoryId'), {
        territoryId: filter.territoryId,
      });
    }
    if (filter.kinds?.length) query.andWhere('organization.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.namePrefix?.trim()) {
      query.andWhere("lower(organization.name) LIKE :prefix ESCAPE '\\'", { prefix: likePrefix(filter.namePrefix) });
    }
    return query;
  }
}
