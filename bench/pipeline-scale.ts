/**
 * `npm run data` on ×1, ×10 and ×50 copies of the corpus (each copy a plan of its own): plans per
 * minute and peak memory, on worker threads ('auto') and, as the baseline of the same run, on one
 * thread. Each run is a process of its own so that its peak memory is its own.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { corpusCopies } from './corpus-copies.ts';
import { fmt, type Line } from './lib.ts';

const SCALES = (process.env.BENCH_PIPELINE_SCALES ?? '1,10,50').split(',').map(Number);

function once(plansDir: string, jobs: string): { ms: number; rss_mb: number } {
  const out = execFileSync('npx', ['tsx', 'bench/pipeline-run-once.ts', plansDir, jobs], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as { ms: number; rss_mb: number };
}

export function benchPipelineScale(): Line[] {
  const lines: Line[] = [];
  const rows: string[] = [];
  let perPlanAt1: number | null = null;
  for (const scale of SCALES) {
    const { dir, plans, bytes } = corpusCopies(scale);
    const par = once(dir, String(availableParallelism()));
    const one = once(dir, '1');
    const perMin = (r: { ms: number }) => plans / (r.ms / 60_000);
    perPlanAt1 ??= par.ms / plans;
    const growth = par.ms / plans / perPlanAt1;
    rows.push(
      `×${scale}: ${plans} plans (${fmt(bytes / 2 ** 20, 1)} MB text): ${availableParallelism()} threads ${fmt(perMin(par), 0)} plans/min, ${fmt(par.rss_mb, 0)} MB peak; one thread ${fmt(perMin(one), 0)} plans/min, ${fmt(one.rss_mb, 0)} MB peak; speed-up ${fmt(one.ms / par.ms, 2)}; time per plan × that at ×1: ${fmt(growth, 2)}`,
    );
    lines.push({
      what: `npm run data ×${scale} (${plans} plans), ${availableParallelism()} worker threads vs one thread`,
      value: `${fmt(perMin(par), 0)} vs ${fmt(perMin(one), 0)} plans/min; peak ${fmt(par.rss_mb, 0)} vs ${fmt(one.rss_mb, 0)} MB`,
      budget: scale === 1 ? 'reported' : 'time per plan ≤ 1.5 × that at ×1 (linear)',
      ok: scale === 1 || growth <= 1.5,
    });
  }
  for (const r of rows) console.log(r);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lines = benchPipelineScale();
  for (const l of lines) console.log(`${l.what}: ${l.value} (${l.budget}) ${l.ok ? 'ok' : 'MISSED'}`);
}
