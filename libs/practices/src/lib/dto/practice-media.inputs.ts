import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsUrl, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { LocalDate } from '@bottega/core';
import { PracticeMediaKind } from '../practice-media.enums';

const Url = (nullable: boolean) =>
  applyDecorators(
    Field(() => String, { nullable, description: 'Where it is published: an http or https address.' }),
    ...(nullable ? [IsOptional()] : []),
    IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'Enter a web address starting with https://.' }),
    MaxLength(2000, { message: 'A web address has at most 2000 characters.' }),
  );

/** A text of at most `max` characters, left as it is when omitted. */
const Text = (max: number, what: string, description?: string) =>
  applyDecorators(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    MaxLength(max, { message: `${what} has at most ${max} characters.` }),
  );

@InputType({ description: 'The consent of the people a medium shows.' })
export class MediaConsentInput {
  @Field({ description: 'Who gave it: their names as they wrote them.' })
  @IsNotEmpty({ message: 'Write who gave the consent.' })
  @MaxLength(500, { message: 'The names have at most 500 characters.' })
  givenBy!: string;

  @Field(() => LocalDate)
  givenOn!: string;

  @Field({ description: 'The use they agreed to, e.g. “publication on Bottega and in the project’s report”.' })
  @IsNotEmpty({ message: 'Write what use they agreed to.' })
  @MaxLength(1000, { message: 'The use has at most 1000 characters.' })
  use!: string;
}

/** What describes a medium; every field optional in an edit. */
@InputType({ isAbstract: true })
abstract class MediaFieldsInput {
  @Text(500, 'A caption')
  caption?: string | null;

  @Text(500, 'Alternative text', 'What an image shows, for those who cannot see it; required for images.')
  altText?: string | null;

  @Text(200, 'A credit', 'Who made it.')
  credit?: string | null;

  @Text(50000, 'A transcript', 'The words of a recording or film; audio and video only.')
  transcript?: string | null;
}

@InputType()
export class AddPracticeMediaInput extends MediaFieldsInput {
  @Field(() => ID)
  practiceId!: string;

  @Field(() => PracticeMediaKind)
  kind!: PracticeMediaKind;

  @Url(false)
  url!: string;

  @Field(() => MediaConsentInput, { nullable: true, description: 'The consent, when already given; a published story takes media only with it.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MediaConsentInput)
  consent?: MediaConsentInput | null;
}

@InputType({ description: 'Fields left out stay as they are.' })
export class UpdatePracticeMediaInput extends MediaFieldsInput {
  @Field(() => ID)
  mediaId!: string;

  @Field(() => PracticeMediaKind, { nullable: true })
  kind?: PracticeMediaKind | null;

  @Url(true)
  url?: string | null;

  @Field(() => Int, { nullable: true, description: 'Its new place among the practice’s media, from 1; the others make room.' })
  @IsOptional()
  @Min(1, { message: 'Places count from 1.' })
  position?: number | null;
}

@InputType()
export class PracticeMediaInput {
  @Field(() => ID)
  mediaId!: string;
}

@InputType()
export class RecordMediaConsentInput extends MediaConsentInput {
  @Field(() => ID)
  mediaId!: string;
}
