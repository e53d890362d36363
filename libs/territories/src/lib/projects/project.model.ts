import { Field, ObjectType } from '@nestjs/graphql';
import { Connection, LocalDate, Node, UserError, toGlobalId } from '@bottega/core';
import type { ProjectEntity, ProjectMemberEntity, ProjectPartnerEntity } from './project.entity';
import { PartnerRole, TeamRole } from './project.enums';

@ObjectType('Project', { implements: () => [Node], description: 'A living lab: a multi-year project run by a partnership.' })
export class Project extends Node {
  @Field({ description: 'Stable, readable identifier used in URLs.' })
  slug!: string;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field(() => LocalDate)
  startsOn!: string;

  @Field(() => LocalDate)
  endsOn!: string;

  @Field(() => [String], { description: 'Theme slugs, e.g. "elderly-care".' })
  themes!: string[];

  @Field()
  createdAt!: Date;

  static from(entity: ProjectEntity): Project {
    return Object.assign(new Project(), {
      id: toGlobalId('Project', entity.id),
      dbId: entity.id,
      slug: entity.slug,
      title: entity.title,
      summary: entity.summary,
      startsOn: entity.startsOn,
      endsOn: entity.endsOn,
      themes: entity.themes,
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType({ description: 'An organization in a project partnership.' })
export class ProjectPartner {
  @Field(() => PartnerRole)
  role!: PartnerRole;

  organizationDbId!: string;

  static from(entity: ProjectPartnerEntity): ProjectPartner {
    return Object.assign(new ProjectPartner(), { role: entity.role, organizationDbId: entity.organizationId });
  }
}

@ObjectType({ description: 'A person in a project team.' })
export class ProjectMember {
  @Field(() => TeamRole)
  role!: TeamRole;

  @Field(() => String, { nullable: true, description: 'What they do in the project, e.g. "community manager".' })
  title!: string | null;

  @Field()
  joinedAt!: Date;

  userDbId!: string;

  static from(entity: ProjectMemberEntity): ProjectMember {
    return Object.assign(new ProjectMember(), {
      role: entity.role,
      title: entity.title,
      joinedAt: entity.joinedAt,
      userDbId: entity.userId,
    });
  }
}

@ObjectType()
export class ProjectConnection extends Connection(Project, 'Project') {}

@ObjectType()
export class ProjectPayload {
  @Field(() => Project, { nullable: true })
  project!: Project | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
