import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LocalDate, Node, UserError, toGlobalId } from '@bottega/core';
import { Practice } from './practice.model';
import { PracticeMediaKind } from './practice-media.enums';
import type { MediaConsentRow, PracticeMediaRow } from './practice-media.repository';

@ObjectType('MediaConsent', { description: 'The consent of the people a medium shows, as its authors recorded it.' })
export class MediaConsent {
  @Field({ description: 'Who gave it, their names as written.' })
  givenBy!: string;

  @Field(() => LocalDate)
  givenOn!: string;

  @Field({ description: 'The use they agreed to.' })
  use!: string;

  @Field({ description: 'When it was recorded.' })
  recordedAt!: Date;

  recordedBy!: string | null;

  static from(row: MediaConsentRow): MediaConsent {
    return Object.assign(new MediaConsent(), row);
  }
}

@ObjectType('PracticeMedia', {
  implements: () => [Node],
  description: 'An image, recording, film or document of a practice or story; visible wherever the practice is.',
})
export class PracticeMedia implements Node {
  @Field(() => ID)
  id!: string;

  dbId!: string;

  @Field(() => PracticeMediaKind)
  kind!: PracticeMediaKind;

  @Field({ description: 'Where it is published (http or https).' })
  url!: string;

  @Field()
  caption!: string;

  @Field({ description: 'What an image shows, for those who cannot see it; required for images.' })
  altText!: string;

  @Field()
  credit!: string;

  @Field({ description: 'The words of a recording or film; empty for images and documents.' })
  transcript!: string;

  @Field(() => Int, { description: 'Its place among the practice’s media, from 1.' })
  position!: number;

  @Field({ description: 'Whether the consent of the people it shows is recorded; a story is submitted and published only when all its media have it.' })
  consented!: boolean;

  row!: PracticeMediaRow;

  static from(row: PracticeMediaRow): PracticeMedia {
    return Object.assign(new PracticeMedia(), {
      id: toGlobalId('PracticeMedia', row.id),
      dbId: row.id,
      kind: row.kind,
      url: row.url,
      caption: row.caption,
      altText: row.altText,
      credit: row.credit,
      transcript: row.transcript,
      position: row.position,
      consented: row.consent !== null,
      row,
    });
  }
}

@ObjectType()
export class PracticeMediaPayload {
  @Field(() => PracticeMedia, { nullable: true, description: 'The medium added or changed; null when refused or removed.' })
  media!: PracticeMedia | null;

  @Field(() => Practice, { nullable: true, description: 'The practice as it is now; null when refused.' })
  practice!: Practice | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
