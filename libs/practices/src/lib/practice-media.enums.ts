import { registerEnumType } from '@nestjs/graphql';

export enum PracticeMediaKind {
  /** Needs alternative text. */
  IMAGE = 'IMAGE',
  /** May carry a transcript. */
  AUDIO = 'AUDIO',
  /** May carry a transcript. */
  VIDEO = 'VIDEO',
  DOCUMENT = 'DOCUMENT',
}
registerEnumType(PracticeMediaKind, {
  name: 'PracticeMediaKind',
  valuesMap: {
    IMAGE: { description: 'A picture; its alternative text is required.' },
    AUDIO: { description: 'A recording; give its transcript.' },
    VIDEO: { description: 'A film; give its transcript.' },
    DOCUMENT: { description: 'A report, a leaflet, a deed.' },
  },
});

/** Sound and moving pictures are transcribed for those who cannot hear or play them. */
export const TRANSCRIBED: readonly PracticeMediaKind[] = [PracticeMediaKind.AUDIO, PracticeMediaKind.VIDEO];
