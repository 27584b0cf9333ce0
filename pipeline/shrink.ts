/**
 * A run that would publish much less than what is published now is refused unless asked for:
 * bad input (an emptied plan, a truncated gazetteer) must not silently shrink the map.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutFile } from './write.ts';
import { PipelineError } from './errors.ts';

const LAYERS = ['zones.geojson', 'corridors.geojson', 'sites.geojson', 'unlocated.geojson'];

/** Places per plan in a set of layer file contents. */
function perPlan(contents: string[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const c of contents)
    for (const f of (JSON.parse(c) as { features: { properties: { plans: string[]; role?: string } }[] }).features)
      if (f.properties.role !== 'buffer') for (const p of f.properties.plans) n.set(p, (n.get(p) ?? 0) + 1);
  return n;
}

export function checkShrink(outDir: string, files: OutFile[]): void {
  const old = LAYERS.map((f) => join(outDir, f)).filter((p) => existsSync(p));
  if (old.length === 0) return;
  const before = perPlan(old.map((p) => readFileSync(p, 'utf8')));
  const after = perPlan(files.filter((f) => LAYERS.some((l) => f.path.endsWith(l))).map((f) => String(f.content)));
  const problems: string[] = [];
  for (const [plan, n] of before) {
    const m = after.get(plan) ?? 0;
    if (m < n / 2) problems.push(`${plan}: ${n} places now, ${m} after this run`);
  }
  if (problems.length)
    throw new PipelineError(
      `this run would drop most of the places of ${problems.length} plan(s): ${problems.join('; ')}. ` +
        `If that is intended, run again with --allow-shrink.`,
    );
}
