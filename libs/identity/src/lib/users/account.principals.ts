import { EVERYONE, SIGNED_IN, STAFF, STAFF_ROLES, USER, type PrincipalSource } from '@bottega/core';
import { suspendedSql } from './suspension';

/**
 * What every account is: a reader, signed in, itself, and staff for
 * moderators and admins. Suspended accounts are nothing, so they are
 * nobody's reader until the suspension ends.
 */
export const ACCOUNT_PRINCIPALS: PrincipalSource = {
  name: 'account',
  sql: `SELECT u.id, p.principal FROM app_user u,
          unnest(ARRAY['${EVERYONE}', '${SIGNED_IN}', '${USER}:' || u.id]
                 || CASE WHEN u.role IN (${STAFF_ROLES.map((role) => `'${role}'`).join(', ')}) THEN ARRAY['${STAFF}'] ELSE ARRAY[]::text[] END) p(principal)
         WHERE u.id = ANY($1::uuid[]) AND NOT ${suspendedSql('u')}`,
};
