import type { PickedTerritory } from '../../ui/territory-picker';

export interface AskDraft {
  title: string;
  body: string;
  tags: string;
  territories: PickedTerritory[];
}

const EMPTY: AskDraft = { title: '', body: '', tags: '', territories: [] };

function isTerritory(value: unknown): value is PickedTerritory {
  const candidate = value as Partial<PickedTerritory> | null;
  return typeof candidate?.id === 'string' && typeof candidate.code === 'string' && typeof candidate.name === 'string';
}

/** Where a question being written waits, per community, until it is posted (survives reloads and failures). */
export function draftKey(communityId: string): string {
  return `bottega.ask.${communityId}`;
}

export function loadDraft(communityId: string): AskDraft {
  try {
    const saved = JSON.parse(localStorage.getItem(draftKey(communityId)) ?? 'null') as Partial<AskDraft> | null;
    if (!saved) return EMPTY;
    return {
      title: typeof saved.title === 'string' ? saved.title : '',
      body: typeof saved.body === 'string' ? saved.body : '',
      tags: typeof saved.tags === 'string' ? saved.tags : '',
      territories: Array.isArray(saved.territories) ? saved.territories.filter(isTerritory) : [],
    };
  } catch {
    return EMPTY;
  }
}

export function saveDraft(communityId: string, draft: AskDraft): void {
  try {
    if (!draft.title && !draft.body && !draft.tags && draft.territories.length === 0) localStorage.removeItem(draftKey(communityId));
    else localStorage.setItem(draftKey(communityId), JSON.stringify(draft));
  } catch {
    // Storage full or refused (private mode): the form still holds the text.
  }
}

export function clearDraft(communityId: string): void {
  try {
    localStorage.removeItem(draftKey(communityId));
  } catch {
    // Nothing to clear.
  }
}

/** "Casa, anziani" → ["Casa", "anziani"]: the API makes them into slugs. */
export function tagsOf(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];
}
