import { registerEnumType } from '@nestjs/graphql';

/** The parts of a practice's versioned content, in the order a diff lists them. */
export enum PracticeField {
  KIND = 'KIND',
  TITLE = 'TITLE',
  SUMMARY = 'SUMMARY',
  NEED = 'NEED',
  APPROACH = 'APPROACH',
  RESOURCES = 'RESOURCES',
  RESULTS = 'RESULTS',
  DIFFICULTIES = 'DIFFICULTIES',
  TRANSFERABILITY = 'TRANSFERABILITY',
  STARTS_ON = 'STARTS_ON',
  ENDS_ON = 'ENDS_ON',
  PROJECT = 'PROJECT',
  TERRITORIES = 'TERRITORIES',
  TAGS = 'TAGS',
  ORGANIZATIONS = 'ORGANIZATIONS',
}
registerEnumType(PracticeField, {
  name: 'PracticeField',
  description: 'A part of a practice that its versions record; a diff lists changes in this order.',
});
