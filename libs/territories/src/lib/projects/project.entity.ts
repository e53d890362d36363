import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PartnerRole, TeamRole } from './project.enums';

@Entity({ name: 'project' })
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  summary!: string;

  /** YYYY-MM-DD */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  /** YYYY-MM-DD */
  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}

@Entity({ name: 'project_territory' })
export class ProjectTerritoryEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ name: 'territory_id', type: 'uuid' })
  territoryId!: string;
}

@Entity({ name: 'project_partner' })
export class ProjectPartnerEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  role!: PartnerRole;
}

@Entity({ name: 'project_member' })
export class ProjectMemberEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  role!: TeamRole;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ name: 'joined_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  joinedAt!: Date;
}
