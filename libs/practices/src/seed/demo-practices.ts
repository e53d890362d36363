import type { EntityManager } from 'typeorm';
import { AuditLog, Outbox, OutboxChange, type AccessDirectory } from '@bottega/core';
import { FollowRepository, FollowSubjectType } from '@bottega/notifications';
import { PRACTICE_COMMENT_AUDIENCE, practiceCommentFacts } from '../lib/practice-comment.audience';
import { PRACTICE_AUDIENCE, practiceFacts } from '../lib/practice.audience';
import { PracticeAdoptionRepository } from '../lib/practice-adoption.repository';
import { PracticeCommentRepository } from '../lib/practice-comment.repository';
import { renderBody } from '../lib/practice-comment.service';
import { PracticeStatus } from '../lib/practice.enums';
import { PracticeLinkRepository } from '../lib/practice-link.repository';
import { PracticeMediaRepository } from '../lib/practice-media.repository';
import { PracticeRepository, type PracticeRow } from '../lib/practice.repository';
import { SECTIONS, renderSection, type Sections } from '../lib/practice.sections';
import {
  DEMO_ADOPTIONS,
  DEMO_BOOKMARKS,
  DEMO_COMMENTS,
  DEMO_FOLLOWS,
  DEMO_PRACTICES,
  type DemoPerson,
  type DemoPractice,
} from './demo-practices.content';
import { MORE_PRACTICES } from './demo-practices.more';
import { OTHER_PRACTICES } from './demo-practices.others';

/** Every practice and story of the demo, in the order they are written. */
export const ALL_DEMO_PRACTICES: DemoPractice[] = [...DEMO_PRACTICES, ...MORE_PRACTICES, ...OTHER_PRACTICES];

export type DemoPracticePeople = Record<DemoPerson, string>;

/**
 * The knowledge base of the demo: practices and stories from several
 * territories (elderly people living alone, social farming, a solidarity
 * grocery, youth, mental-health peer support, housing first, caregivers), in
 * every status, with media and their consents, a kept version, adoptions
 * between territories, bookmarks, comments and the notices their publication
 * sent. Written through the library's own repositories and the rules of its
 * services (rendered sections, the lifecycle's conditional updates, counts
 * moved with their rows, audit, outbox and notifications in this
 * transaction), then dated in the past. Returns the practices' ids by key.
 */
export async function seedDemoPractices(
  manager: EntityManager,
  people: DemoPracticePeople,
  directory: AccessDirectory,
): Promise<Record<string, string>> {
  const seed = new PracticeSeed(manager, people, directory);
  await seed.follows();
  const ids: Record<string, string> = {};
  for (const practice of ALL_DEMO_PRACTICES) ids[practice.key] = await seed.practice(practice);
  await seed.adoptions(ids);
  await seed.bookmarks(ids);
  await seed.comments(ids);
  return ids;
}

class PracticeSeed {
  private readonly practices: PracticeRepository;
  private readonly media: PracticeMediaRepository;
  private readonly adoptionsRepository: PracticeAdoptionRepository;
  private readonly links: PracticeLinkRepository;
  private readonly commentsRepository: PracticeCommentRepository;
  private readonly outbox = new Outbox();
  private readonly followRepository: FollowRepository;
  private readonly audit: AuditLog;

  constructor(
    private readonly manager: EntityManager,
    private readonly people: DemoPracticePeople,
    private readonly directory: AccessDirectory,
  ) {
    // The repositories' writes take the manager: they run in the seed's transaction.
    const db = manager.dataSource;
    this.practices = new PracticeRepository(db);
    this.followRepository = new FollowRepository(db);
    this.media = new PracticeMediaRepository(db);
    this.adoptionsRepository = new PracticeAdoptionRepository(db);
    this.links = new PracticeLinkRepository(db);
    this.commentsRepository = new PracticeCommentRepository(db);
    this.audit = new AuditLog(db);
  }

  /** Follows made before anything is published, so that their notices are sent as they would be. */
  async follows(): Promise<void> {
    for (const follow of DEMO_FOLLOWS) {
      const subject =
        'tag' in follow
          ? { type: FollowSubjectType.TAG, key: follow.tag }
          : { type: FollowSubjectType.TERRITORY, key: await this.territoryId(follow.territory) };
      await this.followRepository.add(this.people[follow.person], subject, this.manager);
    }
  }

  async practice(spec: DemoPractice): Promise<string> {
    const { manager } = this;
    const [creator, ...coAuthors] = spec.authors.map((person) => this.people[person]) as [string, ...string[]];
    const communityId = spec.community ? await this.idOf('community', 'slug', spec.community) : null;
    const sections = Object.fromEntries(SECTIONS.map((name) => [name, renderSection(spec.sections[name] ?? '')])) as Sections;
    const id = await this.practices.insert(
      manager,
      {
        slug: await this.practices.takeSlug(manager, spec.title),
        kind: spec.kind,
        title: spec.title,
        summary: spec.summary,
        sections,
        startsOn: spec.startsOn,
        endsOn: spec.endsOn,
        projectId: spec.project ? await this.idOf('project', 'slug', spec.project) : null,
        communityId,
        createdBy: creator,
      },
      { coAuthorIds: coAuthors, tags: spec.tags, territoryIds: await this.territoryIds(spec.territories), organizations: spec.organizations },
    );
    await this.outbox.record(manager, { kind: 'Practice', subjectId: id, change: OutboxChange.CREATED, payload: { communityId } });

    for (const medium of spec.media ?? []) {
      const mediaId = await this.media.insert(manager, id, creator, {
        kind: medium.kind,
        url: medium.url,
        caption: medium.caption,
        altText: medium.altText ?? '',
        credit: medium.credit,
        transcript: medium.transcript ?? '',
      });
      if (!mediaId) throw new Error(`Demo practice ${spec.key}: a medium was not added`);
      if (medium.consent) await this.media.setConsent(manager, mediaId, medium.consent, creator);
    }
    if (spec.media) await this.media.recount(manager, id);

    if (spec.status !== PracticeStatus.DRAFT || spec.returnedWith) {
      const reviewer = this.people[spec.reviewer];
      // Days ago of each move: review happens between writing and publication (or today).
      const { created, published, archived } = spec.days;
      const between = (fraction: number) => created - (created - (published ?? 0)) * fraction;
      await this.move(id, 'submit', creator, between(spec.returnedWith ? 0.25 : 0.5));
      if (spec.returnedWith) {
        await this.move(id, 'return', reviewer, between(0.5), spec.returnedWith);
        if (spec.status !== PracticeStatus.DRAFT) await this.move(id, 'submit', creator, between(0.75));
      }
      if (spec.status === PracticeStatus.PUBLISHED || spec.status === PracticeStatus.ARCHIVED) await this.move(id, 'publish', reviewer, published ?? 0);
      if (spec.status === PracticeStatus.ARCHIVED) await this.move(id, 'archive', creator, archived ?? 0);
    }
    await this.date(id, spec);
    if (spec.revision) await this.revise(id, { ...spec, revision: spec.revision });
    if (spec.linkedThread) await this.link(id, spec.linkedThread, creator);
    return id;
  }

  async adoptions(ids: Record<string, string>): Promise<void> {
    for (const adoption of DEMO_ADOPTIONS) {
      const practiceId = idOf(ids, adoption.practice);
      const created = await this.adoptionsRepository.insert(this.manager, practiceId, this.people[adoption.recordedBy], {
        territoryId: await this.territoryId(adoption.territory),
        organizationName: adoption.organizationName,
        projectId: adoption.project ? await this.idOf('project', 'slug', adoption.project) : null,
        adoptedOn: adoption.adoptedOn,
        notes: adoption.notes,
        outcome: adoption.outcome,
      });
      if (!created) throw new Error(`Demo practice ${adoption.practice} is not published: no adoption can be recorded`);
      await this.manager.query(`UPDATE practice_adoption SET created_at = $2::date + time '10:00', updated_at = $2::date + time '10:00' WHERE id = $1`, [
        created,
        adoption.adoptedOn,
      ]);
      await this.outbox.record(this.manager, { kind: 'Practice', subjectId: practiceId, change: OutboxChange.EDITED });
    }
  }

  /** As the bookmark repository does: the row and the count in one statement. */
  async bookmarks(ids: Record<string, string>): Promise<void> {
    for (const [person, key] of DEMO_BOOKMARKS) {
      await this.manager.query(
        `WITH added AS (INSERT INTO practice_bookmark (practice_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING practice_id)
         UPDATE practice SET bookmark_count = bookmark_count + 1 WHERE id = $1 AND EXISTS (SELECT 1 FROM added)`,
        [ids[key], this.people[person]],
      );
    }
  }

  /** Comments rendered by the comments' renderer, each telling the practice's other authors (who all read it) as the service does. */
  async comments(ids: Record<string, string>): Promise<void> {
    for (const comment of DEMO_COMMENTS) {
      const practiceId = idOf(ids, comment.practice);
      const authorId = this.people[comment.author];
      const body = renderBody(comment.body);
      if (!('bodyHtml' in body)) throw new Error(`Demo comment on ${comment.practice}: ${body.message}`);
      const id = await this.commentsRepository.insert(this.manager, practiceId, authorId, body);
      if (!id) throw new Error(`Demo practice ${comment.practice} is not published: no comment can be added`);
      await this.manager.query(`UPDATE practice_comment SET created_at = now() - make_interval(days => $2) WHERE id = $1`, [id, comment.daysAgo]);
      await this.outbox.record(this.manager, { kind: 'PracticeComment', subjectId: id, change: OutboxChange.CREATED, payload: { practiceId } });
      const [practice] = await this.practices.findByIds([practiceId], this.manager);
      if (!practice) throw new Error(`Demo practice ${comment.practice} is missing`);
      const facts = practiceCommentFacts(practice, { authorId, hiddenAt: null, deletedAt: null });
      const readers = await this.directory.readersAmong(this.manager, PRACTICE_COMMENT_AUDIENCE, facts, practice.authorIds);
      await this.notify('PRACTICE_COMMENT', authorId, 'PracticeComment', id, `practice-comment:${id}`, readers, comment.daysAgo);
    }
  }

  /**
   * One move of the lifecycle, by the repository's conditional UPDATE (which
   * also requires the required sections to submit, and consented media for a
   * story), with the audit entry and outbox record the review service writes;
   * publishing notifies the followers.
   */
  private async move(
    id: string,
    decision: 'submit' | 'return' | 'publish' | 'archive',
    actorId: string,
    daysAgo: number,
    comment: string | null = null,
  ): Promise<void> {
    const { from, to, action, change } = MOVES[decision];
    const [before] = await this.practices.findByIds([id], this.manager);
    const moved = await this.practices.transition(this.manager, id, { from, to, reviewComment: comment, requireComplete: decision === 'submit' });
    if (!moved || !before) throw new Error(`Demo practice ${before?.slug ?? id} could not be ${decision === 'submit' ? 'submitted' : `${decision}ed`}`);
    await this.audit.record(this.manager, {
      actorId,
      action,
      subject: { type: 'Practice', id },
      reason: comment,
      metadata: { from, to, communityId: before.communityId },
    });
    // Dated on the demo's day: the entry just written is the newest (those before it were dated already).
    await this.manager.query(
      `UPDATE audit_log SET created_at = now() - $3 * interval '1 day'
        WHERE id = (SELECT id FROM audit_log WHERE subject_type = 'Practice' AND subject_id = $1 AND action = $2 ORDER BY created_at DESC LIMIT 1)`,
      [id, action, daysAgo],
    );
    await this.outbox.record(this.manager, { kind: 'Practice', subjectId: id, change, payload: { status: to } });
    if (decision === 'publish') await this.published(before, actorId);
  }

  /**
   * PRACTICE_PUBLISHED to the followers of the practice, its tags and its
   * territories with those above them, never the actor, only those who read
   * it once published, as `PracticeNotifier.published` decides.
   */
  private async published(practice: PracticeRow, actorId: string): Promise<void> {
    const places: { id: string }[] = await this.manager.query(
      `SELECT DISTINCT above.id FROM territory t JOIN territory above ON above.path @> t.path WHERE t.id = ANY($1::uuid[])`,
      [practice.territoryIds],
    );
    const followers = await this.followRepository.followersOf(
      [
        { type: FollowSubjectType.PRACTICE, key: practice.id },
        ...practice.tags.map((key) => ({ type: FollowSubjectType.TAG, key })),
        ...places.map(({ id }) => ({ type: FollowSubjectType.TERRITORY, key: id })),
      ],
      this.manager,
    );
    const facts = practiceFacts({ ...practice, status: PracticeStatus.PUBLISHED });
    const readers = await this.directory.readersAmong(this.manager, PRACTICE_AUDIENCE, facts, followers);
    await this.notify('PRACTICE_PUBLISHED', actorId, 'Practice', practice.id, `practice-published:${practice.id}`, readers, null);
  }

  /** As the notifications' writer inserts them: once per person per event, never to the actor. */
  private async notify(kind: string, actorId: string, subjectType: string, subjectId: string, eventKey: string, recipientIds: string[], daysAgo: number | null): Promise<void> {
    if (recipientIds.length === 0) return;
    await this.manager.query(
      `INSERT INTO notification (recipient_id, kind, actor_id, subject_type, subject_id, event_key)
       SELECT DISTINCT r, $2, $3::uuid, $4, $5::uuid, $6 FROM unnest($1::uuid[]) AS r WHERE r IS DISTINCT FROM $3::uuid
       ON CONFLICT (recipient_id, event_key) DO NOTHING`,
      [recipientIds, kind, actorId, subjectType, subjectId, eventKey],
    );
    if (daysAgo !== null) {
      await this.manager.query(`UPDATE notification SET created_at = now() - make_interval(days => $2) WHERE event_key = $1`, [eventKey, daysAgo]);
    }
  }

  /** Dates the practice, and the notices of its publication, as if written and reviewed on the demo's days. */
  private async date(id: string, spec: DemoPractice): Promise<void> {
    const { created, published, archived } = spec.days;
    await this.manager.query(
      `UPDATE practice SET created_at = now() - make_interval(days => $2),
              published_at = CASE WHEN published_at IS NOT NULL THEN now() - make_interval(days => $3) END,
              archived_at = CASE WHEN archived_at IS NOT NULL THEN now() - make_interval(days => $4) END,
              updated_at = now() - make_interval(days => least($2, $3, $4))
        WHERE id = $1`,
      [id, created, published ?? created, archived ?? published ?? created],
    );
    if (published !== undefined) {
      await this.manager.query(`UPDATE notification SET created_at = now() - make_interval(days => $2) WHERE event_key = $1`, [
        `practice-published:${id}`,
        published,
      ]);
    }
  }

  /** An edit of the published practice, as the practice service makes it: the version it replaces is kept. */
  private async revise(id: string, spec: DemoPractice & Required<Pick<DemoPractice, 'revision'>>): Promise<void> {
    const { revision } = spec;
    const editorId = this.people[revision.by];
    const before = await this.practices.lockAt(this.manager, id, 1, [PracticeStatus.PUBLISHED]);
    if (!before) throw new Error(`Demo practice ${spec.key} is not published at version 1`);
    await this.practices.keepVersion(this.manager, before);
    const sections = Object.fromEntries(Object.entries(revision.sections).map(([name, source]) => [name, renderSection(source)]));
    await this.practices.update(this.manager, id, editorId, { sections, ...(revision.summary ? { summary: revision.summary } : {}) }, {});
    await this.outbox.record(this.manager, { kind: 'Practice', subjectId: id, change: OutboxChange.EDITED });
    await this.manager.query(`UPDATE practice SET updated_at = now() - make_interval(days => $2) WHERE id = $1`, [id, revision.daysAgo]);
  }

  /** As an author links a forum thread: once, with an outbox record; nothing when the thread was deleted since the forum's demo. */
  private async link(id: string, threadTitle: string, authorId: string): Promise<void> {
    const [thread]: { id: string }[] = await this.manager.query(
      `SELECT id FROM thread WHERE title = $1 AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1`,
      [threadTitle],
    );
    if (!thread) return;
    await this.links.insert(this.manager, id, thread.id, authorId);
    await this.outbox.record(this.manager, { kind: 'Practice', subjectId: id, change: OutboxChange.EDITED });
  }

  private async territoryId(code: string): Promise<string> {
    const [id] = await this.territoryIds([code]);
    if (!id) throw new Error(`The demo territory ${code} is missing`);
    return id;
  }

  private async territoryIds(codes: string[]): Promise<string[]> {
    const rows: { id: string; code: string }[] = await this.manager.query(`SELECT id, code FROM territory WHERE code = ANY($1::text[])`, [codes]);
    return codes.map((code) => {
      const found = rows.find((row) => row.code === code);
      if (!found) throw new Error(`The demo territory ${code} is missing`);
      return found.id;
    });
  }

  /** The id of a demo row by a unique name (the tables and columns are this file's constants). */
  private async idOf(table: 'community' | 'project', column: 'slug', value: string): Promise<string> {
    const [row]: { id: string }[] = await this.manager.query(`SELECT id FROM ${table} WHERE ${column} = $1 ORDER BY created_at LIMIT 1`, [value]);
    if (!row) throw new Error(`The demo ${table} "${value}" is missing`);
    return row.id;
  }
}

function idOf(ids: Record<string, string>, key: string): string {
  const id = ids[key];
  if (!id) throw new Error(`No demo practice is called ${key}`);
  return id;
}

const MOVES = {
  submit: { from: PracticeStatus.DRAFT, to: PracticeStatus.IN_REVIEW, action: 'SUBMIT', change: OutboxChange.EDITED },
  return: { from: PracticeStatus.IN_REVIEW, to: PracticeStatus.DRAFT, action: 'RETURN', change: OutboxChange.EDITED },
  publish: { from: PracticeStatus.IN_REVIEW, to: PracticeStatus.PUBLISHED, action: 'PUBLISH', change: OutboxChange.VISIBILITY_CHANGED },
  archive: { from: PracticeStatus.PUBLISHED, to: PracticeStatus.ARCHIVED, action: 'ARCHIVE', change: OutboxChange.EDITED },
} as const;
