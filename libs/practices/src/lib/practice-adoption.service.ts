import { Injectable } from '@nestjs/common';
import {
  ForbiddenError,
  NotFoundError,
  Outbox,
  OutboxChange,
  UserError,
  UserErrorCode,
  fromGlobalId,
  refuse,
  succeed,
  validateInput,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import { ProjectLoaders, TerritoryLoaders } from '@bottega/territories';
import { RecordAdoptionInput, RemoveAdoptionInput, UpdateAdoptionInput } from './dto/practice-adoption.inputs';
import { PracticeAccess, type PracticeInContext } from './practice.access';
import { PracticeStatus } from './practice.enums';
import { PracticeLoaders } from './practice.loaders';
import { canChangeAdoption, canRecordAdoption } from './practice.policy';
import type { PracticeRow } from './practice.repository';
import { PracticeAdoptionLoaders } from './practice-adoption.loaders';
import { PracticeAdoptionRepository, type AdoptionFields, type PracticeAdoptionRow } from './practice-adoption.repository';

export interface AdoptionChange {
  /** The adoption recorded or changed; null once removed. */
  adoption: PracticeAdoptionRow | null;
  practice: PracticeRow;
}

/**
 * "Adopted in": where a published practice was taken up, recorded by anyone
 * signed in who reads it, and corrected or removed by whoever recorded it or
 * the practice's reviewers. Each change is an edit of the practice for the
 * outbox, in its transaction.
 */
@Injectable()
export class PracticeAdoptionService {
  constructor(
    private readonly adoptions: PracticeAdoptionRepository,
    private readonly adoptionLoaders: PracticeAdoptionLoaders,
    private readonly access: PracticeAccess,
    private readonly loaders: PracticeLoaders,
    private readonly territories: TerritoryLoaders,
    private readonly projects: ProjectLoaders,
    private readonly outbox: Outbox,
  ) {}

  async record(input: RecordAdoptionInput, context: RequestContext): Promise<Outcome<AdoptionChange>> {
    const viewer = await context.requireViewer();
    const { practice, principals } = await this.access.readable(context, input.practiceId, ['input', 'practiceId']);
    if (practice.status === PracticeStatus.PUBLISHED && !canRecordAdoption(principals, practice)) {
      throw new ForbiddenError('Sign in with an account in good standing to record an adoption.');
    }
    const notes = input.notes.trim();
    const organizationName = input.organizationName?.trim() || null;
    const errors = [...(await validateInput(RecordAdoptionInput, { ...input, notes, organizationName })), ...notAhead(input.adoptedOn)];
    const fields: Required<AdoptionFields> = {
      territoryId: await this.territoryId(input.territoryId, context),
      projectId: input.projectId == null ? null : await this.projectId(input.projectId, context),
      organizationName,
      adoptedOn: input.adoptedOn,
      notes,
      outcome: input.outcome,
    };
    if (errors.length > 0) return refuse(...errors);
    if (practice.status !== PracticeStatus.PUBLISHED) return refuse(notPublished());

    const id = await this.adoptions.transaction(async (manager) => {
      const created = await this.adoptions.insert(manager, practice.id, viewer.userId, fields);
      if (created) await this.outbox.record(manager, { kind: 'Practice', subjectId: practice.id, change: OutboxChange.EDITED });
      return created;
    });
    // Archived meanwhile: the count's conditional UPDATE found it so.
    if (!id) return refuse(notPublished());
    return this.after(id, practice.id, context);
  }

  async update(input: UpdateAdoptionInput, context: RequestContext): Promise<Outcome<AdoptionChange>> {
    await context.requireViewer();
    const { adoption, found } = await this.target(input.adoptionId, context);
    const fields: AdoptionFields = {};
    if (input.notes != null) fields.notes = input.notes.trim();
    if (input.organizationName !== undefined) fields.organizationName = input.organizationName?.trim() || null;
    if (input.outcome != null) fields.outcome = input.outcome;
    if (input.adoptedOn != null) fields.adoptedOn = input.adoptedOn;
    const errors = [...(await validateInput(UpdateAdoptionInput, { ...input, ...fields })), ...(fields.adoptedOn ? notAhead(fields.adoptedOn) : [])];
    if (input.territoryId != null) fields.territoryId = await this.territoryId(input.territoryId, context);
    if (input.projectId !== undefined) fields.projectId = input.projectId === null ? null : await this.projectId(input.projectId, context);
    if (Object.keys(fields).length === 0) errors.push(UserError.of(UserErrorCode.REQUIRED, 'Change at least one field.', ['input']));
    if (errors.length > 0) return refuse(...errors);

    const written = await this.adoptions.transaction(async (manager) => {
      if (!(await this.adoptions.update(manager, adoption.id, fields))) return false;
      await this.outbox.record(manager, { kind: 'Practice', subjectId: found.practice.id, change: OutboxChange.EDITED });
      return true;
    });
    if (!written) throw new NotFoundError('PracticeAdoption', input.adoptionId);
    return this.after(adoption.id, found.practice.id, context);
  }

  async remove(input: RemoveAdoptionInput, context: RequestContext): Promise<Outcome<AdoptionChange>> {
    await context.requireViewer();
    const { adoption, found } = await this.target(input.adoptionId, context);
    const removed = await this.adoptions.transaction(async (manager) => {
      if (!(await this.adoptions.delete(manager, adoption.id))) return false;
      await this.outbox.record(manager, { kind: 'Practice', subjectId: found.practice.id, change: OutboxChange.EDITED });
      return true;
    });
    if (!removed) throw new NotFoundError('PracticeAdoption', input.adoptionId);
    return succeed({ adoption: null, practice: await context.loaders.reload(this.loaders.byId, found.practice.id) });
  }

  /** The adoption and its practice, when the viewer reads the practice (else NOT_FOUND) and may change it (else FORBIDDEN). */
  private async target(globalId: string, context: RequestContext): Promise<{ adoption: PracticeAdoptionRow; found: PracticeInContext }> {
    const id = fromGlobalId(globalId, 'PracticeAdoption', ['input', 'adoptionId']);
    const adoption = await context.loaders.get(this.adoptionLoaders.byId).load(id);
    const found = adoption && (await this.access.load(context, adoption.practiceId));
    if (!adoption || !found) throw new NotFoundError('PracticeAdoption', globalId);
    if (!canChangeAdoption(found.principals, found.practice, adoption)) {
      throw new ForbiddenError('Only whoever recorded an adoption, and the practice’s reviewers, change it.');
    }
    return { adoption, found };
  }

  private async after(adoptionId: string, practiceId: string, context: RequestContext): Promise<Outcome<AdoptionChange>> {
    return succeed({
      adoption: await context.loaders.reload(this.adoptionLoaders.byId, adoptionId),
      practice: await context.loaders.reload(this.loaders.byId, practiceId),
    });
  }

  private async territoryId(globalId: string, context: RequestContext): Promise<string> {
    const id = fromGlobalId(globalId, 'Territory', ['input', 'territoryId']);
    if (!(await context.loaders.get(this.territories.byId).load(id))) throw new NotFoundError('Territory', globalId);
    return id;
  }

  private async projectId(globalId: string, context: RequestContext): Promise<string> {
    const id = fromGlobalId(globalId, 'Project', ['input', 'projectId']);
    if (!(await context.loaders.get(this.projects.byId).load(id))) throw new NotFoundError('Project', globalId);
    return id;
  }
}

/** An adoption is recorded once it began (Rome's calendar is a day ahead of UTC at most). */
function notAhead(adoptedOn: string): UserError[] {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return adoptedOn > tomorrow ? [UserError.of(UserErrorCode.OUT_OF_RANGE, 'An adoption is recorded once it has begun.', ['input', 'adoptedOn'])] : [];
}

function notPublished(): UserError {
  return UserError.of(UserErrorCode.INVALID_STATE, 'Adoptions are recorded for published practices.', ['input', 'practiceId']);
}
