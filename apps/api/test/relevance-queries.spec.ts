import { DEMO_PROFILES } from '@bottega/competences';
import { slugify } from '@bottega/core';
import { DEMO_COMMUNITIES, DEMO_THREADS } from '@bottega/forum';
import { DEMO_EXCHANGES, DEMO_PAST_EXCHANGES, DEMO_PEER_REVIEW } from '@bottega/exchanges';
import { DEMO_USERS } from '@bottega/identity';
import { ALL_DEMO_PRACTICES } from '@bottega/practices';
import { RELEVANCE_QUERIES, type RelevanceCategory, type RelevanceKey } from '../bench/relevance-queries';

/** Every document of the demo seed by its relevance key, and whether an anonymous reader may read it. */
function demoDocuments(): Map<string, { public: boolean; why: string }> {
  const documents = new Map<string, { public: boolean; why: string }>();
  const add = (key: string, readable: boolean, why: string) => {
    if (documents.has(key)) throw new Error(`Two demo documents are both ${key}: the key would not name one document`);
    documents.set(key, { public: readable, why });
  };
  const visibility = new Map(DEMO_COMMUNITIES.map((community) => [community.slug, community.visibility]));
  const communityOf = (slug: string | null) => (slug === null ? 'PUBLIC' : (visibility.get(slug) ?? 'unknown community'));

  for (const practice of ALL_DEMO_PRACTICES) {
    const where = communityOf(practice.community);
    add(`practice:${slugify(practice.title)}`, practice.status === 'PUBLISHED' && where === 'PUBLIC', `${practice.status} in a ${where} space`);
  }
  for (const thread of DEMO_THREADS) {
    const slug = slugify(thread.title);
    const where = communityOf(thread.community);
    add(`thread:${slug}`, where === 'PUBLIC', `in a ${where} community`);
    thread.posts.forEach((_post, index) => {
      // The opening post is graded through its thread: only replies are graded as posts.
      add(`post:${slug}#${index + 1}`, where === 'PUBLIC' && index > 0, index === 0 ? 'the opening post' : `in a ${where} community`);
    });
  }
  // Peer exchanges (the peer review lives in the elderly care community) and the discussion thread each opens.
  const exchanges = [
    ...[...DEMO_EXCHANGES, ...DEMO_PAST_EXCHANGES].map((exchange) => ({ title: exchange.title, community: exchange.community, status: String(exchange.status) })),
    { title: DEMO_PEER_REVIEW.title, community: 'anziani-e-comunita', status: 'COMPLETED' },
  ];
  for (const exchange of exchanges) {
    const where = communityOf(exchange.community);
    add(`exchange:${slugify(exchange.title)}`, where === 'PUBLIC' && exchange.status !== 'DRAFT', `${exchange.status} in a ${where} community`);
    add(`thread:${slugify(exchange.title)}`, where === 'PUBLIC', `in a ${where} community`);
  }
  for (const profile of DEMO_PROFILES) add(`profile:${DEMO_USERS[profile.person].handle}`, profile.visibility === 'PUBLIC', `${profile.visibility} profile`);
  return documents;
}

describe('the judged queries', () => {
  const documents = demoDocuments();

  it('name practices and threads whose slugs are unique in the seed', () => {
    const practiceSlugs = ALL_DEMO_PRACTICES.map((practice) => slugify(practice.title));
    expect(new Set(practiceSlugs).size).toBe(practiceSlugs.length);
    const threadSlugs = DEMO_THREADS.map((thread) => slugify(thread.title));
    expect(new Set(threadSlugs).size).toBe(threadSlugs.length);
  });

  it('grade only real documents that an anonymous reader may read', () => {
    const problems: string[] = [];
    for (const query of RELEVANCE_QUERIES) {
      for (const key of Object.keys(query.grades)) {
        const document = documents.get(key);
        if (!document) problems.push(`${query.id}: ${key} is not in the demo seed`);
        else if (!document.public) problems.push(`${query.id}: ${key} is graded but not public (${document.why})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('expect nothing back from real documents that an anonymous reader may not read, and never grade them', () => {
    const problems: string[] = [];
    for (const query of RELEVANCE_QUERIES) {
      for (const key of query.expectNone ?? []) {
        const document = documents.get(key);
        if (!document) problems.push(`${query.id}: ${key} is not in the demo seed`);
        else if (document.public) problems.push(`${query.id}: ${key} is public, so it cannot be forbidden`);
        if (key in query.grades) problems.push(`${query.id}: ${key} is both graded and forbidden`);
      }
    }
    expect(problems).toEqual([]);
    expect(RELEVANCE_QUERIES.filter((query) => (query.expectNone ?? []).length > 0).length).toBeGreaterThanOrEqual(5);
    // Each kind of content an anonymous reader may not read is tested somewhere.
    const forbidden = RELEVANCE_QUERIES.flatMap((query) => query.expectNone ?? []).map((key) => documents.get(key)?.why ?? '');
    for (const reason of ['DRAFT', 'IN_REVIEW', 'PRIVATE', 'MEMBERS_ONLY', 'HIDDEN profile']) {
      expect(forbidden.some((why) => why.includes(reason))).toBe(true);
    }
  });

  it('are at least 45, with unique ids, each with grades from 1 to 3', () => {
    expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(45);
    const ids = RELEVANCE_QUERIES.map((query) => query.id);
    expect(new Set(ids).size).toBe(ids.length);
    const ungraded = RELEVANCE_QUERIES.filter((query) => Object.keys(query.grades).length === 0).map((query) => query.id);
    expect(ungraded).toEqual([]);
    for (const query of RELEVANCE_QUERIES) {
      for (const grade of Object.values(query.grades)) expect([1, 2, 3]).toContain(grade);
      expect(query.query.trim()).not.toBe('');
    }
  });

  it('cover every category with at least five queries', () => {
    const categories: RelevanceCategory[] = ['typo', 'accent', 'synonym', 'inflection', 'english', 'territory', 'question', 'plain', 'people'];
    const counts = Object.fromEntries(categories.map((category) => [category, RELEVANCE_QUERIES.filter((query) => query.category === category).length]));
    expect(Object.entries(counts).filter(([, count]) => count < 5)).toEqual([]);
  });

  it('filter people searches to profiles, and grade only profiles there', () => {
    for (const query of RELEVANCE_QUERIES.filter((candidate) => candidate.category === 'people')) {
      expect(query.filter?.types).toEqual(['Profile']);
      for (const key of Object.keys(query.grades) as RelevanceKey[]) expect(key.startsWith('profile:')).toBe(true);
    }
  });
});
