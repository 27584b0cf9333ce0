/**
 * Atomic output: every file is written into a fresh temporary folder next to its destination,
 * and only when all of them are written are they renamed into place. A failure before that leaves
 * the previous output untouched.
 */
import { mkdtempSync, writeFileSync, renameSync, rmSync, mkdirSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

export interface OutFile {
  path: string;
  content: string;
}

export function writeAtomically(files: OutFile[]): void {
  const temps = new Map<string, string>();
  try {
    for (const f of files) {
      const dir = dirname(f.path);
      mkdirSync(dir, { recursive: true });
      let tmp = temps.get(dir);
      if (!tmp) {
        tmp = mkdtempSync(join(dir, '.tmp-'));
        temps.set(dir, tmp);
      }
      writeFileSync(join(tmp, basename(f.path)), f.content);
    }
    for (const f of files) renameSync(join(temps.get(dirname(f.path))!, basename(f.path)), f.path);
  } finally {
    for (const tmp of temps.values()) rmSync(tmp, { recursive: true, force: true });
  }
}

/** Stable JSON: two runs give byte-identical files. */
export const json = (value: unknown): string => JSON.stringify(value, null, 1) + '\n';
