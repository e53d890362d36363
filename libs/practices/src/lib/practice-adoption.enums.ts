import { registerEnumType } from '@nestjs/graphql';

export enum AdoptionOutcome {
  ADOPTING = 'ADOPTING',
  ADOPTED = 'ADOPTED',
  ADAPTED = 'ADAPTED',
  ABANDONED = 'ABANDONED',
}
registerEnumType(AdoptionOutcome, {
  name: 'AdoptionOutcome',
  description: 'How an adoption went; failed attempts teach as much as the others.',
  valuesMap: {
    ADOPTING: { description: 'Under way.' },
    ADOPTED: { description: 'Taken up as it was.' },
    ADAPTED: { description: 'Taken up with changes; the notes say which.' },
    ABANDONED: { description: 'Tried and given up; the notes say why.' },
  },
});
