/** Reads and checks the curated gazetteer (data/gazetteer/): a bad entry is named in the error. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kinks, polygon } from '@turf/turf';
import type { GazetteerEntry, OutOfScope } from '../../src/lib/contracts/gazetteer.ts';
import * as v from 'valibot';
import { TIANJIN_BBOX } from '../../src/lib/contracts/features.ts';
import { GazetteerEntrySchema, OutOfScopeSchema } from './gazetteer-schema.ts';
import { PipelineError } from '../errors.ts';
import type { Located } from './locate.ts';

export function readGazetteer(dir: string): { entries: GazetteerEntry[]; outOfScope: OutOfScope[] } {
  const read = (f: string) => {
    try {
      return JSON.parse(readFileSync(join(dir, f), 'utf8'));
    } catch (e) {
      throw new PipelineError(`${join(dir, f)}: ${(e as Error).message}`);
    }
  };
  const raw = read('places.json') as unknown;
  if (!Array.isArray(raw)) throw new PipelineError(`${join(dir, 'places.json')}: expected a list of entries`);
  const ids = new Set<string>();
  const entries = raw.map((e: Record<string, unknown>, i) => {
    const who = `gazetteer entry "${typeof e?.id === 'string' ? e.id : `#${i}`}" (${typeof e?.name === 'string' ? e.name : '?'})`;
    const r = v.safeParse(GazetteerEntrySchema, e);
    if (!r.success) {
      const issue = r.issues[0];
      const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
      throw new PipelineError(`${join(dir, 'places.json')}: ${who}: ${path ? `${path}: ` : ''}${issue.message}`);
    }
    if (ids.has(r.output.id)) throw new PipelineError(`${join(dir, 'places.json')}: ${who}: duplicate id`);
    ids.add(r.output.id);
    return r.output as GazetteerEntry;
  });
  const oos = v.safeParse(OutOfScopeSchema, read('out-of-scope.json'));
  if (!oos.success) throw new PipelineError(`${join(dir, 'out-of-scope.json')}: ${oos.issues[0].message}`);
  for (const e of entries) {
    if (e.geometry.type === 'within' && !entries.some((z) => z.id === (e.geometry as { entry: string }).entry))
      throw new PipelineError(
        `${join(dir, 'places.json')}: gazetteer entry "${e.id}" (${e.name}): geometry.entry: no entry "${(e.geometry as { entry: string }).entry}"`,
      );
    if (e.geometry.type === 'enclosure' && !e.enclosed_by)
      throw new PipelineError(
        `${join(dir, 'places.json')}: gazetteer entry "${e.id}" (${e.name}): an enclosure needs enclosed_by`,
      );
  }
  return { entries, outOfScope: oos.output };
}

/** Checks a located entry: inside Tianjin, polygons without self-intersections. */
export function checkLocated(e: GazetteerEntry, loc: Located): void {
  const bad = (rule: string) => {
    throw new PipelineError(`gazetteer entry "${e.id}" (${e.name}): ${rule}`);
  };
  const coords = JSON.stringify(
    loc.main.type === 'Point' ? [loc.main.coordinates] : (loc.main as { coordinates: unknown }).coordinates,
  );
  for (const m of coords.matchAll(/\[(-?[\d.]+),(-?[\d.]+)\]/g)) {
    const x = Number(m[1]);
    const y = Number(m[2]);
    if (!(x >= TIANJIN_BBOX[0] && x <= TIANJIN_BBOX[2] && y >= TIANJIN_BBOX[1] && y <= TIANJIN_BBOX[3]))
      bad(`position ${x}, ${y} is outside Tianjin`);
  }
  if (loc.main.type === 'Polygon' && kinks(polygon(loc.main.coordinates)).features.length > 0)
    bad('polygon intersects itself');
}
