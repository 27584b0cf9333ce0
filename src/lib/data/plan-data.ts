/**
 * Where the plan data is and how it is loaded (docs/data-spec.md, "What the app loads"): the map
 * reads the tile archives itself (plan-sources.ts); the place index is fetched once the first view
 * is drawn; a place's detail file when its panel, the reader or an export needs it. Each file is
 * checked against the data contract on arrival and a failure is reported naming the file.
 */
import manifestJson from '../../../data/geojson/manifest.json';
import planTilesUrl from '../../../data/geojson/plan.pmtiles?url';
import labelTilesUrl from '../../../data/geojson/plan-labels.pmtiles?url';
import indexUrl from '../../../data/geojson/places.json?url';
import { SCHEMA_VERSION, type Manifest } from '../contracts/features.ts';
import type { PlaceSummary } from '../contracts/places.ts';
import { validatePlaceIndex } from '../contracts/validate.ts';
import { absolute } from './urls.ts';

/** The manifest is bundled (a few kilobytes, whatever the corpus): the first view is known before any request. */
export const MANIFEST = manifestJson as unknown as Manifest;

/** The tile archives, as absolute URLs (MapLibre's worker asks for them through the main thread). */
export const tileUrls = (): { plan: string; labels: string } => ({
  plan: absolute(planTilesUrl),
  labels: absolute(labelTilesUrl),
});

/** The detail files are published beside the index (the build copies data/geojson/details there). */
export const detailUrl = (name: string): string => new URL(`details/${name}`, absolute(indexUrl)).href;

export async function getJson(url: string, name: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  try {
    return await res.json();
  } catch {
    throw new Error(`${name}: not valid JSON`);
  }
}

/** Refuses data made for another version of the app (the manifest is bundled with it). */
export function checkManifest(): void {
  if (MANIFEST.schema_version !== SCHEMA_VERSION)
    throw new Error(
      `manifest.json: schema_version ${MANIFEST.schema_version} is not the ${SCHEMA_VERSION} this app reads`,
    );
}

let index: Promise<PlaceSummary[]> | null = null;

/** The place index (places.json), checked; a failed load is tried again on the next call. */
export function loadPlaceIndex(): Promise<PlaceSummary[]> {
  index ??= (async () => {
    checkManifest();
    const x = await getJson(indexUrl, 'places.json');
    const problems = validatePlaceIndex(x, 'places.json', SCHEMA_VERSION);
    if (problems.length) throw new Error(`places.json: ${problems.length} problem(s): ${problems.slice(0, 3).join('; ')}`);
    return (x as { places: PlaceSummary[] }).places;
  })();
  index.catch(() => (index = null));
  return index;
}
