/**
 * Loads the plan layers (data/geojson) and checks them against the data contract on arrival:
 * a file that fails to load or to validate is reported by name, not drawn.
 */
import manifestUrl from '../../../data/geojson/manifest.json?url';
import zonesUrl from '../../../data/geojson/zones.geojson?url';
import corridorsUrl from '../../../data/geojson/corridors.geojson?url';
import sitesUrl from '../../../data/geojson/sites.geojson?url';
import { SCHEMA_VERSION, type Manifest, type PlaceCollection } from '../contracts/features.ts';
import { validateFeatureCollection } from '../contracts/validate.ts';

export interface PlanData {
  zones: PlaceCollection;
  corridors: PlaceCollection;
  sites: PlaceCollection;
}

async function getJson(url: string, name: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  try {
    return await res.json();
  } catch {
    throw new Error(`${name}: not valid JSON`);
  }
}

export interface LoadedPlanData {
  data: PlanData;
  /** One readable message per file that failed to load or validate (its features are not drawn). */
  errors: string[];
}

const EMPTY = (): PlaceCollection => ({ type: 'FeatureCollection', features: [] });

/** Loads every layer file on its own: one bad file is reported by name, the others still load. */
export async function loadPlanData(): Promise<LoadedPlanData> {
  const manifest = (await getJson(manifestUrl, 'manifest.json')) as Manifest;
  if (manifest?.schema_version !== SCHEMA_VERSION) {
    throw new Error(`manifest.json: schema_version ${manifest?.schema_version} is not the ${SCHEMA_VERSION} this app reads`);
  }
  const errors: string[] = [];
  const load = async (url: string, name: string): Promise<PlaceCollection> => {
    try {
      const fc = await getJson(url, name);
      const problems = validateFeatureCollection(fc, name);
      if (problems.length) throw new Error(`${name}: ${problems.length} problem(s): ${problems.slice(0, 3).join('; ')}`);
      return fc as PlaceCollection;
    } catch (e) {
      errors.push((e as Error).message);
      return EMPTY();
    }
  };
  const [zones, corridors, sites] = await Promise.all([
    load(zonesUrl, 'zones.geojson'),
    load(corridorsUrl, 'corridors.geojson'),
    load(sitesUrl, 'sites.geojson'),
  ]);
  return { data: { zones, corridors, sites }, errors };
}
