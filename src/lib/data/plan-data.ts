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

export async function loadPlanData(): Promise<PlanData> {
  const manifest = (await getJson(manifestUrl, 'manifest.json')) as Manifest;
  if (manifest?.schema_version !== SCHEMA_VERSION) {
    throw new Error(`manifest.json: schema_version ${manifest?.schema_version} is not the ${SCHEMA_VERSION} this app reads`);
  }
  const load = async (url: string, name: string) => {
    const fc = await getJson(url, name);
    const errors = validateFeatureCollection(fc, name);
    if (errors.length) throw new Error(`${errors.length} problem(s): ${errors.slice(0, 3).join('; ')}`);
    return fc as PlaceCollection;
  };
  const [zones, corridors, sites] = await Promise.all([
    load(zonesUrl, 'zones.geojson'),
    load(corridorsUrl, 'corridors.geojson'),
    load(sitesUrl, 'sites.geojson'),
  ]);
  return { zones, corridors, sites };
}
