import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, Matches, MaxLength } from 'class-validator';

export const SKILL_TAGS_MAX = 20;
export const TAG_SLUG_MAX_LENGTH = 40;
const TAG_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

@InputType({ description: 'The forum tags a skill stands for, all of them: questions with one are routed to people with the skill.' })
export class SetSkillTagsInput {
  @Field(() => ID)
  skillId!: string;

  @Field(() => [String], { description: `Tag slugs (lower-case words joined by hyphens, e.g. "raccolta-fondi"), at most ${SKILL_TAGS_MAX}; they replace the skill's.` })
  @ArrayMaxSize(SKILL_TAGS_MAX, { message: `Give at most ${SKILL_TAGS_MAX} tags.` })
  @MaxLength(TAG_SLUG_MAX_LENGTH, { each: true, message: `A tag has at most ${TAG_SLUG_MAX_LENGTH} characters.` })
  @Matches(TAG_SLUG, { each: true, message: 'A tag is lower-case letters and digits, in words joined by single hyphens.' })
  tags!: string[];
}
