import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  GlobalRole,
  NotFoundError,
  Outbox,
  OutboxChange,
  UserError,
  UserErrorCode,
  fromGlobalId,
  hasRole,
  refuse,
  succeed,
  validateInput,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import { CreateSkillInput, MergeSkillsInput, RenameSkillInput } from './dto/skill.inputs';
import { SkillLoaders } from './skill.loaders';
import { SkillRepository, type SkillRow } from './skill.repository';
import { normaliseLabel } from './skill-text';

const ADMIN = hasRole(GlobalRole.ADMIN);

/**
 * The taxonomy as admins keep it: adding, relabelling and merging skills,
 * each with its audit entry. Nothing that points at a skill is lost: a merged
 * skill becomes an alias of the one it went into.
 */
@Injectable()
export class SkillService {
  constructor(
    private readonly skills: SkillRepository,
    private readonly loaders: SkillLoaders,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  /** The live skill a global id names, following a merged skill to the one it became; NOT_FOUND otherwise. */
  async live(context: RequestContext, globalId: string, field: string[]): Promise<SkillRow> {
    const byId = context.loaders.get(this.loaders.byId);
    let skill = await byId.load(fromGlobalId(globalId, 'Skill', field));
    if (skill?.mergedInto) skill = await byId.load(skill.mergedInto);
    if (!skill) throw new NotFoundError('Skill', globalId);
    return skill;
  }

  async create(input: CreateSkillInput, context: RequestContext): Promise<Outcome<SkillRow>> {
    const admin = await context.authorize(ADMIN);
    const area = await this.skills.areaByKey(input.area.trim());
    if (!area) throw new NotFoundError('Skill area', input.area);
    const given = { ...input, key: input.key.trim(), labelIt: normaliseLabel(input.labelIt), labelEn: normaliseLabel(input.labelEn) };
    const errors = await validateInput(CreateSkillInput, given);
    if (errors.length > 0) return refuse(...errors);

    const id = await this.skills.transaction(async (manager) => {
      const created = await this.skills.insert(manager, { areaId: area.id, key: given.key, labelIt: given.labelIt, labelEn: given.labelEn });
      if (created) {
        await this.audit.record(manager, {
          actorId: admin.userId,
          action: 'CREATE_SKILL',
          subject: { type: 'Skill', id: created },
          metadata: { area: area.key, key: given.key },
        });
      }
      return created;
    });
    if (!id) return refuse(UserError.of(UserErrorCode.TAKEN, `A skill already has the key "${given.key}".`, ['input', 'key']));
    return succeed(await context.loaders.reload(this.loaders.byId, id));
  }

  async rename(input: RenameSkillInput, context: RequestContext): Promise<Outcome<SkillRow>> {
    const admin = await context.authorize(ADMIN);
    const skill = await this.live(context, input.skillId, ['input', 'skillId']);
    const labelIt = input.labelIt == null ? null : normaliseLabel(input.labelIt);
    const labelEn = input.labelEn == null ? null : normaliseLabel(input.labelEn);
    const errors = await validateInput(RenameSkillInput, { ...input, labelIt, labelEn });
    if (labelIt === null && labelEn === null) errors.push(UserError.of(UserErrorCode.REQUIRED, 'Give a new label in at least one language.', ['input']));
    if (errors.length > 0) return refuse(...errors);

    const renamed = await this.skills.transaction(async (manager) => {
      if (!(await this.skills.rename(manager, skill.id, { labelIt, labelEn }))) return false;
      // Profiles are found by their skills' labels: every one that has it changes for search.
      await this.outbox.recordAll(manager, { kind: 'CompetenceProfile', subjectIds: await this.skills.holders(manager, skill.id), change: OutboxChange.EDITED });
      await this.audit.record(manager, {
        actorId: admin.userId,
        action: 'RENAME_SKILL',
        subject: { type: 'Skill', id: skill.id },
        metadata: { before: { labelIt: skill.labelIt, labelEn: skill.labelEn }, after: { labelIt, labelEn } },
      });
      return true;
    });
    if (!renamed) return refuse(mergedMeanwhile(['input', 'skillId']));
    return succeed(await context.loaders.reload(this.loaders.byId, skill.id));
  }

  /**
   * Merges `from` into `into` in one transaction, both skills locked: every
   * competence and endorsement of `from` moves to `into` (see
   * `SkillRepository.merge`), `from` stays as an alias, and the audit log
   * records it. Returns the skill that stays.
   */
  async merge(input: MergeSkillsInput, context: RequestContext): Promise<Outcome<SkillRow>> {
    const admin = await context.authorize(ADMIN);
    const from = await this.live(context, input.from, ['input', 'from']);
    const into = await this.live(context, input.into, ['input', 'into']);
    if (from.id === into.id) return refuse(UserError.of(UserErrorCode.INVALID, 'A skill cannot be merged into itself.', ['input', 'into']));

    const merged = await this.skills.transaction(async (manager) => {
      if ((await this.skills.lockLive(manager, [from.id, into.id])).length !== 2) return false;
      const counts = await this.skills.merge(manager, from.id, into.id);
      await this.outbox.recordAll(manager, { kind: 'CompetenceProfile', subjectIds: await this.skills.holders(manager, into.id), change: OutboxChange.EDITED });
      await this.audit.record(manager, {
        actorId: admin.userId,
        action: 'MERGE_SKILL',
        subject: { type: 'Skill', id: from.id },
        metadata: { into: into.id, fromKey: from.key, intoKey: into.key, ...counts },
      });
      return true;
    });
    if (!merged) return refuse(mergedMeanwhile(['input']));
    context.loaders.get(this.loaders.byId).clear(from.id);
    return succeed(await context.loaders.reload(this.loaders.byId, into.id));
  }
}

const mergedMeanwhile = (field: string[]) =>
  UserError.of(UserErrorCode.CONFLICT, 'The skill was merged into another meanwhile; reload the taxonomy and try again.', field);
