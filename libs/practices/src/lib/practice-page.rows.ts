import type { Community } from '@bottega/forum';

/**
 * The community a practice page shows, read as a plain JSON row inside the
 * practice's own statement (the forum's `communityColumns`), so that it needs
 * no statement of its own. People and places come the same way, through
 * identity's `userJsonSql` and territories' `territoryJsonSql`.
 */
type CommunityRow = Parameters<typeof Community.from>[0];
/** A community as the forum reads it (its `communityColumns`), through JSON. */
export type CommunityJson = Omit<CommunityRow, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };

/** The community row, its dates as dates again. */
export const communityRow = (json: CommunityJson): CommunityRow => ({ ...json, createdAt: new Date(json.createdAt), updatedAt: new Date(json.updatedAt) });
