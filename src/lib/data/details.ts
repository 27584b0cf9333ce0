/**
 * A place's passages, evidence, method and full geometry, from its detail file (fetched once per
 * file, and fetched again after a failure). `featuresOf` puts places back together as the complete
 * GeoJSON features of data/geojson, for exports.
 */
import type { PlaceFeature, UnlocatedFeature } from '../contracts/features.ts';
import { toFeature, type DetailFile, type PlaceDetail, type PlaceSummary } from '../contracts/places.ts';
import { validateDetailFile } from '../contracts/validate.ts';
import { detailUrl, getJson } from './plan-data.ts';

const files = new Map<string, Promise<DetailFile>>();

function loadFile(name: string): Promise<DetailFile> {
  let p = files.get(name);
  if (!p) {
    p = getJson(detailUrl(name), name).then((x) => {
      const problems = validateDetailFile(x, name);
      if (problems.length) throw new Error(`${name}: ${problems.length} problem(s): ${problems.slice(0, 3).join('; ')}`);
      return x as DetailFile;
    });
    p.catch(() => files.delete(name));
    files.set(name, p);
  }
  return p;
}

export async function detailOf(p: PlaceSummary): Promise<PlaceDetail> {
  const d = (await loadFile(p.detail))[p.id];
  if (!d) throw new Error(`${p.detail}: no entry for ${p.id}`);
  return d;
}

/** The details of many places: each file fetched once, all files in parallel. */
export async function detailsOf(places: PlaceSummary[]): Promise<Map<string, PlaceDetail>> {
  const names = [...new Set(places.map((p) => p.detail))];
  const loaded = new Map(await Promise.all(names.map(async (n) => [n, await loadFile(n)] as const)));
  const out = new Map<string, PlaceDetail>();
  for (const p of places) {
    const d = loaded.get(p.detail)![p.id];
    if (!d) throw new Error(`${p.detail}: no entry for ${p.id}`);
    out.set(p.id, d);
  }
  return out;
}

/** Places as the complete features of the GeoJSON layer files, every passage and evidence included. */
export async function featuresOf(places: PlaceSummary[]): Promise<(PlaceFeature | UnlocatedFeature)[]> {
  const details = await detailsOf(places);
  return places.map((p) => toFeature(p, details.get(p.id)!));
}
