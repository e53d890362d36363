import { Competences1764000003000 } from './1764000003000-competences';
import { PeersAndQuestionRouting1764000003300 } from './1764000003300-peers-and-question-routing';
import { ProfileBasicsAndEvidence1764000003100 } from './1764000003100-profile-basics-and-evidence';

export { Competences1764000003000, ProfileBasicsAndEvidence1764000003100, PeersAndQuestionRouting1764000003300 };

/** The competences library's migrations, in the order they apply. */
export const COMPETENCES_MIGRATIONS = [Competences1764000003000, ProfileBasicsAndEvidence1764000003100, PeersAndQuestionRouting1764000003300];
