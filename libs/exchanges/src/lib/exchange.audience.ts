import { Audience, EVERYONE, STAFF, USER, anyOf, sqlBoolean, textAmong, unlessWhile, type Clause, type FactColumns } from '@bottega/core';
import { COMMUNITY_AUDIENCE, COORDINATOR, CommunityVisibility, type CommunityFacts } from '@bottega/forum';
import { ExchangeStatus } from './exchange.enums';

/**
 * What decides who reads an exchange: its host community's visibility, whether
 * it is still a draft or hidden by moderation, and who is inside it before
 * then (`insiderIds`: its creator, hosts and the host project's leads, comma
 * separated, in JavaScript as in SQL).
 */
export type ExchangeFacts = CommunityFacts & {
  exchangeId: string;
  draft: boolean;
  hidden: boolean;
  insiderIds: string;
};

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * While the boolean `fact` holds, only the community's coordinators, staff and
 * the exchange's insiders; otherwise everyone.
 */
function insidersWhile(fact: 'draft' | 'hidden'): Clause<ExchangeFacts> {
  return {
    principals: (facts) =>
      facts[fact]
        ? [`${COORDINATOR}:${facts.communityId}`, STAFF, ...facts.insiderIds.split(',').filter(Boolean).map((id) => `user:${id}`)]
        : [EVERYONE],
    sql: (columns: FactColumns<ExchangeFacts>) =>
      `CASE WHEN (${columns[fact]}) THEN ARRAY[${literal(STAFF)}, ${literal(`${COORDINATOR}:`)} || (${columns.communityId})::text]::text[]
         || ARRAY(SELECT 'user:' || i FROM unnest(string_to_array(${columns.insiderIds}, ',')) i WHERE i <> '') ELSE ARRAY[${literal(EVERYONE)}]::text[] END`,
    sqlFor: (columns, reader, bind) => {
      const users = reader.idsOf(USER);
      return unlessWhile(
        columns[fact],
        reader,
        anyOf([
          sqlBoolean(reader.has(STAFF)),
          textAmong(columns.communityId, reader.idsOf(COORDINATOR), bind),
          users.length === 0 ? sqlBoolean(false) : `coalesce(string_to_array(${columns.insiderIds}, ',') && ${bind(users)}, false)`,
        ]),
      );
    },
  };
}

/**
 * Who reads an exchange: the readers of its host community (a private
 * community's exchanges are its members'), once it leaves DRAFT; a draft, or
 * an exchange hidden by moderation, only its community's coordinators, staff,
 * its creator, hosts and the host project's leads.
 */
export const EXCHANGE_AUDIENCE = new Audience<ExchangeFacts>([
  ...(COMMUNITY_AUDIENCE.clauses as unknown as readonly Clause<ExchangeFacts>[]),
  insidersWhile('draft'),
  insidersWhile('hidden'),
]);

/** The facts of an exchange, from its row. */
export function exchangeFacts(exchange: {
  id: string;
  communityId: string;
  communityVisibility: CommunityVisibility;
  status: ExchangeStatus;
  hiddenAt: Date | null;
  createdBy: string | null;
  hostIds: string[];
  projectLeadIds: string[];
}): ExchangeFacts {
  return {
    communityId: exchange.communityId,
    visibility: exchange.communityVisibility,
    exchangeId: exchange.id,
    draft: exchange.status === ExchangeStatus.DRAFT,
    hidden: exchange.hiddenAt !== null,
    insiderIds: [...new Set([...(exchange.createdBy ? [exchange.createdBy] : []), ...exchange.hostIds, ...exchange.projectLeadIds])].join(','),
  };
}

/** Where an exchange's facts are in SQL, its community joined as `community`. */
export const exchangeColumns = (exchange: string, community: string): FactColumns<ExchangeFacts> => ({
  communityId: `${exchange}.host_community_id`,
  visibility: `${community}.visibility`,
  exchangeId: `${exchange}.id`,
  draft: `${exchange}.status = '${ExchangeStatus.DRAFT}'`,
  hidden: `${exchange}.hidden_at IS NOT NULL`,
  insiderIds: `array_to_string(ARRAY(SELECT h.user_id FROM peer_exchange_host h WHERE h.exchange_id = ${exchange}.id)
     || ARRAY(SELECT m.user_id FROM project_member m WHERE m.project_id = ${exchange}.host_project_id AND m.role = 'LEAD')
     || ARRAY(SELECT ${exchange}.created_by WHERE ${exchange}.created_by IS NOT NULL), ',')`,
});
