import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ConnectionArgs } from '@bottega/core';

export const NEED_TEXT_MAX_LENGTH = 500;
export const NEED_MAX_SKILLS = 10;

@InputType({ description: 'What someone needs a peer for: words, skills, or both, and where.' })
export class PeerNeedInput {
  @Field(() => String, {
    nullable: true,
    description: `Words (Italian or English, at most ${NEED_TEXT_MAX_LENGTH} characters), matched against the skills' labels, their areas, former names and tags, accents and case aside: "raccolta fondi", "fundraising", "anziani soli".`,
  })
  text?: string | null;

  @Field(() => [ID], { nullable: true, description: `Skills asked for, at most ${NEED_MAX_SKILLS} (a merged skill stands for the one it went into).` })
  skillIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The territory of the need: people there (or within it) rank higher, unless `preferOtherTerritories`.' })
  territoryId?: string | null;

  @Field({
    defaultValue: false,
    description: 'Rank people from outside `territoryId` (and the territories within it) higher, to learn from elsewhere.',
  })
  preferOtherTerritories!: boolean;
}

@ArgsType()
export class SuggestPeersArgs extends ConnectionArgs {
  @Field(() => PeerNeedInput)
  need!: PeerNeedInput;
}
