export { ForumModule } from './lib/forum.module';
export type { ForumOptions } from './lib/forum.options';
export { DEMO_COMMUNITIES, DEMO_THREADS, seedDemoForum } from './seed/demo-forum';
export type { DemoCommunity, DemoThread } from './seed/demo-forum.content';
export {
  COMMUNITY_AUDIENCE,
  COMMUNITY_MODERATORS,
  COMMUNITY_PRINCIPALS,
  COORDINATOR,
  INVITED,
  MEMBER,
  communityFacts,
  moderatorsOf,
  ofCommunity,
  type CommunityFacts,
} from './lib/communities/community.audience';
export { CommunityVisibility, CommunityRole } from './lib/communities/community.enums';
export { Community } from './lib/communities/community.model';
export { CommunityLoaders } from './lib/communities/community.loaders';
export { communityColumns } from './lib/communities/community.repository';
export { Thread } from './lib/threads/thread.model';
export { CompanionThreads, type CompanionThread } from './lib/threads/companion-threads';
export { openQuestionSql } from './lib/threads/open-questions';
export { ForumActivityModule, ForumActivityContributor } from './lib/forum-activity';
