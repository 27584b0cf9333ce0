/**
 * One plan text geocoded on its own, as `npm run geocode` and the evaluation do it: the text is read
 * strictly (UTF-8, not empty, no NUL), segmented into sentences and geocoded inside its district.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { PipelineError } from '../errors.ts';
import { segment } from '../stages/segment.ts';
import { decodePlan } from '../stages/read.ts';
import { validateOutline } from '../stages/validate-outline.ts';
import { loadReference } from '../stages/reference.ts';
import { readGazetteer } from '../stages/gazetteer.ts';
import { buildLayers, type Layers } from '../stages/build.ts';
import { readLexicon } from './lexicon.ts';
import { geocodeContext, geocodePlan, planArea, type GeocodeContext, type PlanResult } from './geocode.ts';

/** The text of a plan file, or a PipelineError naming the file and the rule it breaks. */
export function readPlanText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new PipelineError(`${path}: cannot read the plan text`);
  }
  return decodePlan(bytes, path);
}

export const defaultContext = (gazetteerDir = 'data/gazetteer', referenceDir = 'data/reference'): GeocodeContext => {
  const { entries, outOfScope } = readGazetteer(gazetteerDir);
  const lex = readLexicon(join(gazetteerDir, 'lexicon.json'));
  for (const o of outOfScope) lex.notPlaces.set(o.name, o.reason);
  return geocodeContext(lex, loadReference(referenceDir), entries);
};

export interface OnePlan {
  id: string;
  text: string;
  districts: string[];
  street?: string | null;
}

export function geocodeOne(ctx: GeocodeContext, plan: OnePlan): { result: PlanResult; layers: Layers } {
  const sha = createHash('sha256').update(plan.text).digest('hex');
  const outline = segment(plan.id, plan.text, sha);
  validateOutline(outline, plan.text);
  const area = planArea(ctx, plan.districts, plan.street ?? null, '--district/--street');
  const result = geocodePlan(ctx, { id: plan.id, text: plan.text, outline, area });
  const layers = buildLayers(result.places, new Map([[plan.id, plan.text]]), [plan.id]);
  return { result, layers };
}
