import type { EditorPatch } from './editor-state';

/** Changes not yet saved, with the version they were made on. */
export interface LocalCopy {
  version: number;
  unsaved: EditorPatch;
}

function keyOf(practiceId: string): string {
  return `bottega.practice-editor.${practiceId}`;
}

/**
 * What the reader typed and the API has not accepted yet, kept on this device until it is saved:
 * a reload, a lost connection or a conflict does not lose it.
 */
export function loadLocalCopy(practiceId: string): LocalCopy | null {
  try {
    const saved = JSON.parse(localStorage.getItem(keyOf(practiceId)) ?? 'null') as Partial<LocalCopy> | null;
    if (!saved || typeof saved.version !== 'number' || typeof saved.unsaved !== 'object' || saved.unsaved === null) return null;
    const unsaved: EditorPatch = {};
    for (const [name, value] of Object.entries(saved.unsaved)) {
      if (typeof value === 'string') (unsaved as Record<string, string>)[name] = value;
      else if (name === 'territories' && Array.isArray(value) && value.every(isTerritory)) unsaved.territories = value as EditorPatch['territories'];
    }
    return Object.keys(unsaved).length > 0 ? { version: saved.version, unsaved } : null;
  } catch {
    return null;
  }
}

export function keepLocalCopy(practiceId: string, copy: LocalCopy): void {
  try {
    if (Object.keys(copy.unsaved).length === 0) localStorage.removeItem(keyOf(practiceId));
    else localStorage.setItem(keyOf(practiceId), JSON.stringify(copy));
  } catch {
    // Storage full or refused (private mode): the form still holds the text.
  }
}

function isTerritory(value: unknown): boolean {
  const territory = value as { id?: unknown; code?: unknown; name?: unknown } | null;
  return typeof territory?.id === 'string' && typeof territory.code === 'string' && typeof territory.name === 'string';
}
