/** What one save came to. */
export type SaveResult =
  | { kind: 'saved'; version: number; at: string }
  /** Someone saved another version meanwhile: nothing was written. */
  | { kind: 'conflict' }
  /** The API refused the values (its user errors are the caller's to show). */
  | { kind: 'refused' }
  /** No answer, or a refusal that is not about the values. */
  | { kind: 'failed' };

export type AutosaveStatus =
  | { kind: 'idle'; at: string | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'refused' }
  | { kind: 'failed' }
  | { kind: 'conflict' };

export interface AutosaveOptions<P extends object> {
  /** The version the editor started from; each save names it, and moves it on. */
  version: number;
  /** When the practice was last saved, for the status line before any change. */
  savedAt?: string | null;
  /** How long typing must pause before a save. */
  delayMs?: number;
  save(patch: Partial<P>, version: number): Promise<SaveResult>;
  onStatus(status: AutosaveStatus): void;
  /** Every change not yet saved, whenever it changes (empty once all is saved): keep it somewhere safe. */
  onUnsaved?(unsaved: Partial<P>, version: number): void;
}

export const AUTOSAVE_DELAY_MS = 2000;

/**
 * Saves changes once typing pauses (or at once with {@link flush}, on blur or leaving), one save at
 * a time, each naming the version it started from. Changes made while a save runs wait for the next
 * one; a refused or failed save keeps its changes for the next try; a conflict keeps them and stops
 * until {@link resume} is given the version they should now apply to.
 */
export class Autosaver<P extends object> {
  private pending: Partial<P> = {};
  private inFlight: Partial<P> = {};
  private version: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<boolean> | null = null;
  private conflicted = false;
  private status: AutosaveStatus;

  constructor(private readonly options: AutosaveOptions<P>) {
    this.version = options.version;
    this.status = { kind: 'idle', at: options.savedAt ?? null };
  }

  get currentVersion(): number {
    return this.version;
  }

  get currentStatus(): AutosaveStatus {
    return this.status;
  }

  /** Everything changed and not yet saved (what is being saved included). */
  get unsaved(): Partial<P> {
    return { ...this.inFlight, ...this.pending };
  }

  get hasUnsaved(): boolean {
    return Object.keys(this.unsaved).length > 0;
  }

  /** Records a change; it is saved once nothing else changes for the delay. */
  change(patch: Partial<P>): void {
    Object.assign(this.pending, patch);
    this.keep();
    if (this.conflicted) return;
    if (!this.running) this.setStatus({ kind: 'pending' });
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs ?? AUTOSAVE_DELAY_MS);
  }

  /** Saves what is waiting now, after the save under way if there is one; resolves when done. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (!this.conflicted) {
      if (this.running) {
        if (!(await this.running)) return;
        continue;
      }
      if (Object.keys(this.pending).length === 0) return;
      this.running = this.saveOnce();
      const saved = await this.running;
      this.running = null;
      if (!saved) return;
    }
  }

  /** After a conflict: the changes kept now apply to `version` (the one just reloaded); saving resumes. */
  resume(version: number): Promise<void> {
    this.version = version;
    this.conflicted = false;
    this.keep();
    return this.flush();
  }

  /** Forgets the changes not yet saved (the reader chose the version saved elsewhere). */
  discard(version: number): void {
    this.clearTimer();
    this.pending = {};
    this.version = version;
    this.conflicted = false;
    this.keep();
    this.setStatus({ kind: 'idle', at: null });
  }

  /** Starts in conflict: changes kept from an earlier visit were made on another version. */
  conflictWith(unsaved: Partial<P>): void {
    this.pending = { ...unsaved };
    this.conflicted = true;
    this.setStatus({ kind: 'conflict' });
  }

  dispose(): void {
    this.clearTimer();
  }

  private async saveOnce(): Promise<boolean> {
    const patch = this.pending;
    this.pending = {};
    this.inFlight = patch;
    this.setStatus({ kind: 'saving' });
    let result: SaveResult;
    try {
      result = await this.options.save(patch, this.version);
    } catch {
      result = { kind: 'failed' };
    }
    this.inFlight = {};
    if (result.kind === 'saved') {
      this.version = result.version;
      this.keep();
      this.setStatus(Object.keys(this.pending).length > 0 ? { kind: 'pending' } : { kind: 'saved', at: result.at });
      return true;
    }
    // Nothing was written: what was sent waits again, under anything typed since.
    this.pending = { ...patch, ...this.pending };
    this.keep();
    if (result.kind === 'conflict') this.conflicted = true;
    this.setStatus({ kind: result.kind });
    return false;
  }

  private keep(): void {
    this.options.onUnsaved?.(this.unsaved, this.version);
  }

  private setStatus(status: AutosaveStatus): void {
    this.status = status;
    this.options.onStatus(status);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
