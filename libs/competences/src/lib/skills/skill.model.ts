import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Node, UserError, toGlobalId } from '@bottega/core';
import { Language } from './skill.enums';
import type { SkillAreaRow, SkillRow } from './skill.repository';

/** Labels in each language, read through a `label(lang:)` field. */
export interface Labelled {
  labels: Record<Language, string>;
  /** The language of the query that reached it, for `label` without `lang`. */
  lang: Language;
}

@ObjectType('SkillArea', { description: 'A group of related skills in the taxonomy, e.g. fundraising.' })
export class SkillArea implements Labelled {
  @Field(() => ID)
  id!: string;

  dbId!: string;

  @Field({ description: 'Stable, e.g. "fundraising"; use it to filter `skills`.' })
  key!: string;

  labels!: Record<Language, string>;
  lang!: Language;

  static from(row: SkillAreaRow, lang: Language): SkillArea {
    return Object.assign(new SkillArea(), {
      id: toGlobalId('SkillArea', row.id),
      dbId: row.id,
      key: row.key,
      labels: { [Language.IT]: row.labelIt, [Language.EN]: row.labelEn },
      lang,
    });
  }
}

@ObjectType('Skill', { implements: () => [Node], description: 'A skill of the taxonomy, which people declare as competences.' })
export class Skill extends Node implements Labelled {
  @Field({ description: 'Stable, e.g. "grant-writing".' })
  key!: string;

  labels!: Record<Language, string>;
  lang!: Language;
  row!: SkillRow;

  static from(row: SkillRow, lang: Language = Language.IT): Skill {
    return Object.assign(new Skill(), {
      id: toGlobalId('Skill', row.id),
      dbId: row.id,
      key: row.key,
      labels: { [Language.IT]: row.labelIt, [Language.EN]: row.labelEn },
      lang,
      row,
    });
  }
}

@ObjectType()
export class SkillPayload {
  @Field(() => Skill, { nullable: true })
  skill!: Skill | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
