import type { DataSource, EntityManager } from 'typeorm';
import { seedDemoCompetences } from '@bottega/competences';
import { AccessDirectory } from '@bottega/core';
import { seedDemoExchangeOutcomes, seedDemoExchanges, seedDemoPeerReview } from '@bottega/exchanges';
import { COMMUNITY_PRINCIPALS, seedDemoForum } from '@bottega/forum';
import { ACCOUNT_PRINCIPALS, DEMO_USERS, PasswordHasher, seedDemoUsers, type DemoUserKey } from '@bottega/identity';
import { PRACTICE_PRINCIPALS, seedDemoPractices } from '@bottega/practices';
import { seedDemoDirectory } from '@bottega/territories';

/**
 * Seeds the demo content once per database, in one transaction (all or
 * nothing); returns false when it was already there. Each part is a named
 * run: the forum's demo ('demo'), then the knowledge base ('knowledge':
 * practices, stories, competence profiles), then peer exchanges
 * ('exchanges') and what came of the past ones ('exchange-outcomes'), then the peer review ('exchanges-peer-review'), so that a database seeded before
 * the knowledge base existed gets it once, on the demo people it already has.
 */
export async function seedDemoContent(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    let seeded = false;
    let people: Record<DemoUserKey, string> | null = null;
    if (await claim(manager, 'demo')) {
      people = await seedDemoUsers(manager, new PasswordHasher());
      await seedDemoDirectory(manager, people);
      await seedDemoForum(manager, people);
      seeded = true;
    }
    people ??= await demoPeople(manager);
    // The knowledge base is written on the demo's people, places and communities: without them (a database
    // that was never given the demo), there is nothing to write it on, and the run is not claimed.
    if (people && (await claim(manager, 'knowledge'))) {
      const practices = await seedDemoPractices(manager, people, demoDirectory(dataSource));
      await seedDemoCompetences(manager, people, practices);
      seeded = true;
    }
    // Peer exchanges, on the demo's communities, projects and practices: a run of their own, like the knowledge base.
    if (people && (await claim(manager, 'exchanges'))) {
      await seedDemoExchanges(manager, people);
      seeded = true;
    }
    // What came of the past exchanges (attendance, outcomes, adoptions, feedback), with two more of them: after the exchanges' run.
    if (people && (await claim(manager, 'exchange-outcomes'))) {
      await seedDemoExchangeOutcomes(manager, people);
      seeded = true;
    }
    // The peer review that took place, with its reviewers, recommendations and action plan: a run of its own.
    if (people && (await claim(manager, 'exchanges-peer-review'))) {
      await seedDemoPeerReview(manager, people);
      seeded = true;
    }
    return seeded;
  });
}

/**
 * The access layer as the app assembles it (each library registers its
 * principals at start-up, which the seed runs before): the knowledge base's
 * notices go to the readers it decides, as the services' do.
 */
function demoDirectory(dataSource: DataSource): AccessDirectory {
  const directory = new AccessDirectory(dataSource);
  for (const source of [ACCOUNT_PRINCIPALS, COMMUNITY_PRINCIPALS, PRACTICE_PRINCIPALS]) directory.register(source);
  return directory;
}

/** Records the run; false when another start (or an earlier one) already did it. */
async function claim(manager: EntityManager, name: string): Promise<boolean> {
  const inserted: unknown[] = await manager.query(`INSERT INTO seed_run (name) VALUES ($1) ON CONFLICT DO NOTHING RETURNING name`, [name]);
  return inserted.length > 0;
}

/** The demo accounts of a database seeded earlier, or null when the demo was never seeded or one of them is gone. */
async function demoPeople(manager: EntityManager): Promise<Record<DemoUserKey, string> | null> {
  const demo: unknown[] = await manager.query(`SELECT 1 FROM seed_run WHERE name = 'demo'`);
  if (demo.length === 0) return null;
  const handles = Object.values(DEMO_USERS).map((user) => user.handle);
  const rows: { id: string; handle: string }[] = await manager.query(`SELECT id, handle FROM app_user WHERE handle = ANY($1::text[])`, [handles]);
  const people = {} as Record<DemoUserKey, string>;
  for (const [key, user] of Object.entries(DEMO_USERS) as [DemoUserKey, (typeof DEMO_USERS)[DemoUserKey]][]) {
    const row = rows.find((found) => found.handle === user.handle);
    if (!row) return null;
    people[key] = row.id;
  }
  return people;
}
