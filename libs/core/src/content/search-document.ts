/**
 * What a kind of content gives a search engine about one item: its words by
 * weight, what it can be filtered by, and who may find it. Built by the kind
 * from the database as it is in the caller's transaction; the outbox event
 * that asked for it gives the version an index compares.
 */
export interface SearchDocument {
  type: string;
  id: string;
  /** Weighted first. */
  title: string;
  /** Weighted second: an abstract, or the opening words. */
  summary: string | null;
  /** Weighted last: the rest of the words, as plain text. */
  body: string;
  authorId: string | null;
  communityId: string | null;
  /** The item's own territories; the search library adds their ancestors. */
  territoryIds: string[];
  tags: string[];
  /** Skill keys, for what is searched by skill (competence profiles). */
  skills?: string[];
  createdAt: Date;
  updatedAt: Date;
  /**
   * Who may find it, from the kind's audience (`Audience.restrictions`): a
   * reader must hold one principal of every list; no list, everyone may.
   */
  restrictions: string[][];
  /**
   * Keys (`<type>:<id>`) of other items whose changes change this document:
   * a reply is found under its thread's title and with its thread's access,
   * so it names the thread. Its community is implied.
   */
  scopes?: string[];
}
