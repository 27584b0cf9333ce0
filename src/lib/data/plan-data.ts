/**
 * Loads the plan layers (data/geojson) and checks them against the data contract on arrival:
 * a file that fails to load or to validate is reported by name, not drawn.
 */
import manifestJson from '../../../data/geojson/manifest.json';
import zonesUrl from '../../../data/geojson/zones.geojson?url';
import corridorsUrl from '../../../data/geojson/corridors.geojson?url';
import sitesUrl from '../../../data/geojson/sites.geojson?url';
import unlocatedUrl from '../../../data/geojson/unlocated.geojson?url';
import { SCHEMA_VERSION, type Manifest, type PlaceCollection, type UnlocatedFeature } from '../contracts/features.ts';
import { validateFeatureCollection } from '../contracts/validate.ts';

/** Where the plan layer files are served (fingerprinted by Vite), by map source id. */
export const PLAN_FILES = {
  'plan-zones': zonesUrl,
  'plan-corridors': corridorsUrl,
  'plan-sites': sitesUrl,
} as const;

export interface PlanData {
  zones: PlaceCollection;
  corridors: PlaceCollection;
  sites: PlaceCollection;
  /** Places the plans name that could not be located: listed and searchable, not drawn. */
  unlocated: { type: 'FeatureCollection'; features: UnlocatedFeature[] };
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
  /** The map sources whose file failed. */
  failed: (keyof typeof PLAN_FILES)[];
}

const EMPTY = (): PlaceCollection => ({ type: 'FeatureCollection', features: [] });

/** Loads every layer file on its own: one bad file is reported by name, the others still load. */
/** The manifest is bundled (half a kilobyte): the first view is known before any request. */
export const MANIFEST = manifestJson as unknown as Manifest;

export async function loadPlanData(): Promise<LoadedPlanData> {
  if (MANIFEST.schema_version !== SCHEMA_VERSION) {
    throw new Error(`manifest.json: schema_version ${MANIFEST.schema_version} is not the ${SCHEMA_VERSION} this app reads`);
  }
  const errors: string[] = [];
  const failed: (keyof typeof PLAN_FILES)[] = [];
  const load = async (source: keyof typeof PLAN_FILES, name: string): Promise<PlaceCollection> => {
    const url = PLAN_FILES[source];
    try {
      const fc = await getJson(url, name);
      const problems = validateFeatureCollection(fc, name);
      if (problems.length) throw new Error(`${name}: ${problems.length} problem(s): ${problems.slice(0, 3).join('; ')}`);
      return fc as PlaceCollection;
    } catch (e) {
      errors.push((e as Error).message);
      failed.push(source);
      return EMPTY();
    }
  };
  const loadUnlocated = async () => {
    try {
      const fc = await getJson(unlocatedUrl, 'unlocated.geojson');
      const problems = validateFeatureCollection(fc, 'unlocated.geojson');
      if (problems.length) throw new Error(`unlocated.geojson: ${problems.length} problem(s): ${problems.slice(0, 3).join('; ')}`);
      return fc as PlanData['unlocated'];
    } catch (e) {
      errors.push((e as Error).message);
      return { type: 'FeatureCollection' as const, features: [] };
    }
  };
  const [zones, corridors, sites, unlocated] = await Promise.all([
    load('plan-zones', 'zones.geojson'),
    load('plan-corridors', 'corridors.geojson'),
    load('plan-sites', 'sites.geojson'),
    loadUnlocated(),
  ]);
  return { data: { zones, corridors, sites, unlocated }, errors, failed };
}
