import type { Client } from 'graphql-ws';
import { toGlobalId } from '@bottega/core';
import { CommunityFactory, type TestCommunity } from '@bottega/forum/testing';
import type { TestApp, TestUser } from '@bottega/identity/testing';
import { DirectoryFactory } from '@bottega/territories/testing';
import { api } from '@bottega/testing';

export { api, unknownId, until } from '@bottega/testing';

export const EXCHANGE_FIELDS = `id title format status cancelReason startsAt endsAt timeZone registrationDeadline capacity
  registeredCount waitlistedCount seatsLeft version description { markdown html } agenda { startsAt title note }
  venue onlineUrl hostTerritory { code } hostProject { title } hostCommunity { id } thread { id title }
  hosts { id } practicesToStudy { id } targetSkills { id } viewerCanManage viewerCanRegister
  viewerRegistration { status position note }`;

const mutation = (name: string, input: string, fields = `peerExchange { ${EXCHANGE_FIELDS} }`) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { ${fields} userErrors { field code message } } }`;

export const CREATE = mutation('createPeerExchange', 'CreatePeerExchangeInput');
export const UPDATE = mutation('updatePeerExchange', 'UpdatePeerExchangeInput');
export const OPEN = mutation('openRegistrations', 'PeerExchangeInput');
export const CLOSE = mutation('closeRegistrations', 'PeerExchangeInput');
export const COMPLETE = mutation('completePeerExchange', 'PeerExchangeInput');
export const CANCEL = mutation('cancelPeerExchange', 'CancelPeerExchangeInput');
export const CAPACITY = mutation('setExchangeCapacity', 'SetExchangeCapacityInput');
const REGISTRATION_FIELDS = `registration { id status position note } peerExchange { id registeredCount waitlistedCount seatsLeft }`;
export const REGISTER = mutation('registerForExchange', 'RegisterForExchangeInput', REGISTRATION_FIELDS);
export const UNREGISTER = mutation('cancelRegistration', 'CancelRegistrationInput', REGISTRATION_FIELDS);

export const NODE = `query($id: ID!) { node(id: $id) { ... on PeerExchange { ${EXCHANGE_FIELDS} } } }`;

const DAY = 24 * 3600 * 1000;
/** An instant `days` from now (negative: past), as ISO text. */
export const inDays = (days: number, hours = 0): string => new Date(Date.now() + days * DAY + hours * 3600 * 1000).toISOString();

/** A community with a coordinator and a member, a host territory and project, and a few people around them. */
export interface World {
  coordinator: TestUser;
  lead: TestUser;
  member: TestUser;
  outsider: TestUser;
  admin: TestUser;
  community: TestCommunity;
  milano: { id: string; globalId: string };
  lombardia: { id: string; globalId: string };
  project: { id: string; globalId: string };
}

export async function world(t: TestApp): Promise<World> {
  const [coordinator, lead, member, outsider, admin] = await Promise.all([
    t.users.named('Chiara Colombo').create(),
    t.users.create(),
    t.users.create(),
    t.users.create(),
    t.users.admin().create(),
  ]);
  const community = await new CommunityFactory(t.db).create({ coordinatorId: coordinator.id, memberIds: [member.id, lead.id] });
  const directory = new DirectoryFactory(t.db);
  const milano = await directory.territory('IT-MI');
  const lombardia = await directory.territory('IT-25');
  const project = await directory.project({ title: 'Città che cura', leadUserId: lead.id });
  return { coordinator, lead, member, outsider, admin, community, milano, lombardia, project };
}

/** The input of a study visit in two weeks, registrations until the day before. */
export function visit(w: World, input: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Visita al portierato sociale di Quarto Oggiaro',
    description: 'Come funziona un **custode sociale**.',
    format: 'STUDY_VISIT',
    hostTerritoryId: w.milano.globalId,
    hostProjectId: w.project.globalId,
    hostCommunityId: w.community.globalId,
    startsAt: inDays(14),
    endsAt: inDays(14, 4),
    registrationDeadline: inDays(13),
    capacity: 10,
    venue: 'Via Pascarella 21, Milano',
    ...input,
  };
}

/** Creates an exchange (as the coordinator unless told) and returns it. */
export async function create(t: TestApp, w: World, input: Record<string, unknown> = {}, as: TestUser = w.coordinator): Promise<any> {
  const { createPeerExchange } = await api(t).data(as, CREATE, { input: visit(w, input) });
  expect(createPeerExchange.userErrors).toEqual([]);
  return createPeerExchange.peerExchange;
}

/** An exchange open to registrations. */
export async function opened(t: TestApp, w: World, input: Record<string, unknown> = {}): Promise<any> {
  const exchange = await create(t, w, input);
  const { openRegistrations } = await api(t).data(w.coordinator, OPEN, { input: { exchangeId: exchange.id } });
  expect(openRegistrations.userErrors).toEqual([]);
  return openRegistrations.peerExchange;
}

export const exchangeDbId = (globalId: string): string => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;
export const exchangeId = (id: string) => toGlobalId('PeerExchange', id);

/** Everything about exchanges in the database, to show an operation changed nothing. */
export async function state(t: TestApp): Promise<unknown> {
  const [exchanges, hosts, agenda, practices, skills, registrations, outbox, notifications, threads] = await Promise.all([
    t.db.query(`SELECT * FROM peer_exchange ORDER BY id`),
    t.db.query(`SELECT * FROM peer_exchange_host ORDER BY exchange_id, position`),
    t.db.query(`SELECT * FROM peer_exchange_agenda_item ORDER BY exchange_id, position`),
    t.db.query(`SELECT * FROM peer_exchange_practice ORDER BY exchange_id, position`),
    t.db.query(`SELECT * FROM peer_exchange_skill ORDER BY exchange_id, skill_id`),
    t.db.query(`SELECT * FROM peer_exchange_registration ORDER BY id`),
    t.db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE kind = 'PeerExchange'`),
    t.db.query(`SELECT count(*)::int AS n FROM notification WHERE subject_type = 'PeerExchange'`),
    t.db.query(`SELECT count(*)::int AS n FROM thread`),
  ]);
  return { exchanges, hosts, agenda, practices, skills, registrations, outbox, notifications, threads };
}

/** The message of each user error, by field path and code: `[['input.endsAt', 'OUT_OF_RANGE']]`. */
export const errorsOf = (userErrors: { field: string[] | null; code: string }[]): [string, string][] =>
  userErrors.map((e) => [(e.field ?? []).join('.'), e.code]);

export interface Stream {
  events: any[];
  errors: unknown[];
  completed: Promise<void>;
  stop: () => void;
}

/** A subscription's events as they arrive. */
export function listen(client: Client, query: string, variables: Record<string, unknown>): Stream {
  const stream = { events: [] as any[], errors: [] as unknown[] } as Stream;
  stream.completed = new Promise<void>((done) => {
    stream.stop = client.subscribe(
      { query, variables },
      {
        next: (value) => stream.events.push(value.data ?? value),
        error: (error) => {
          stream.errors.push(error);
          done();
        },
        complete: done,
      },
    );
  });
  return stream;
}
