/** One plan's share of `npm run data`: segmented, checked and geocoded; the unit a worker thread takes. */
import type { Outline } from '../../src/lib/contracts/plan.ts';
import { segment } from '../stages/segment.ts';
import { validateOutline } from '../stages/validate-outline.ts';
import { geocodePlan, planArea, type GeocodeContext, type PlanResult } from './geocode.ts';

export interface PlanJob {
  id: string;
  text: string;
  sha256: string;
  districts: string[];
  street: string | null;
}

export interface PlanDone {
  outline: Outline;
  result: PlanResult;
}

export function runJob(ctx: GeocodeContext, job: PlanJob): PlanDone {
  const outline = segment(job.id, job.text, job.sha256);
  validateOutline(outline, job.text);
  const area = planArea(ctx, job.districts, job.street, `plans.json: plan ${job.id}`);
  return { outline, result: geocodePlan(ctx, { id: job.id, text: job.text, outline, area }) };
}
