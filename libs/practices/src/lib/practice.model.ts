import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, LocalDate, Node, UserError, toGlobalId } from '@bottega/core';
import { languageOf } from '@bottega/markdown';
import { PracticeKind, PracticeStatus } from './practice.enums';
import type { PracticeRow, PracticeVersionRow } from './practice.repository';
import { PracticeOrganization } from './practice-organization.model';
import type { SectionText, Sections } from './practice.sections';

@ObjectType('PracticeSection', { description: 'A long section of a practice: its Markdown, and the sanitized HTML rendered from it when written.' })
export class PracticeSection {
  @Field()
  markdown!: string;

  @Field()
  html!: string;

  static from(text: SectionText): PracticeSection {
    return Object.assign(new PracticeSection(), { markdown: text.source, html: text.html });
  }
}

/** The sections as fields, shared by a practice and its earlier versions. */
@ObjectType({ isAbstract: true })
abstract class PracticeContent {
  @Field(() => PracticeKind)
  kind!: PracticeKind;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field({ description: 'The language the title and summary are written in, as ISO 639-1 ("it", "en"): mark it (`lang`) where they are shown.' })
  get language(): string {
    return languageOf(`${this.title}\n${this.summary}`);
  }

  @Field(() => PracticeSection, { description: 'The need or problem addressed, and for whom.' })
  need!: PracticeSection;

  @Field(() => PracticeSection, { description: 'Governance, process, services.' })
  approach!: PracticeSection;

  @Field(() => PracticeSection, { description: 'People, money, assets and partners activated.' })
  resources!: PracticeSection;

  @Field(() => PracticeSection, { description: 'Results and evidence, with figures where they exist.' })
  results!: PracticeSection;

  @Field(() => PracticeSection, { description: 'Difficulties met and lessons learnt, failed attempts included.' })
  difficulties!: PracticeSection;

  @Field(() => PracticeSection, { description: 'What another territory needs to replicate it.' })
  transferability!: PracticeSection;

  @Field(() => LocalDate, { nullable: true })
  startsOn!: string | null;

  @Field(() => LocalDate, { nullable: true })
  endsOn!: string | null;

  @Field(() => [PracticeOrganization], { description: 'The organizations involved, in the order its authors gave.' })
  organizations!: PracticeOrganization[];
}

const sectionFields = (sections: Sections) => ({
  need: PracticeSection.from(sections.need),
  approach: PracticeSection.from(sections.approach),
  resources: PracticeSection.from(sections.resources),
  results: PracticeSection.from(sections.results),
  difficulties: PracticeSection.from(sections.difficulties),
  transferability: PracticeSection.from(sections.transferability),
});

@ObjectType('Practice', { implements: () => [Node], description: 'A practice that worked, or a story of one, recorded so that another territory can learn from it.' })
export class Practice extends PracticeContent implements Node {
  @Field(() => ID, { description: 'Opaque global id; use it with `node(id:)`.' })
  id!: string;

  dbId!: string;

  @Field()
  slug!: string;

  @Field(() => PracticeStatus)
  status!: PracticeStatus;

  @Field(() => Int, { description: 'Grows with each edit; `updatePractice` names the one it started from.' })
  version!: number;

  @Field({ description: 'Hidden by moderation; only its authors and reviewers see it.' })
  hidden!: boolean;

  @Field(() => String, { nullable: true, description: 'What the reviewers asked of the authors when they returned it; cleared when it is submitted again.' })
  reviewComment!: string | null;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => [String], { description: 'Tag slugs, shared with the forum.' })
  tags!: string[];

  @Field(() => Int, { description: 'How many times it was recorded as adopted elsewhere.' })
  adoptionCount!: number;

  @Field(() => Int, { description: 'How many people bookmarked it.' })
  bookmarkCount!: number;

  row!: PracticeRow;

  static from(row: PracticeRow): Practice {
    return Object.assign(new Practice(), {
      id: toGlobalId('Practice', row.id),
      dbId: row.id,
      slug: row.slug,
      kind: row.kind,
      status: row.status,
      title: row.title,
      summary: row.summary,
      ...sectionFields(row.sections),
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      organizations: row.organizations.map(PracticeOrganization.from),
      version: row.version,
      hidden: row.hiddenAt !== null,
      reviewComment: row.reviewComment,
      publishedAt: row.publishedAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      tags: row.tags,
      adoptionCount: row.adoptionCount,
      bookmarkCount: row.bookmarkCount,
      row,
    });
  }
}

@ObjectType('PracticeVersion', { description: 'A published version of a practice that a later edit replaced.' })
export class PracticeVersion extends PracticeContent {
  @Field(() => Int)
  version!: number;

  @Field({ description: 'When this version was written.' })
  madeAt!: Date;

  madeBy!: string | null;

  static from(row: PracticeVersionRow): PracticeVersion {
    const { content } = row;
    return Object.assign(new PracticeVersion(), {
      version: row.version,
      kind: content.kind,
      title: content.title,
      summary: content.summary,
      ...sectionFields(content.sections),
      startsOn: content.startsOn,
      endsOn: content.endsOn,
      // Versions kept before organizations existed had none.
      organizations: (content.organizations ?? []).map(PracticeOrganization.from),
      madeAt: new Date(row.madeAt),
      madeBy: row.madeBy,
    });
  }
}

@ObjectType()
export class PracticeConnection extends Connection(Practice, 'Practice') {}

@ObjectType()
export class PracticeVersionConnection extends Connection(PracticeVersion, 'PracticeVersion') {}

@ObjectType()
export class PracticePayload {
  @Field(() => Practice, { nullable: true })
  practice!: Practice | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
