import { Injectable } from '@nestjs/common';
import { UserError, UserErrorCode, refuse, succeed, type Outcome, type RequestContext } from '@bottega/core';
import { ProfileAccess } from '../profiles/profile.access';
import { ProfileLoaders } from '../profiles/profile.loaders';
import type { CompetenceRow } from '../profiles/profile.repository';
import { SkillService } from '../skills/skill.service';
import { EndorsementInput } from './dto/endorsement.inputs';
import { EndorsementRepository } from './endorsement.repository';

/**
 * Endorsing other people's competences: once per endorser per competence,
 * never one's own, only a competence the person lists, on a profile the
 * endorser may see (another is NOT_FOUND, so a hidden profile is not revealed).
 */
@Injectable()
export class EndorsementService {
  constructor(
    private readonly endorsements: EndorsementRepository,
    private readonly access: ProfileAccess,
    private readonly profiles: ProfileLoaders,
    private readonly skills: SkillService,
  ) {}

  async endorse(input: EndorsementInput, context: RequestContext): Promise<Outcome<CompetenceRow>> {
    const { viewerId, competence } = await this.competence(input, context);
    if (!competence) return refuse(notListed());
    if (viewerId === competence.userId) {
      return refuse(UserError.of(UserErrorCode.INVALID, 'You cannot endorse your own competence.', ['input', 'userId']));
    }
    const added = await this.endorsements.transaction((manager) => this.endorsements.insert(manager, competence, viewerId));
    if (!added) {
      const still = await this.reload(context, competence);
      return refuse(still ? UserError.of(UserErrorCode.TAKEN, 'You already endorse this competence.', ['input', 'skillId']) : notListed());
    }
    return this.now(context, competence);
  }

  async withdraw(input: EndorsementInput, context: RequestContext): Promise<Outcome<CompetenceRow>> {
    const { viewerId, competence } = await this.competence(input, context);
    if (!competence) return refuse(notListed());
    const removed = await this.endorsements.transaction((manager) => this.endorsements.delete(manager, competence, viewerId));
    if (!removed) return refuse(UserError.of(UserErrorCode.INVALID_STATE, 'You do not endorse this competence.', ['input', 'skillId']));
    return this.now(context, competence);
  }

  /** The competence the input names, on a profile the viewer sees; null when the person does not list the skill. */
  private async competence(input: EndorsementInput, context: RequestContext): Promise<{ viewerId: string; competence: CompetenceRow | null }> {
    const viewer = await context.requireViewer();
    const profile = await this.access.visible(context, input.userId, ['input', 'userId']);
    const skill = await this.skills.live(context, input.skillId, ['input', 'skillId']);
    const competences = await context.loaders.get(this.profiles.competencesByUserId).load(profile.userId);
    const competence = competences.find((c) => c.skillId === skill.id);
    return { viewerId: viewer.userId, competence: competence ?? null };
  }

  private async reload(context: RequestContext, key: CompetenceRow): Promise<CompetenceRow | null> {
    const competences = await context.loaders.get(this.profiles.competencesByUserId).clear(key.userId).load(key.userId);
    return competences.find((c) => c.skillId === key.skillId) ?? null;
  }

  private async now(context: RequestContext, key: CompetenceRow): Promise<Outcome<CompetenceRow>> {
    const competence = await this.reload(context, key);
    return competence ? succeed(competence) : refuse(notListed());
  }
}

const notListed = () => UserError.of(UserErrorCode.INVALID, 'This person does not list this skill among their competences.', ['input', 'skillId']);
