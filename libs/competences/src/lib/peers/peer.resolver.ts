import { Args, Context, Info, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AccessDirectory, paginate, type ConnectionValue, type RequestContext, type SortKey } from '@bottega/core';
import { Practice, PracticeAccess } from '@bottega/practices';
import { ProfileAccess } from '../profiles/profile.access';
import { CompetenceProfile } from '../profiles/profile.model';
import { Skill } from '../skills/skill.model';
import { SuggestPeersArgs } from './dto/peer.inputs';
import { PeerSuggestion, PeerSuggestionConnection } from './peer.model';
import { PeerRepository, type PeerRow } from './peer.repository';
import { PeerService } from './peer.service';

/** Best first; among equals, by id, so that pages never overlap. */
const RANKING: SortKey<PeerRow>[] = [
  { expression: 'peerSuggestion.score', column: 'ranked.score', direction: 'DESC', value: (row) => row.score },
  { expression: 'peerSuggestion.userId', column: 'ranked.user_id', direction: 'ASC', value: (row) => row.userId },
];

@Resolver(() => PeerSuggestion)
export class PeerResolver {
  constructor(
    private readonly service: PeerService,
    private readonly repository: PeerRepository,
    private readonly directory: AccessDirectory,
    private readonly profiles: ProfileAccess,
    private readonly practices: PracticeAccess,
  ) {}

  @Query(() => PeerSuggestionConnection, {
    description:
      'People who could help with a need, best first, each with why: available people whose profile the viewer may see (the viewer aside), ' +
      'ranked by their level in the skills of the need, the endorsements of those competences, their published practices on those themes, ' +
      'and their territory (the need’s, or others when `preferOtherTerritories`).',
  })
  async suggestPeers(
    @Args() args: SuggestPeersArgs,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<PeerSuggestion>> {
    const need = await this.service.need(args.need, context);
    const ranked = this.repository.rank(await this.directory.of(context), need);
    const page = await paginate(ranked, RANKING, args, (row) => Object.assign(new PeerSuggestion(), { row }), info);
    const rows = page.nodes.map((suggestion) => suggestion.row);
    const [skills, profiles] = await Promise.all([
      this.service.skillsOf(rows, context),
      Promise.all(rows.map((row) => this.profiles.load(context, row.userId))),
    ]);
    page.nodes.forEach((suggestion, index) => {
      const { row } = suggestion;
      const profile = profiles[index];
      Object.assign(suggestion, {
        // Seen by the ranking's own audience condition an instant before; null only if it was hidden since.
        profile: profile ? CompetenceProfile.from(profile) : null,
        score: row.score,
        matchedSkills: row.matched.flatMap((matched) => {
          const skill = skills.get(matched.skillId);
          return skill ? [{ skill: Skill.from(skill), level: matched.level, endorsementCount: matched.endorsements }] : [];
        }),
        endorsementCount: row.endorsementCount,
        evidenceCount: row.evidenceCount,
        territoryMatch: row.territoryMatch,
        reasons: this.service.reasons(row, skills, need),
      });
    });
    const edges = page.edges.filter((edge) => edge.node.profile);
    return { ...page, edges, nodes: edges.map((edge) => edge.node) };
  }

  @ResolveField(() => [Practice], {
    description: 'The newest few of those practices (see `evidenceCount`), as the viewer may read them.',
  })
  async evidence(suggestion: PeerSuggestion, _args: unknown, context: RequestContext): Promise<Practice[]> {
    const found = await Promise.all(suggestion.row.evidenceIds.map((id) => this.practices.load(context, id)));
    return found.flatMap((item) => (item ? [Practice.from(item.practice)] : []));
  }
}
