import { Injectable } from '@nestjs/common';
import { BadInputError, NotFoundError, fromGlobalId, type RequestContext } from '@bottega/core';
import { TerritoryLoaders } from '@bottega/territories';
import { Availability, CompetenceLevel } from '../profiles/profile.enums';
import { SkillLoaders } from '../skills/skill.loaders';
import type { SkillRow } from '../skills/skill.repository';
import { SkillService } from '../skills/skill.service';
import { searchPrefix } from '../skills/skill-text';
import { NEED_MAX_SKILLS, NEED_TEXT_MAX_LENGTH, type PeerNeedInput } from './dto/peer.inputs';
import { TerritoryMatch } from './peer.enums';
import { PeerRepository, type PeerRow, type RankedNeed } from './peer.repository';

const LEVEL_WORDS: Record<CompetenceLevel, string> = {
  [CompetenceLevel.AWARE]: 'aware',
  [CompetenceLevel.PRACTITIONER]: 'practitioner',
  [CompetenceLevel.EXPERIENCED]: 'experienced',
  [CompetenceLevel.EXPERT]: 'expert',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Finding a peer: a need read and checked, then explained suggestion by suggestion. */
@Injectable()
export class PeerService {
  constructor(
    private readonly peers: PeerRepository,
    private readonly skills: SkillService,
    private readonly skillLoaders: SkillLoaders,
    private readonly territories: TerritoryLoaders,
  ) {}

  /**
   * The need as ranked: the skills named, and those its words name, as live
   * skills; its territory. Too many skills, words too long, an unknown skill
   * or territory, a preference for other territories without a territory, and
   * a need that names no skill at all are refused, before anything is ranked.
   */
  async need(input: PeerNeedInput, context: RequestContext): Promise<RankedNeed> {
    const skillIds = input.skillIds ?? [];
    const text = (input.text ?? '').trim();
    if (skillIds.length > NEED_MAX_SKILLS) throw new BadInputError(`Name at most ${NEED_MAX_SKILLS} skills.`, ['need', 'skillIds']);
    if (text.length > NEED_TEXT_MAX_LENGTH) throw new BadInputError(`Describe the need in at most ${NEED_TEXT_MAX_LENGTH} characters.`, ['need', 'text']);
    if (input.preferOtherTerritories && !input.territoryId) {
      throw new BadInputError('Give the territory of the need to prefer people from other territories.', ['need', 'territoryId']);
    }
    const named = await Promise.all(skillIds.map((id, index) => this.skills.live(context, id, ['need', 'skillIds', String(index)])));
    let territoryId: string | null = null;
    if (input.territoryId) {
      territoryId = fromGlobalId(input.territoryId, 'Territory', ['need', 'territoryId']);
      if (!(await context.loaders.get(this.territories.byId).load(territoryId))) throw new NotFoundError('Territory', input.territoryId);
    }
    const words = searchPrefix(text);
    const fromText = words ? await this.peers.skillsNamedIn(words) : [];
    const all = [...new Set([...named.map((skill) => skill.id), ...fromText])];
    if (all.length === 0) {
      throw words
        ? new BadInputError(`No skill matches "${text}": try other words (Italian or English), or name skills.`, ['need', 'text'])
        : new BadInputError('Describe the need in words, or name the skills it asks for.', ['need']);
    }
    const viewer = await context.viewer();
    return { skillIds: all, territoryId, preferOtherTerritories: input.preferOtherTerritories, viewerId: viewer?.userId ?? null };
  }

  /** The skills of a page of suggestions (one statement for the page). */
  async skillsOf(rows: PeerRow[], context: RequestContext): Promise<Map<string, SkillRow>> {
    const ids = [...new Set(rows.flatMap((row) => row.matched.map((m) => m.skillId)))];
    const found = await context.loaders.get(this.skillLoaders.byId).loadMany(ids);
    return new Map(found.flatMap((skill) => (skill && !(skill instanceof Error) ? [[skill.id, skill] as const] : [])));
  }

  /** Why someone is suggested, in words, most significant first. */
  reasons(row: PeerRow, skills: Map<string, SkillRow>, need: RankedNeed): string[] {
    const reasons = row.matched.map((matched) => {
      const label = skills.get(matched.skillId)?.labelEn ?? 'a skill asked for';
      const endorsed = matched.endorsements > 0 ? `, endorsed by ${plural(matched.endorsements, 'person', 'people')}` : '';
      return `${label}: ${LEVEL_WORDS[matched.level]}${endorsed}`;
    });
    if (row.evidenceCount > 0) reasons.push(`${plural(row.evidenceCount, 'published practice', 'published practices')} on these themes`);
    if (row.territoryMatch === TerritoryMatch.SAME) {
      reasons.push(need.preferOtherTerritories ? 'Works in the territory of the need' : 'Works in the territory of the need, or within it');
    } else if (row.territoryMatch === TerritoryMatch.OTHER) {
      reasons.push(need.preferOtherTerritories ? 'Works in another territory, as asked' : 'Works in another territory');
    }
    reasons.push(row.availability === Availability.MENTORING ? 'Offers mentoring' : 'Open to peer exchanges');
    return reasons;
  }
}
