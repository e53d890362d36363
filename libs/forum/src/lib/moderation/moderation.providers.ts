import {
  ModerationCaseCommunityResolver,
  PostModerationResolver,
  RevisionRedactionResolver,
  ThreadModerationResolver,
} from './content-moderation.resolver';
import { ForumContent } from '../content/forum-content';
import { PostingLimits } from './posting-limits';
import { RevisionRedaction } from './revision-redaction.service';

/** The forum's side of moderation, registered by the forum module so its wiring stays one line. */
export const MODERATION_PROVIDERS = [
  ForumContent,
  PostModerationResolver,
  ThreadModerationResolver,
  ModerationCaseCommunityResolver,
  RevisionRedactionResolver,
  PostingLimits,
  RevisionRedaction,
];
