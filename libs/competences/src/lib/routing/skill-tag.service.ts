import { Injectable } from '@nestjs/common';
import { AuditLog, GlobalRole, UserError, UserErrorCode, hasRole, refuse, succeed, validateInput, type Outcome, type RequestContext } from '@bottega/core';
import { SkillLoaders } from '../skills/skill.loaders';
import type { SkillRow } from '../skills/skill.repository';
import { SkillService } from '../skills/skill.service';
import { SetSkillTagsInput } from './dto/skill-tag.inputs';
import { SkillTagLoaders } from './skill-tag.loaders';
import { SkillTagRepository } from './skill-tag.repository';

const ADMIN = hasRole(GlobalRole.ADMIN);

/** Which forum tags each skill stands for, as admins keep it; audited. */
@Injectable()
export class SkillTagService {
  constructor(
    private readonly tags: SkillTagRepository,
    private readonly loaders: SkillTagLoaders,
    private readonly skills: SkillService,
    private readonly skillLoaders: SkillLoaders,
    private readonly audit: AuditLog,
  ) {}

  async set(input: SetSkillTagsInput, context: RequestContext): Promise<Outcome<SkillRow>> {
    const admin = await context.authorize(ADMIN);
    const skill = await this.skills.live(context, input.skillId, ['input', 'skillId']);
    const slugs = [...new Set(input.tags.map((tag) => tag.trim()))];
    const errors = await validateInput(SetSkillTagsInput, { ...input, tags: slugs });
    if (errors.length > 0) return refuse(...errors);

    const before = await context.loaders.get(this.loaders.bySkillId).load(skill.id);
    const done = await this.tags.transaction(async (manager) => {
      if (!(await this.tags.replace(manager, skill.id, slugs))) return false;
      await this.audit.record(manager, {
        actorId: admin.userId,
        action: 'SET_SKILL_TAGS',
        subject: { type: 'Skill', id: skill.id },
        metadata: { before, after: [...slugs].sort() },
      });
      return true;
    });
    if (!done) {
      return refuse(UserError.of(UserErrorCode.CONFLICT, 'The skill was merged into another meanwhile; reload the taxonomy and try again.', ['input', 'skillId']));
    }
    context.loaders.get(this.loaders.bySkillId).clear(skill.id);
    return succeed(await context.loaders.reload(this.skillLoaders.byId, skill.id));
  }
}
