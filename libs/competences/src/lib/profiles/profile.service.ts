import { Injectable } from '@nestjs/common';
import { Outbox, OutboxChange, UserError, UserErrorCode, refuse, succeed, type Outcome, type RequestContext } from '@bottega/core';
import { SkillService } from '../skills/skill.service';
import { SetAvailabilityInput, SetCompetencesInput, SetProfileVisibilityInput } from './dto/profile.inputs';
import { ProfileRepository, type CompetenceValues, type ProfileRow } from './profile.repository';
import { ProfileAccess } from './profile.access';
import { CompetenceEvidence } from './competence-evidence';

export const MAX_COMPETENCES = 30;
export const EVIDENCE_MAX_LENGTH = 1000;

/** A person's own competence profile: only its owner writes it, and the profile is made on their first write. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly profiles: ProfileRepository,
    private readonly access: ProfileAccess,
    private readonly skills: SkillService,
    private readonly evidence: CompetenceEvidence,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Replaces the viewer's competences with the list given, at once: a skill
   * named twice, a note too long, or evidence that is not the viewer's own
   * (or is more than 10 items) refuses the whole list; a competence kept keeps
   * its endorsements, one left out loses them.
   */
  async setCompetences(input: SetCompetencesInput, context: RequestContext): Promise<Outcome<ProfileRow>> {
    const viewer = await context.requireViewer();
    if (input.competences.length > MAX_COMPETENCES) {
      return refuse(UserError.of(UserErrorCode.TOO_LONG, `List at most ${MAX_COMPETENCES} competences.`, ['input', 'competences']));
    }
    const errors: UserError[] = [];
    const competences: CompetenceValues[] = [];
    const seen = new Set<string>();
    for (const [index, given] of input.competences.entries()) {
      const field = ['input', 'competences', String(index)];
      const skill = await this.skills.live(context, given.skillId, [...field, 'skillId']);
      const evidence = (given.evidenceNote ?? '').trim();
      if (seen.has(skill.id)) errors.push(UserError.of(UserErrorCode.INVALID, 'Each skill is listed once.', [...field, 'skillId']));
      if (evidence.length > EVIDENCE_MAX_LENGTH) {
        errors.push(UserError.of(UserErrorCode.TOO_LONG, `An evidence note has at most ${EVIDENCE_MAX_LENGTH} characters.`, [...field, 'evidenceNote']));
      }
      const evidenceItems = await this.evidence.owned(context, viewer.userId, given.evidenceIds ?? [], [...field, 'evidenceIds'], errors);
      seen.add(skill.id);
      competences.push({ skillId: skill.id, level: given.level, evidence, evidenceItems });
    }
    if (errors.length > 0) return refuse(...errors);

    const written = await this.profiles.transaction(async (manager) => {
      await this.profiles.lockOrCreate(manager, viewer.userId);
      if ((await this.profiles.mergedAmong(manager, [...seen])).length > 0) return false;
      await this.profiles.replaceCompetences(manager, viewer.userId, competences);
      await this.outbox.record(manager, { kind: 'CompetenceProfile', subjectId: viewer.userId, change: OutboxChange.EDITED });
      return true;
    });
    if (!written) {
      return refuse(UserError.of(UserErrorCode.CONFLICT, 'A skill you chose was merged into another meanwhile; choose again.', ['input', 'competences']));
    }
    return this.own(context, viewer.userId);
  }

  async setVisibility(input: SetProfileVisibilityInput, context: RequestContext): Promise<Outcome<ProfileRow>> {
    const viewer = await context.requireViewer();
    await this.profiles.transaction(async (manager) => {
      await this.profiles.lockOrCreate(manager, viewer.userId, { visibility: input.visibility });
      await this.outbox.record(manager, { kind: 'CompetenceProfile', subjectId: viewer.userId, change: OutboxChange.VISIBILITY_CHANGED });
    });
    return this.own(context, viewer.userId);
  }

  async setAvailability(input: SetAvailabilityInput, context: RequestContext): Promise<Outcome<ProfileRow>> {
    const viewer = await context.requireViewer();
    await this.profiles.transaction(async (manager) => {
      await this.profiles.lockOrCreate(manager, viewer.userId, { availability: input.availability });
      await this.outbox.record(manager, { kind: 'CompetenceProfile', subjectId: viewer.userId, change: OutboxChange.EDITED });
    });
    return this.own(context, viewer.userId);
  }

  /** The owner's profile as just written (its owner always sees it). */
  private async own(context: RequestContext, userId: string): Promise<Outcome<ProfileRow>> {
    const profile = await this.access.reload(context, userId);
    if (!profile) throw new Error(`The profile of ${userId} is not visible to its owner`);
    return succeed(profile);
  }
}
