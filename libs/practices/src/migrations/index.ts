import { Practices1764000002000 } from './1764000002000-practices';
import { PracticeMedia1764000002100 } from './1764000002100-practice-media';
import { PracticeAdoptions1764000002200 } from './1764000002200-practice-adoptions';
import { PracticeBookmarks1764000002300 } from './1764000002300-practice-bookmarks';
import { PracticeFollowsAndNotices1764000002400 } from './1764000002400-practice-follows-and-notices';
import { PracticeOrganizations1764000002500 } from './1764000002500-practice-organizations';
import { PracticeThreadLinks1764000002510 } from './1764000002510-practice-thread-links';
import { PracticeWords1764000002520 } from './1764000002520-practice-words';
import { PracticeComments1764000002600 } from './1764000002600-practice-comments';
import { AuthorshipChangeTriggers1764000003430 } from './1764000003430-authorship-change-triggers';
import { PracticeCommentLanguage1764000006610 } from './1764000006610-practice-comment-language';

export { Practices1764000002000, PracticeMedia1764000002100, PracticeAdoptions1764000002200, PracticeBookmarks1764000002300, PracticeFollowsAndNotices1764000002400, PracticeComments1764000002600 };
export { PracticeOrganizations1764000002500, PracticeThreadLinks1764000002510, PracticeWords1764000002520 };

/** The practices library's migrations, in the order they apply. */
export const PRACTICES_MIGRATIONS = [
  Practices1764000002000,
  PracticeMedia1764000002100,
  PracticeAdoptions1764000002200,
  PracticeBookmarks1764000002300,
  PracticeFollowsAndNotices1764000002400,
  PracticeOrganizations1764000002500,
  PracticeThreadLinks1764000002510,
  PracticeWords1764000002520,
  PracticeComments1764000002600,
  AuthorshipChangeTriggers1764000003430,
  PracticeCommentLanguage1764000006610,
];
