import { registerEnumType } from '@nestjs/graphql';

export enum ThreadKind {
  DISCUSSION = 'DISCUSSION',
  QUESTION = 'QUESTION',
}
registerEnumType(ThreadKind, { name: 'ThreadKind' });
