import type { EntityManager } from 'typeorm';
import { Outbox, OutboxChange } from '@bottega/core';
import type { AdoptionOutcome } from './practice-adoption.enums';
import { PracticeAdoptionRepository } from './practice-adoption.repository';

/** An adoption recorded on another feature's behalf (a peer exchange's outcomes): the notes say where it came from. */
export interface PracticeAdoptionRecord {
  practiceId: string;
  territoryId: string;
  projectId: string | null;
  organizationName: string | null;
  /** YYYY-MM-DD. */
  adoptedOn: string;
  notes: string;
  outcome: AdoptionOutcome;
  recordedBy: string;
}

/**
 * Records "adopted in" on a published practice in the caller's transaction,
 * counted on the practice under its row lock, with the practice's outbox
 * record; null when the practice is not published. The caller has checked
 * that its user reads the practice.
 */
export async function recordPracticeAdoption(manager: EntityManager, adoption: PracticeAdoptionRecord): Promise<string | null> {
  const { practiceId, recordedBy, ...fields } = adoption;
  const id = await new PracticeAdoptionRepository(manager.connection).insert(manager, practiceId, recordedBy, fields);
  if (id) await new Outbox().record(manager, { kind: 'Practice', subjectId: practiceId, change: OutboxChange.EDITED });
  return id;
}

/** Removes an adoption recorded with {@link recordPracticeAdoption}, in the caller's transaction; false when it was already gone. */
export async function removePracticeAdoption(manager: EntityManager, adoptionId: string): Promise<boolean> {
  const practiceId = await new PracticeAdoptionRepository(manager.connection).delete(manager, adoptionId);
  if (!practiceId) return false;
  await new Outbox().record(manager, { kind: 'Practice', subjectId: practiceId, change: OutboxChange.EDITED });
  return true;
}
