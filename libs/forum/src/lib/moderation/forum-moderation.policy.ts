import { canCoordinate } from '../communities/community.policy';

/** Coordinators decide on content within their communities; moderators and admins everywhere (the moderators `moderatorsOf` names). */
export const canModerateContent = canCoordinate;

/**
 * Those who decide on content also redact a post's earlier versions. Authors
 * do not: the history is what lets moderators see what was said before an edit,
 * so an author asks (a PRIVACY flag) rather than rewrites it.
 */
export const canRedactRevisions = canModerateContent;
