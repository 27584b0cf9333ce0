/**
 * Atomic output. `publish` writes a whole output folder as one set: every file goes into a fresh
 * folder beside it, which then takes the old one's place (two renames; a run killed between them
 * leaves the previous set aside, and the next run puts it back before anything else). Leftovers of
 * killed runs are cleaned up. `writeAtomically` does the same file by file, for a folder that is
 * not ours alone (`npm run geocode --out`).
 */
import { chmodSync, mkdtempSync, writeFileSync, renameSync, rmSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, basename, relative } from 'node:path';

/** Puts back a set a killed run left aside, and removes half-written ones. */
export function recover(outDir: string): void {
  const parent = dirname(outDir);
  const base = basename(outDir);
  if (!existsSync(parent)) return;
  const left = readdirSync(parent).filter((f) => f.startsWith(`.${base}-`));
  const old = left.find((f) => f.startsWith(`.${base}-old-`));
  if (!existsSync(outDir) && old) renameSync(join(parent, old), outDir);
  for (const f of readdirSync(parent).filter((x) => x.startsWith(`.${base}-`)))
    rmSync(join(parent, f), { recursive: true, force: true });
}

export function publish(outDir: string, files: OutFile[]): void {
  recover(outDir);
  const parent = dirname(outDir);
  const base = basename(outDir);
  mkdirSync(parent, { recursive: true });
  const stage = mkdtempSync(join(parent, `.${base}-new-`));
  // mkdtemp makes it private (0700); the published folder is as readable as any other.
  chmodSync(stage, 0o755);
  try {
    for (const f of files) {
      const rel = relative(outDir, f.path);
      if (rel.startsWith('..')) throw new Error(`${f.path} is outside ${outDir}`);
      mkdirSync(dirname(join(stage, rel)), { recursive: true });
      writeFileSync(join(stage, rel), f.content);
    }
  } catch (e) {
    rmSync(stage, { recursive: true, force: true });
    throw e;
  }
  const old = join(parent, `.${base}-old-${process.pid}`);
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(stage, outDir);
  rmSync(old, { recursive: true, force: true });
}

export interface OutFile {
  path: string;
  /** Text, or the bytes of a binary file (the tile archives). */
  content: string | Uint8Array;
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
