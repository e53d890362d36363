import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type AutosaveStatus, type SaveResult } from './autosave';

interface Patch {
  title: string;
  need: string;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

function setup(answers: (() => Promise<SaveResult>)[] = []) {
  const saves: { patch: Partial<Patch>; version: number }[] = [];
  const statuses: AutosaveStatus['kind'][] = [];
  const kept: Partial<Patch>[] = [];
  let version = 3;
  const saver = new Autosaver<Patch>({
    version,
    save: (patch, from) => {
      saves.push({ patch, version: from });
      const answer = answers.shift();
      if (answer) return answer();
      version = from + 1;
      return Promise.resolve({ kind: 'saved', version, at: '2026-12-03T09:42:00.000Z' });
    },
    onStatus: (status) => statuses.push(status.kind),
    onUnsaved: (unsaved) => kept.push(unsaved),
  });
  return { saver, saves, statuses, kept };
}

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once typing pauses for two seconds, with every change since and the version it started from', async () => {
    const { saver, saves, statuses } = setup();
    saver.change({ title: 'Orti' });
    await vi.advanceTimersByTimeAsync(1500);
    saver.change({ title: 'Orti condivisi' });
    saver.change({ need: 'Solitudine' });
    await vi.advanceTimersByTimeAsync(1999);
    expect(saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toEqual([{ patch: { title: 'Orti condivisi', need: 'Solitudine' }, version: 3 }]);
    expect(statuses).toEqual(['pending', 'pending', 'pending', 'saving', 'saved']);
    expect(saver.currentVersion).toBe(4);
    expect(saver.hasUnsaved).toBe(false);
  });

  it('saves at once on flush (blur, leaving) and not again when the timer would have fired', async () => {
    const { saver, saves } = setup();
    saver.change({ need: 'Anziani soli' });
    await saver.flush();
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toHaveLength(1);
  });

  it('sends changes typed during a save in the next one, naming the version the first one made', async () => {
    const first = deferred<SaveResult>();
    const { saver, saves } = setup([() => first.promise]);
    saver.change({ title: 'Primo' });
    const flushing = saver.flush();
    saver.change({ need: 'Scritto mentre salvava' });
    expect(saver.unsaved).toEqual({ title: 'Primo', need: 'Scritto mentre salvava' });
    first.resolve({ kind: 'saved', version: 4, at: '2026-12-03T09:42:00.000Z' });
    await flushing;
    expect(saves).toEqual([
      { patch: { title: 'Primo' }, version: 3 },
      { patch: { need: 'Scritto mentre salvava' }, version: 4 },
    ]);
  });

  it('keeps the changes of a failed save, says so, and sends them with the next change', async () => {
    const { saver, saves, statuses, kept } = setup([() => Promise.resolve({ kind: 'failed' })]);
    saver.change({ need: 'Testo' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(statuses.at(-1)).toBe('failed');
    expect(kept.at(-1)).toEqual({ need: 'Testo' });
    saver.change({ title: 'Titolo' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves.at(-1)).toEqual({ patch: { need: 'Testo', title: 'Titolo' }, version: 3 });
    expect(statuses.at(-1)).toBe('saved');
    expect(kept.at(-1)).toEqual({});
  });

  it('treats a thrown error as a failed save', async () => {
    const { saver, statuses } = setup([() => Promise.reject(new Error('offline'))]);
    saver.change({ need: 'Testo' });
    await saver.flush();
    expect(statuses.at(-1)).toBe('failed');
    expect(saver.unsaved).toEqual({ need: 'Testo' });
  });

  it('stops on a conflict, keeps the text, and saves it over the reloaded version on resume', async () => {
    const { saver, saves, statuses } = setup([() => Promise.resolve({ kind: 'conflict' })]);
    saver.change({ need: 'Il mio testo' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(statuses.at(-1)).toBe('conflict');
    saver.change({ title: 'Ancora' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(saves).toHaveLength(1);
    expect(saver.unsaved).toEqual({ need: 'Il mio testo', title: 'Ancora' });
    await saver.resume(7);
    expect(saves.at(-1)).toEqual({ patch: { need: 'Il mio testo', title: 'Ancora' }, version: 7 });
    expect(statuses.at(-1)).toBe('saved');
  });

  it('starts in conflict with changes kept from another version, and can forget them', async () => {
    const { saver, saves, statuses, kept } = setup();
    saver.conflictWith({ need: 'Da una visita precedente' });
    expect(statuses).toEqual(['conflict']);
    saver.discard(9);
    expect(saver.hasUnsaved).toBe(false);
    expect(kept.at(-1)).toEqual({});
    await saver.flush();
    expect(saves).toEqual([]);
    expect(saver.currentVersion).toBe(9);
  });
});
