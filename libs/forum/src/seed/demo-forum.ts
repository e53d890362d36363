import type { EntityManager } from 'typeorm';
import { renderPostMarkdown } from '@bottega/markdown';
import { MORE_COMMUNITIES, MORE_MEMBERS, MORE_THREADS, type DemoCommunity, type DemoForumPerson, type DemoThread } from './demo-forum.content';

type Person = DemoForumPerson;
type People = Record<Person, string>;

const FIRST_COMMUNITIES: DemoCommunity[] = [
  {
    slug: 'anziani-e-comunita',
    name: 'Anziani e comunità',
    description: 'Older people living alone, neighbourhood care, home services: what works and what does not.',
    kind: 'THEMATIC',
    visibility: 'PUBLIC',
    territory: null,
    coordinators: ['chiara'],
    members: ['marco', 'elena', 'luca'],
  },
  {
    slug: 'lombardia-welfare-di-comunita',
    name: 'Lombardia: welfare di comunità',
    description: 'Living labs across the Lombard provinces compare notes on co-programming with public bodies.',
    kind: 'TERRITORIAL',
    visibility: 'PUBLIC',
    territory: 'IT-25',
    coordinators: ['marco'],
    members: ['chiara'],
  },
  {
    slug: 'abitare',
    name: 'Abitare e casa',
    description: 'Shared homes, social housing, neighbourhood concierges. For signed-in practitioners.',
    kind: 'THEMATIC',
    visibility: 'MEMBERS_ONLY',
    territory: null,
    coordinators: ['elena'],
    members: ['chiara'],
  },
  {
    slug: 'coordinamento-living-lab',
    name: 'Coordinamento living lab',
    description: 'Where the lab coordinators plan peer exchanges. Private.',
    kind: 'THEMATIC',
    visibility: 'PRIVATE',
    territory: null,
    coordinators: ['chiara', 'luca'],
    members: ['elena'],
  },
];

const FIRST_THREADS: DemoThread[] = [
  {
    community: 'anziani-e-comunita',
    kind: 'QUESTION',
    title: 'Come raggiungere gli anziani soli nei piccoli comuni?',
    tags: ['anziani-soli', 'piccoli-comuni'],
    territories: ['IT-NO'],
    posts: [
      ['elena', 'Our municipality has many older people living alone in scattered hamlets. Social services only meet those who ask. **How did you find the others?**', 20],
      ['luca', 'In the Ossola we mapped them with the **family doctors** and the village shops: they know who has not been seen for days. Then a travelling nurse and a community taxi kept the contact alive.', 19],
      ['chiara', 'In Milano the *custodi di quartiere* knock on doors with the building managers. It works in cities; in valleys I would follow @luca-sala.', 18],
      ['marco', 'Add the parish and the pharmacy to the list. We also printed a one-page leaflet with a single phone number.', 17],
    ],
    accepted: 1,
  },
  {
    community: 'anziani-e-comunita',
    kind: 'DISCUSSION',
    title: 'Custodi di quartiere: cosa abbiamo imparato nel primo anno',
    tags: ['anziani-soli', 'volontariato'],
    territories: ['IT-MI'],
    posts: [
      ['chiara', 'A year in, three lessons:\n\n1. Train custodians together with the building managers.\n2. Pay a small stipend: pure volunteering did not hold.\n3. Keep a shared log, or nobody knows who visited whom.', 12],
      ['marco', 'The stipend point matches our experience in Lecco. How do you fund it after the project ends?', 11],
      ['chiara', 'The municipality took it into the social plan for the next three years, after we showed the fall in emergency calls.', 10],
    ],
    pinned: true,
  },
  {
    community: 'lombardia-welfare-di-comunita',
    kind: 'QUESTION',
    title: 'Co-programmazione con il Comune: da dove partire?',
    tags: ['co-programmazione'],
    territories: ['IT-LC'],
    posts: [
      ['marco', 'Our cooperative wants to start a co-programming table (art. 55 of the Third Sector Code) with the municipality. Who has a template for the first public notice?', 6],
      ['chiara', 'We can share ours from Milano; the key was agreeing the goals before talking about money.', 5],
      ['marco', 'Thank you, the notice is out. Closing this one: the template now lives in the practice record, where comments are welcome.', 4],
    ],
    accepted: 1,
    locked: true,
  },
  {
    community: 'abitare',
    kind: 'DISCUSSION',
    title: 'Case condivise: un regolamento di convivenza scritto con gli inquilini',
    tags: ['housing', 'giovani'],
    territories: ['IT-NO'],
    posts: [['elena', 'We wrote the house rules together with the first tenants. Draft attached soon; comments welcome.', 3]],
  },
  {
    community: 'coordinamento-living-lab',
    kind: 'DISCUSSION',
    title: 'Calendario delle visite di studio 2027',
    tags: ['scambi'],
    territories: [],
    posts: [
      ['luca', 'Proposal: March in the Ossola (travelling nurse), May in Milano (custodi), September in Novara (case condivise).', 2],
      ['elena', 'September works for Novara.', 1],
    ],
  },
];

/** Every community of the demo, with the members who joined later. */
export const DEMO_COMMUNITIES: DemoCommunity[] = [...FIRST_COMMUNITIES, ...MORE_COMMUNITIES].map((community) => ({
  ...community,
  members: [...community.members, ...(MORE_MEMBERS[community.slug] ?? [])],
}));

/** Every thread of the demo, in the order they are written. */
export const DEMO_THREADS: DemoThread[] = [...FIRST_THREADS, ...MORE_THREADS];

const render = (source: string) =>
  renderPostMarkdown(source, { mentionHref: (handle) => `/u/${handle}`, quoteHref: (id) => `/p/${id}` });

/** Communities with threads, replies, answered questions (one of them locked), reactions and follows, so the forum looks alive. */
export async function seedDemoForum(manager: EntityManager, people: People): Promise<void> {
  const communityIds = new Map<string, string>();
  for (const community of DEMO_COMMUNITIES) {
    const members = [...community.coordinators.map((p) => [p, 'COORDINATOR']), ...community.members.map((p) => [p, 'MEMBER'])];
    const [row] = (await manager.query(
      `INSERT INTO community (slug, name, description, kind, visibility, territory_id, created_by, member_count)
       VALUES ($1, $2, $3, $4, $5, (SELECT id FROM territory WHERE code = $6), $7, $8) RETURNING id`,
      [community.slug, community.name, community.description, community.kind, community.visibility, community.territory, people.admin, members.length],
    )) as [{ id: string }];
    communityIds.set(community.slug, row.id);
    for (const [person, role] of members) {
      await manager.query(`INSERT INTO community_membership (community_id, user_id, role) VALUES ($1, $2, $3)`, [row.id, people[person as Person], role]);
    }
  }

  for (const thread of DEMO_THREADS) {
    const opener = thread.posts[0];
    const [row] = (await manager.query(
      `INSERT INTO thread (community_id, author_id, kind, title, pinned_at, locked_at, created_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END, CASE WHEN $6 THEN now() END, now() - make_interval(days => $7)) RETURNING id`,
      [communityIds.get(thread.community), people[opener[0]], thread.kind, thread.title, thread.pinned ?? false, thread.locked ?? false, opener[2]],
    )) as [{ id: string }];
    const postIds: string[] = [];
    for (const [author, source, daysAgo] of thread.posts) {
      const rendered = render(source);
      const [post] = (await manager.query(
        `INSERT INTO post (thread_id, author_id, body_source, body_html, body_text, language, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() - make_interval(days => $7)) RETURNING id`,
        [row.id, people[author], source, rendered.html, rendered.text, rendered.language, daysAgo],
      )) as [{ id: string }];
      await manager.query(`INSERT INTO post_revision (post_id, version, body_source, editor_id, created_at) VALUES ($1, 1, $2, $3, now() - make_interval(days => $4))`, [
        post.id,
        source,
        people[author],
        daysAgo,
      ]);
      await manager.query(`INSERT INTO follow (user_id, subject_type, subject_key) VALUES ($1, 'THREAD', $2) ON CONFLICT DO NOTHING`, [people[author], row.id]);
      await manager.query(`INSERT INTO thread_participant (thread_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [row.id, people[author]]);
      postIds.push(post.id);
    }
    await manager.query(`INSERT INTO tag (slug) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [thread.tags]);
    await manager.query(`INSERT INTO thread_tag (thread_id, tag_id) SELECT $1, id FROM tag WHERE slug = ANY($2)`, [row.id, thread.tags]);
    await manager.query(`INSERT INTO thread_territory (thread_id, territory_id) SELECT $1, id FROM territory WHERE code = ANY($2)`, [row.id, thread.territories]);
    // Everyone who took part thanks the opening post; the opener finds the accepted answer helpful.
    for (const [author] of thread.posts.slice(1).filter(([person]) => person !== opener[0])) {
      await manager.query(`INSERT INTO post_reaction (post_id, user_id, kind) VALUES ($1, $2, 'THANKS') ON CONFLICT DO NOTHING`, [postIds[0], people[author]]);
    }
    if (thread.accepted !== undefined) {
      const answerId = postIds[thread.accepted];
      await manager.query(`UPDATE thread SET accepted_post_id = $2 WHERE id = $1`, [row.id, answerId]);
      await manager.query(`INSERT INTO post_reaction (post_id, user_id, kind) VALUES ($1, $2, 'HELPFUL')`, [answerId, people[opener[0]]]);
    }
    await manager.query(
      `UPDATE thread SET post_count = (SELECT count(*) FROM post WHERE thread_id = $1),
              participant_count = (SELECT count(*) FROM thread_participant WHERE thread_id = $1),
              last_activity_at = (SELECT max(created_at) FROM post WHERE thread_id = $1)
        WHERE id = $1`,
      [row.id],
    );
  }
  await manager.query(`INSERT INTO follow (user_id, subject_type, subject_key) VALUES ($1, 'TAG', 'anziani-soli')`, [people.chiara]);
}
