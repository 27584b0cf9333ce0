/**
 * Stage "validate": everything the app will load is checked before anything is written —
 * geojson-validation (RFC 7946 shape), the shared runtime schema, turf validity, the Tianjin
 * bounding box, unique ids, and that every quote is exactly the text at its offsets.
 */
import gjv from 'geojson-validation';
import { booleanValid } from '@turf/turf';
import type { Feature } from 'geojson';
import type { PlaceFeature, UnlocatedFeature } from '../../src/lib/contracts/features.ts';
import { validateFeatureCollection } from '../../src/lib/contracts/validate.ts';
import { PipelineError } from '../errors.ts';

export function validateLayers(
  files: Record<string, (PlaceFeature | UnlocatedFeature)[]>,
  texts: Map<string, string>,
): void {
  const errors: string[] = [];
  const ids = new Set<string>();
  for (const [file, features] of Object.entries(files)) {
    const fc = { type: 'FeatureCollection', features };
    const trace = gjv.valid(fc, true) as string[] | boolean;
    if (Array.isArray(trace) && trace.length) errors.push(`${file}: geojson-validation: ${trace.join('; ')}`);
    errors.push(...validateFeatureCollection(fc, file));
    for (const f of features) {
      if (ids.has(f.id)) errors.push(`${file}: feature ${f.id}: id used in another layer`);
      ids.add(f.id);
      if (f.geometry !== null && !booleanValid(f as Feature))
        errors.push(`${file}: feature ${f.id}: invalid geometry (turf booleanValid)`);
      for (const s of f.properties.sources) {
        const text = texts.get(s.plan);
        if (!text) errors.push(`${file}: feature ${f.id}: cites unknown plan ${s.plan}`);
        else if (text.slice(s.start, s.end) !== s.quote)
          errors.push(
            `${file}: feature ${f.id}: quote at ${s.plan} ${s.anchor} is not the text at [${s.start}, ${s.end})`,
          );
      }
    }
  }
  if (errors.length) throw new PipelineError(`validation failed:\n  ${errors.join('\n  ')}`);
}
