import { ThreadKind } from './thread.enums';

/**
 * A SQL condition for other libraries: the thread whose id is `threadIdSql`
 * is a question still waiting for an accepted answer (and not deleted).
 * Whether a reader may read it is the content registry's to say.
 */
export const openQuestionSql = (threadIdSql: string): string =>
  `EXISTS (SELECT 1 FROM thread oq WHERE oq.id = ${threadIdSql} AND oq.kind = '${ThreadKind.QUESTION}'
             AND oq.accepted_post_id IS NULL AND oq.deleted_at IS NULL)`;
