import { Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { NodeRegistry } from '@bottega/core';
import { TerritoriesModule } from '@bottega/territories';
import { EndorsementLoaders } from './endorsements/endorsement.loaders';
import { EndorsementRepository } from './endorsements/endorsement.repository';
import { EndorsementResolver } from './endorsements/endorsement.resolver';
import { EndorsementService } from './endorsements/endorsement.service';
import { EndorserResolver } from './endorsements/endorser.resolver';
import { CompetenceEvidence } from './profiles/competence-evidence';
import { CompetenceResolver } from './profiles/competence.resolver';
import { ProfileBasicsService } from './profiles/profile-basics.service';
import { ProfileContent } from './profiles/profile-content';
import { ProfileAccess } from './profiles/profile.access';
import { ProfileLoaders } from './profiles/profile.loaders';
import { CompetenceProfile } from './profiles/profile.model';
import { ProfileRepository } from './profiles/profile.repository';
import { ProfileResolver } from './profiles/profile.resolver';
import { ProfileService } from './profiles/profile.service';
import { UserProfileResolver } from './profiles/user-profile.resolver';
import { SkillAreaResolver } from './skills/skill-area.resolver';
import { SkillLoaders } from './skills/skill.loaders';
import { Skill } from './skills/skill.model';
import { SkillRepository } from './skills/skill.repository';
import { SkillResolver } from './skills/skill.resolver';
import { SkillService } from './skills/skill.service';
import { NotificationsModule } from '@bottega/notifications';
import { PracticesModule } from '@bottega/practices';
import { PeerRepository } from './peers/peer.repository';
import { PeerResolver } from './peers/peer.resolver';
import { PeerService } from './peers/peer.service';
import { QuestionRouteRepository } from './routing/question-route.repository';
import { QuestionRouteResolver } from './routing/question-route.resolver';
import { QuestionRouter } from './routing/question-router';
import { COMPETENCES_OPTIONS, type CompetencesOptions } from './routing/question-routing.options';
import { SkillTagLoaders } from './routing/skill-tag.loaders';
import { SkillTagRepository } from './routing/skill-tag.repository';
import { SkillTagResolver } from './routing/skill-tag.resolver';
import { SkillTagService } from './routing/skill-tag.service';

/** Competences: the skills taxonomy, people's competence profiles and endorsements. */
@Module({
  imports: [TerritoriesModule, PracticesModule, NotificationsModule],
  providers: [
    SkillRepository,
    SkillLoaders,
    SkillService,
    SkillResolver,
    SkillAreaResolver,
    ProfileRepository,
    ProfileLoaders,
    ProfileAccess,
    ProfileService,
    ProfileBasicsService,
    ProfileContent,
    CompetenceEvidence,
    ProfileResolver,
    CompetenceResolver,
    UserProfileResolver,
    EndorsementRepository,
    EndorsementLoaders,
    EndorsementService,
    EndorsementResolver,
    EndorserResolver,
    PeerRepository,
    PeerService,
    PeerResolver,
    SkillTagRepository,
    SkillTagLoaders,
    SkillTagService,
    SkillTagResolver,
    QuestionRouteRepository,
    QuestionRouter,
    QuestionRouteResolver,
  ],
  exports: [SkillLoaders, ProfileAccess],
})
export class CompetencesModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly skills: SkillLoaders,
    private readonly profiles: ProfileAccess,
    private readonly content: ProfileContent,
  ) {}

  /** Competences with their configuration (the daily quota of routed questions). */
  static forRoot(options: CompetencesOptions): DynamicModule {
    return { module: CompetencesModule, providers: [{ provide: COMPETENCES_OPTIONS, useValue: options }] };
  }

  onModuleInit(): void {
    // Profiles are flagged, hidden and indexed like other content (see profile-content.ts).
    this.content.register();
    // A merged skill's id still resolves: to the skill it went into.
    this.nodes.register('Skill', Skill, async (ids, context) => {
      const byId = context.loaders.get(this.skills.byId);
      const found = await byId.loadMany(ids);
      return Promise.all(
        found.map(async (skill) => {
          if (!skill || skill instanceof Error) return null;
          const live = skill.mergedInto ? await byId.load(skill.mergedInto) : skill;
          return live && Skill.from(live);
        }),
      );
    });
    // A profile is reached through its audience (see profile.audience.ts), by `node` as anywhere else.
    this.nodes.register('CompetenceProfile', CompetenceProfile, (ids, context) =>
      Promise.all(
        ids.map(async (id) => {
          const profile = await this.profiles.load(context, id);
          return profile && CompetenceProfile.from(profile);
        }),
      ),
    );
  }
}
