export interface AskDraft {
  title: string;
  body: string;
  tags: string;
}

const EMPTY: AskDraft = { title: '', body: '', tags: '' };

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
    };
  } catch {
    return EMPTY;
  }
}

export function saveDraft(communityId: string, draft: AskDraft): void {
  try {
    if (!draft.title && !draft.body && !draft.tags) localStorage.removeItem(draftKey(communityId));
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
