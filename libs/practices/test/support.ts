import { toGlobalId } from '@bottega/core';
import type { TestApp } from '@bottega/testing';

export const PRACTICE_FIELDS = `id slug kind status title summary version reviewComment publishedAt tags
  need { markdown html } approach { markdown html } transferability { markdown html }
  startsOn endsOn authors { id } territories { code } project { title } community { id }
  viewerCanEdit viewerCanSubmit viewerCanPublish viewerCanReturn viewerCanArchive`;

const mutation = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { practice { ${PRACTICE_FIELDS} } userErrors { field code message } } }`;

export const CREATE = mutation('createPractice', 'CreatePracticeInput');
export const UPDATE = mutation('updatePractice', 'UpdatePracticeInput');
export const SUBMIT = mutation('submitPracticeForReview', 'PracticeDecisionInput');
export const PUBLISH = mutation('publishPractice', 'PracticeDecisionInput');
export const RETURN = mutation('returnPractice', 'ReturnPracticeInput');
export const ARCHIVE = mutation('archivePractice', 'PracticeDecisionInput');

export const MEDIA_FIELDS = `id kind url caption altText credit transcript position consented consent { givenBy givenOn use recordedBy { id } }`;
const mediaMutation = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { media { ${MEDIA_FIELDS} } practice { id status media { id position } } userErrors { field code message } } }`;

export const ADD_MEDIA = mediaMutation('addPracticeMedia', 'AddPracticeMediaInput');
export const UPDATE_MEDIA = mediaMutation('updatePracticeMedia', 'UpdatePracticeMediaInput');
export const REMOVE_MEDIA = mediaMutation('removePracticeMedia', 'PracticeMediaInput');
export const RECORD_CONSENT = mediaMutation('recordMediaConsent', 'RecordMediaConsentInput');
export const WITHDRAW_CONSENT = mediaMutation('withdrawMediaConsent', 'PracticeMediaInput');

export const ADOPTION_FIELDS = `id organizationName adoptedOn notes outcome territory { code } project { title } recordedBy { id } viewerCanEdit`;
const adoptionMutation = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { adoption { ${ADOPTION_FIELDS} } practice { id adoptionCount } userErrors { field code message } } }`;

export const RECORD_ADOPTION = adoptionMutation('recordAdoption', 'RecordAdoptionInput');
export const UPDATE_ADOPTION = adoptionMutation('updateAdoption', 'UpdateAdoptionInput');
export const REMOVE_ADOPTION = adoptionMutation('removeAdoption', 'RemoveAdoptionInput');

/** The sections a PRACTICE needs before review. */
export const COMPLETE = {
  summary: 'Un custode sociale per ogni condominio popolare.',
  need: 'Anziani **soli** nei quartieri popolari.',
  approach: 'Portierato sociale con volontari e servizi sociali.',
  results: 'Accessi al pronto soccorso ridotti del 20%.',
  transferability: 'Serve un ente gestore e un accordo con il Comune.',
};

export { api, unknownId } from '@bottega/testing';
export const practiceId = (id: string) => toGlobalId('Practice', id);

/** Everything about practices in the database, to show an operation changed nothing. */
export async function state(t: TestApp): Promise<unknown> {
  const [practices, authors, versions, outbox, audit, media, adoptions] = await Promise.all([
    t.db.query(`SELECT id, status, version, title, need_source, review_comment, media_without_consent, adoption_count FROM practice ORDER BY id`),
    t.db.query(`SELECT practice_id, user_id, position FROM practice_author ORDER BY practice_id, position`),
    t.db.query(`SELECT practice_id, version FROM practice_version ORDER BY practice_id, version`),
    t.db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE kind = 'Practice'`),
    t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE subject_type = 'Practice'`),
    t.db.query(`SELECT * FROM practice_media ORDER BY id`),
    t.db.query(`SELECT * FROM practice_adoption ORDER BY id`),
  ]);
  return { practices, authors, versions, outbox, audit, media, adoptions };
}

export const ORGANIZATION_FIELDS = `organizations { name kind role }`;
export const LINK = `mutation($input: PracticeThreadLinkInput!) { linkPracticeThread(input: $input) { practice { id linkedThreads { id title } } userErrors { field code message } } }`;
export const UNLINK = `mutation($input: PracticeThreadLinkInput!) { unlinkPracticeThread(input: $input) { practice { id linkedThreads { id title } } userErrors { field code message } } }`;

/** The practices' organizations, thread links and kept versions' content, besides {@link state}: to show an operation changed none of them. */
export async function contentState(t: TestApp): Promise<unknown> {
  const [organizations, links, versions] = await Promise.all([
    t.db.query(`SELECT practice_id, position, name, kind, role FROM practice_organization ORDER BY practice_id, position`),
    t.db.query(`SELECT practice_id, thread_id, linked_by FROM practice_thread ORDER BY practice_id, thread_id`),
    t.db.query(`SELECT practice_id, version, content FROM practice_version ORDER BY practice_id, version`),
  ]);
  return { practices: await state(t), organizations, links, versions };
}

/** The message of each user error, by field path and code: `[['input.title', 'TOO_LONG']]`. */
export const errorsOf = (userErrors: { field: string[] | null; code: string }[]): [string, string][] =>
  userErrors.map((e) => [(e.field ?? []).join('.'), e.code]);
