import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CommunityFactory, type TestCommunity } from '@bottega/forum/testing';
import type { TestApp, TestUser } from '@bottega/identity/testing';
import { DirectoryFactory, type TestProject } from '@bottega/territories/testing';

export { api, unknownId } from '@bottega/testing';

export const REPORT = `query Report($scope: ActivityScopeInput!, $from: Date!, $to: Date!, $period: ActivityPeriodUnit) {
  activityReport(scope: $scope, from: $from, to: $to, period: $period) {
    scope { kind name territoryCount territory { code } community { id } project { id } }
    from to period activeMembers
    forum { threads posts replies questionsAsked questionsAnswered questionsAnsweredWithin48Hours answeredWithin48HoursShare medianHoursToFirstReply }
    practices { published adoptedHere adoptedElsewhere }
    exchanges { held participants attendanceRate averageFeedback }
    periods { starts ends threads posts questionsAsked questionsAnswered answeredShare }
  } }`;

const HOUR = 3_600_000;
const at = (iso: string, hours = 0) => new Date(Date.parse(iso) + hours * HOUR).toISOString();

/** Threads and posts straight in the database at the instants given, as a year of use would leave them. */
export class ForumHistory {
  constructor(private readonly db: DataSource) {}

  async thread(spec: {
    community: { id: string };
    author: { id: string };
    kind?: 'DISCUSSION' | 'QUESTION';
    at: string;
    /** Replies, each `hours` after the opening; `deleted` ones are gone. */
    replies?: { author: { id: string }; hours: number; deleted?: boolean }[];
    /** The index in `replies` of the accepted answer. */
    accepted?: number;
    territories?: string[];
  }): Promise<string> {
    const [thread] = (await this.db.query(
      `INSERT INTO thread (community_id, author_id, kind, title, created_at, last_activity_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
      [spec.community.id, spec.author.id, spec.kind ?? 'DISCUSSION', `Discussione ${randomUUID().slice(0, 8)}`, spec.at],
    )) as [{ id: string }];
    const posts = [{ author: spec.author, hours: 0, deleted: false }, ...(spec.replies ?? [])];
    const ids: string[] = [];
    for (const post of posts) {
      const [row] = (await this.db.query(
        `INSERT INTO post (thread_id, author_id, body_source, body_html, body_text, created_at, deleted_at)
         VALUES ($1, $2, 'Testo', '<p>Testo</p>', 'Testo', $3, CASE WHEN $4::boolean THEN $3::timestamptz END) RETURNING id`,
        [thread.id, post.author.id, at(spec.at, post.hours), post.deleted ?? false],
      )) as [{ id: string }];
      ids.push(row.id);
    }
    if (spec.accepted !== undefined) await this.db.query(`UPDATE thread SET accepted_post_id = $2 WHERE id = $1`, [thread.id, ids[spec.accepted + 1]]);
    for (const territoryId of spec.territories ?? []) {
      await this.db.query(`INSERT INTO thread_territory (thread_id, territory_id) VALUES ($1, $2)`, [thread.id, territoryId]);
    }
    await this.db.query(`UPDATE thread SET post_count = $2 WHERE id = $1`, [thread.id, posts.length]);
    return thread.id;
  }

  /** A practice, published at `publishedAt` (a draft without it), with its territories, authors and adoptions. */
  async practice(spec: {
    authors: { id: string }[];
    territories: string[];
    community?: { id: string };
    projectId?: string;
    publishedAt?: string;
    adoptions?: { territoryId: string; on: string; outcome?: string; projectId?: string }[];
  }): Promise<string> {
    const unique = randomUUID().slice(0, 8);
    const [practice] = (await this.db.query(
      `INSERT INTO practice (slug, kind, status, title, community_id, project_id, published_at)
       VALUES ($1, 'PRACTICE', $2, $3, $4, $5, $6) RETURNING id`,
      [`pratica-${unique}`, spec.publishedAt ? 'PUBLISHED' : 'DRAFT', `Pratica ${unique}`, spec.community?.id ?? null, spec.projectId ?? null, spec.publishedAt ?? null],
    )) as [{ id: string }];
    for (const [position, author] of spec.authors.entries()) {
      await this.db.query(`INSERT INTO practice_author (practice_id, user_id, position) VALUES ($1, $2, $3)`, [practice.id, author.id, position]);
    }
    for (const territoryId of spec.territories) {
      await this.db.query(`INSERT INTO practice_territory (practice_id, territory_id) VALUES ($1, $2)`, [practice.id, territoryId]);
    }
    for (const adoption of spec.adoptions ?? []) {
      await this.db.query(
        `INSERT INTO practice_adoption (practice_id, territory_id, project_id, adopted_on, notes, outcome) VALUES ($1, $2, $3, $4, 'Adottata', $5)`,
        [practice.id, adoption.territoryId, adoption.projectId ?? null, adoption.on, adoption.outcome ?? 'ADOPTED'],
      );
    }
    return practice.id;
  }
}

export interface Scenario {
  admin: TestUser;
  /** Coordinates the public Lecco community; reads nothing private. */
  coordinator: TestUser;
  /** Coordinates the private Lecco community. */
  privateCoordinator: TestUser;
  /** Coordinates a Novara community. */
  novaraCoordinator: TestUser;
  /** Coordinates a community placed in Lombardy as a whole. */
  regionalCoordinator: TestUser;
  member: TestUser;
  /** On the Lecco project's team, coordinating nothing. */
  teamMember: TestUser;
  territories: Record<'lombardy' | 'lecco' | 'milan' | 'novara', { id: string; globalId: string }>;
  lecco: TestCommunity;
  privateLecco: TestCommunity;
  thematic: TestCommunity;
  project: TestProject;
}

/**
 * March 2025 in Lecco, computed by hand in the tests: a public community with
 * questions answered early, late and never, a private one, a thematic one
 * whose thread names Lecco, and activity in Milan and Novara around them.
 */
export async function seedScenario(t: TestApp): Promise<Scenario> {
  const directory = new DirectoryFactory(t.db);
  const [lombardy, lecco, milan, novara] = await Promise.all(['IT-25', 'IT-LC', 'IT-MI', 'IT-NO'].map((code) => directory.territory(code)));
  const [admin, coordinator, privateCoordinator, novaraCoordinator, regionalCoordinator, member, teamMember] = await Promise.all([
    t.users.admin().create(),
    ...Array.from({ length: 6 }, () => t.users.create()),
  ]);
  const [alice, bob, carol, dave, erin, frank, gina, henry] = await Promise.all(Array.from({ length: 8 }, () => t.users.create()));
  const communities = new CommunityFactory(t.db);
  const placed = async (community: TestCommunity, territoryId: string | null) => {
    await t.db.query(`UPDATE community SET territory_id = $2, kind = CASE WHEN $2::uuid IS NULL THEN 'THEMATIC' ELSE 'TERRITORIAL' END WHERE id = $1`, [
      community.id,
      territoryId,
    ]);
    return community;
  };
  const leccoCommunity = await placed(
    await communities.create({ coordinatorId: coordinator!.id, memberIds: [member!.id, alice!.id, bob!.id, carol!.id] }),
    lecco.id,
  );
  const privateLecco = await placed(
    await communities.create({ visibility: 'PRIVATE', coordinatorId: privateCoordinator!.id, memberIds: [dave!.id] }),
    lecco.id,
  );
  const thematic = await placed(await communities.create({}), null);
  const milanCommunity = await placed(await communities.create({}), milan.id);
  const novaraCommunity = await placed(await communities.create({ coordinatorId: novaraCoordinator!.id }), novara.id);
  await placed(await communities.create({ coordinatorId: regionalCoordinator!.id }), lombardy.id);
  const project = await directory.project({ territoryCodes: ['IT-LC'], members: [teamMember!.id] });

  const history = new ForumHistory(t.db);
  // Answered after 2 hours (accepted), again after 30.
  await history.thread({
    community: leccoCommunity,
    author: alice!,
    kind: 'QUESTION',
    at: '2025-03-03T09:00:00Z',
    replies: [
      { author: bob!, hours: 2 },
      { author: carol!, hours: 30 },
    ],
    accepted: 0,
  });
  // The asker adds a line after an hour (not a reply); the accepted answer comes after 50 hours.
  await history.thread({
    community: leccoCommunity,
    author: alice!,
    kind: 'QUESTION',
    at: '2025-03-10T10:00:00Z',
    replies: [
      { author: alice!, hours: 1 },
      { author: bob!, hours: 50 },
    ],
    accepted: 1,
  });
  // Never answered: its only reply was deleted.
  await history.thread({
    community: leccoCommunity,
    author: carol!,
    kind: 'QUESTION',
    at: '2025-03-17T08:00:00Z',
    replies: [{ author: bob!, hours: 24, deleted: true }],
  });
  // 00:30 on 1 March in Rome: in the range; a reply after 4 hours.
  await history.thread({ community: leccoCommunity, author: bob!, at: '2025-02-28T23:30:00Z', replies: [{ author: alice!, hours: 4 }] });
  // Started in February, answered in March: a post of the range, not a thread.
  await history.thread({ community: leccoCommunity, author: bob!, at: '2025-02-20T10:00:00Z', replies: [{ author: carol!, hours: 13 * 24 }] });
  // 00:30 on 1 April in Rome (summer time): outside the range.
  await history.thread({ community: leccoCommunity, author: bob!, at: '2025-03-31T22:30:00Z' });
  // Private: only its members, its coordinator and staff count it.
  await history.thread({ community: privateLecco, author: dave!, at: '2025-03-12T10:00:00Z', replies: [{ author: privateCoordinator!, hours: 1 }] });
  // A thematic community's threads count where they are placed.
  await history.thread({ community: thematic, author: erin!, at: '2025-03-20T10:00:00Z', territories: [lecco.id] });
  await history.thread({ community: thematic, author: erin!, at: '2025-03-20T11:00:00Z', territories: [milan.id] });
  await history.thread({
    community: milanCommunity,
    author: frank!,
    kind: 'QUESTION',
    at: '2025-03-05T10:00:00Z',
    replies: [{ author: gina!, hours: 3 }],
    accepted: 0,
  });
  await history.thread({ community: novaraCommunity, author: frank!, at: '2025-03-06T10:00:00Z' });

  // Lecco's practice (of the project), published in March, taken up in Novara and elsewhere in Lecco.
  await history.practice({
    authors: [alice!, henry!],
    territories: [lecco.id],
    community: leccoCommunity,
    projectId: project.id,
    publishedAt: '2025-03-15T10:00:00Z',
    adoptions: [
      { territoryId: novara.id, on: '2025-03-20' },
      { territoryId: lecco.id, on: '2025-03-21' },
    ],
  });
  // Private, in Lecco.
  await history.practice({ authors: [dave!], territories: [lecco.id], community: privateLecco, publishedAt: '2025-03-15T10:00:00Z' });
  // Milan's, from last year, taken up in Lecco in March (an abandoned attempt besides).
  await history.practice({
    authors: [gina!],
    territories: [milan.id],
    publishedAt: '2024-05-01T10:00:00Z',
    adoptions: [
      { territoryId: lecco.id, on: '2025-03-10' },
      { territoryId: lecco.id, on: '2025-03-11', outcome: 'ABANDONED' },
    ],
  });
  // A draft in Lecco.
  await history.practice({ authors: [carol!], territories: [lecco.id], community: leccoCommunity });

  return {
    admin: admin!,
    coordinator: coordinator!,
    privateCoordinator: privateCoordinator!,
    novaraCoordinator: novaraCoordinator!,
    regionalCoordinator: regionalCoordinator!,
    member: member!,
    teamMember: teamMember!,
    territories: { lombardy, lecco, milan, novara },
    lecco: leccoCommunity,
    privateLecco,
    thematic,
    project,
  };
}

export const MARCH = { from: '2025-03-01', to: '2025-03-31' };
