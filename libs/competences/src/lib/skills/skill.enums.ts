import { registerEnumType } from '@nestjs/graphql';

/** The languages the taxonomy is labelled in. */
export enum Language {
  IT = 'IT',
  EN = 'EN',
}
registerEnumType(Language, { name: 'Language', description: 'A language labels are given in: Italian (the default) or English.' });
