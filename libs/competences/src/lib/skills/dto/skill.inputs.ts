import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Language } from '../skill.enums';
import { KEY_MAX_LENGTH, KEY_PATTERN, LABEL_MAX_LENGTH, LABEL_MIN_LENGTH } from '../skill-text';

const LABEL_LENGTH = { message: `A label has ${LABEL_MIN_LENGTH} to ${LABEL_MAX_LENGTH} characters.` };

@ArgsType()
export class SkillsArgs {
  @Field(() => String, { nullable: true, description: 'The key of an area: only its skills.' })
  area?: string | null;

  @Field(() => String, { nullable: true, description: 'Skills with a word of their label, in `lang`, starting so (any case, accents aside).' })
  prefix?: string | null;

  @Field(() => Language, { defaultValue: Language.IT, description: 'The language of the labels, searched and shown.' })
  lang!: Language;
}

@InputType()
export class CreateSkillInput {
  @Field({ description: 'The key of the area it belongs to.' })
  area!: string;

  @Field({ description: 'Stable and unique: lower-case words joined by hyphens, e.g. "social-farming".' })
  @MaxLength(KEY_MAX_LENGTH, { message: `A key has at most ${KEY_MAX_LENGTH} characters.` })
  @Matches(KEY_PATTERN, { message: 'A key is lower-case letters and digits, in words joined by single hyphens.' })
  key!: string;

  @Field()
  @MinLength(LABEL_MIN_LENGTH, LABEL_LENGTH)
  @MaxLength(LABEL_MAX_LENGTH, LABEL_LENGTH)
  labelIt!: string;

  @Field()
  @MinLength(LABEL_MIN_LENGTH, LABEL_LENGTH)
  @MaxLength(LABEL_MAX_LENGTH, LABEL_LENGTH)
  labelEn!: string;
}

@InputType({ description: 'A label left out stays as it is.' })
export class RenameSkillInput {
  @Field(() => ID)
  skillId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(LABEL_MIN_LENGTH, LABEL_LENGTH)
  @MaxLength(LABEL_MAX_LENGTH, LABEL_LENGTH)
  labelIt?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(LABEL_MIN_LENGTH, LABEL_LENGTH)
  @MaxLength(LABEL_MAX_LENGTH, LABEL_LENGTH)
  labelEn?: string | null;
}

@InputType()
export class MergeSkillsInput {
  @Field(() => ID, { description: 'The skill that goes: it becomes an alias of `into`, so its id still resolves.' })
  from!: string;

  @Field(() => ID, { description: 'The skill that stays and receives every competence and endorsement of `from`.' })
  into!: string;
}
