import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MIGRATIONS, migrationTimestamp } from './migrations';

const ROOT = join(__dirname, '../../../..');

/** Every migration written in the workspace: the core's and each library's `src/migrations`. */
function migrationFiles(): { file: string; classes: string[] }[] {
  const folders = [
    join(ROOT, 'libs/core/src/database/migrations'),
    ...readdirSync(join(ROOT, 'libs')).map((lib) => join(ROOT, 'libs', lib, 'src/migrations')),
  ];
  return folders.flatMap((folder) => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return [];
    }
    return names
      .filter((name) => name.endsWith('.ts') && name !== 'index.ts' && !name.endsWith('.spec.ts'))
      .map((name) => ({
        file: relative(ROOT, join(folder, name)),
        classes: [...readFileSync(join(folder, name), 'utf8').matchAll(/export class (\w+)/g)].map((match) => match[1]!),
      }));
  });
}

describe("the app's migrations", () => {
  const files = migrationFiles();

  it('include every migration class of the core and of every library, once', () => {
    const written = files.flatMap((file) => file.classes).sort();
    expect(written.length).toBeGreaterThanOrEqual(15);
    expect(MIGRATIONS.map((migration) => migration.name).sort()).toEqual(written);
  });

  it('apply in timestamp order, no two at the same time', () => {
    const timestamps = MIGRATIONS.map(migrationTimestamp);
    expect(timestamps.every((timestamp) => Number.isInteger(timestamp) && timestamp > 1_700_000_000_000)).toBe(true);
    expect(timestamps.every((timestamp, index) => index === 0 || timestamp > timestamps[index - 1]!)).toBe(true);
  });

  it('are one class a file, named after the timestamp that starts its file name', () => {
    for (const { file, classes } of files) {
      const [timestamp] = /^\d{13}(?=-[a-z0-9-]+\.ts$)/.exec(file.split('/').at(-1)!) ?? [];
      expect({ file, classes }).toEqual({ file, classes: [expect.stringMatching(new RegExp(`^[A-Z]\\w*${timestamp}$`))] });
    }
  });
});
