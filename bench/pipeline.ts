/**
 * The pipeline: `npm run data` end to end (median of 5, in process, nothing written), and how the
 * text stages (segment + geocode) scale from the plans to 10 concatenated copies of each, both
 * measured in the same run.
 */
import { DEFAULTS, runPipeline } from '../pipeline/run.ts';
import { readPlans } from '../pipeline/stages/read.ts';
import { segment } from '../pipeline/stages/segment.ts';
import { defaultContext } from '../pipeline/geocode/one-plan.ts';
import { geocodePlan, planArea } from '../pipeline/geocode/geocode.ts';
import { fmt, median, type Line } from './lib.ts';

const ctx = defaultContext();

function textStages(copies: number): number {
  const plans = readPlans(DEFAULTS.plansDir);
  const texts = plans.map((p) => ({ meta: p.meta, text: Array(copies).fill(p.text).join('\n') }));
  const t0 = performance.now();
  for (const p of texts) {
    const outline = segment(p.meta.id, p.text, 'bench');
    const area = planArea(ctx, [p.meta.district], p.meta.street, p.meta.id);
    geocodePlan(ctx, { id: p.meta.id, text: p.text, outline, area });
  }
  return performance.now() - t0;
}

export async function benchPipeline(): Promise<Line[]> {
  await runPipeline(DEFAULTS); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await runPipeline(DEFAULTS);
    times.push(performance.now() - t0);
  }
  const total = median(times);
  const one = median(Array.from({ length: 3 }, () => textStages(1)));
  const ten = median(Array.from({ length: 3 }, () => textStages(10)));
  const ratio = ten / one;
  return [
    {
      what: 'npm run data, in process (median of 5)',
      value: `${fmt(total, 0)} ms`,
      budget: '< 10 s',
      ok: total < 10_000,
    },
    { what: 'segment + geocode, plans ×1', value: `${fmt(one, 0)} ms`, budget: '', ok: true },
    { what: 'segment + geocode, plans ×10 (concatenated)', value: `${fmt(ten, 0)} ms`, budget: '', ok: true },
    { what: 'scaling ×10 text / ×1 text', value: fmt(ratio, 1), budget: '≈ 10 (linear), ≤ 15', ok: ratio <= 15 },
  ];
}
