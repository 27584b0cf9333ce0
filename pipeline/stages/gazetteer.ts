/** Reads and checks the curated gazetteer (data/gazetteer/): a bad entry is named in the error. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kinks, polygon } from '@turf/turf';
import type { GazetteerEntry, OutOfScope } from '../../src/lib/contracts/gazetteer.ts';
import { FEATURE_KINDS, TIANJIN_BBOX } from '../../src/lib/contracts/features.ts';
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
  const entries = read('places.json') as GazetteerEntry[];
  const ids = new Set<string>();
  for (const e of entries) {
    const bad = (rule: string) => {
      throw new PipelineError(`gazetteer entry "${e.id ?? '?'}" (${e.name ?? '?'}): ${rule}`);
    };
    if (!e.id || !/^[a-z0-9-]+$/.test(e.id)) bad('id must be lower-case a-z, 0-9 and -');
    if (ids.has(e.id)) bad('duplicate id');
    ids.add(e.id);
    if (!e.name) bad('name missing');
    if (!(FEATURE_KINDS as readonly string[]).includes(e.kind)) bad(`unknown kind "${e.kind}"`);
    if (!Array.isArray(e.evidence) || e.evidence.length === 0 || e.evidence.some((x) => !x.trim()))
      bad('missing evidence');
    if (!(e.precision_m > 0)) bad('precision_m must be a positive number of metres');
    if (!e.geometry?.type) bad('geometry spec missing');
    if (e.enclosed_by !== undefined && !(Array.isArray(e.enclosed_by) && e.enclosed_by.every((r) => r.trim())))
      bad('enclosed_by must list road names');
  }
  return { entries, outOfScope: read('out-of-scope.json') as OutOfScope[] };
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
