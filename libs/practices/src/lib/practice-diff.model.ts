import { Field, ObjectType } from '@nestjs/graphql';
import { PracticeField } from './practice-diff.enums';
import type { FieldChange } from './practice-diff';

@ObjectType('PracticeFieldChange', { description: 'A part of a practice that differs between two of its versions.' })
export class PracticeFieldChange {
  @Field(() => PracticeField)
  field!: PracticeField;

  @Field(() => String, {
    nullable: true,
    description:
      'The earlier value as text: the Markdown source of a section, YYYY-MM-DD for a date, a project’s title, one item a line for territories, tags and organizations ("Name (KIND, ROLE)"); null when unset.',
  })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The later value, as `before`.' })
  after!: string | null;

  @Field(() => [String], { description: 'For territories, tags and organizations: the items only the later version has.' })
  added!: string[];

  @Field(() => [String], { description: 'For territories, tags and organizations: the items only the earlier version has.' })
  removed!: string[];

  static from(change: FieldChange): PracticeFieldChange {
    return Object.assign(new PracticeFieldChange(), change);
  }
}
