/** A plans folder holding `copies` copies of every plan of data/plans, each a plan of its own (for scale benchmarks). */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function corpusCopies(copies: number, from = 'data/plans'): { dir: string; plans: number; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), `plans-x${copies}-`));
  mkdirSync(dir, { recursive: true });
  const metas = JSON.parse(readFileSync(join(from, 'plans.json'), 'utf8')) as { id: string; file: string }[];
  const out: unknown[] = [];
  let bytes = 0;
  for (let k = 0; k < copies; k++)
    for (const m of metas) {
      const id = k === 0 ? m.id : `${m.id}-copy${k}`;
      const file = `${id}.txt`;
      copyFileSync(join(from, m.file), join(dir, file));
      bytes += readFileSync(join(from, m.file)).length;
      out.push({ ...m, id, file });
    }
  writeFileSync(join(dir, 'plans.json'), JSON.stringify(out));
  return { dir, plans: out.length, bytes };
}
