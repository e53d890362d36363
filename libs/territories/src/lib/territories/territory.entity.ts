import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TerritoryLevel } from './territory.enums';

@Entity({ name: 'territory' })
export class TerritoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** ISO 3166-2 style code, e.g. IT-25 (Lombardia), IT-MI. */
  @Column({ type: 'text' })
  code!: string;

  @Column({ name: 'istat_code', type: 'text', nullable: true })
  istatCode!: string | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  level!: TerritoryLevel;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  /** ltree of codes from the region down; maintained by a trigger. */
  @Column({ type: 'ltree', insert: false, update: false })
  path!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
