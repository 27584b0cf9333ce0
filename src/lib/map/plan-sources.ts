/**
 * The plan tiles on the live map: the `pmtiles` protocol (https://docs.protomaps.com/pmtiles/maplibre)
 * reads the pipeline's archives by range requests, so the map fetches the tiles it shows, not the
 * corpus. `plan` holds the shapes; `plan-labels` the label points and lines, from zoom 11 only, in
 * a source of its own: a filter change lays out again only the labels (bench/interaction). Under an
 * online basemap in GCJ-02 (高德) the tiles come from `plan-gcj.ts` instead, shifted into that datum.
 */
import { addProtocol, type Map as MapLibreMap, type VectorTileSource } from 'maplibre-gl';
import { PMTiles, Protocol } from 'pmtiles';
import { MANIFEST, tileUrls } from '../data/plan-data.ts';
import type { Crs } from './style/basemaps.ts';
import { LABEL_SOURCE, PLAN_SOURCE } from './style/plan-layers.ts';
import { planSources } from './style/plan-source-specs.ts';

export { PLAN_SOURCE, LABEL_SOURCE };
export const PLAN_SOURCES = [PLAN_SOURCE, LABEL_SOURCE] as const;

const protocol = new Protocol();
let installed = false;

/**
 * Registers the `pmtiles` protocol (once) and starts reading the plan archive's header and root
 * directory, which come first in the file (one request), while the app's modules still load: the
 * map's first tile requests then need only their own bytes.
 */
export function installPlanTiles(urls = tileUrls()): void {
  if (installed) return;
  installed = true;
  addProtocol('pmtiles', protocol.tile);
  const archive = new PMTiles(urls.plan);
  protocol.add(archive);
  // A failure here is reported when the map asks for its tiles (the source's error event).
  archive.getHeader().catch(() => {});
}

/** The plan sources for the map's style, in the CRS of the basemap shown. */
export const appPlanSources = (crs: Crs = 'WGS84') => planSources(tileUrls(), MANIFEST.bbox, crs);

let gcjInstalled = false;

/** Points the plan sources at tiles in the basemap's datum (the archives are WGS-84). */
export function setPlanCrs(m: MapLibreMap, crs: Crs): void {
  if (crs !== 'WGS84' && !gcjInstalled) {
    gcjInstalled = true;
    // Loaded only when such a basemap is chosen: it tiles the layer files itself.
    addProtocol('plangcj', async (params) => (await import('./plan-gcj.ts')).gcjTile(params.url));
  }
  const specs = appPlanSources(crs);
  for (const id of PLAN_SOURCES) m.getSource<VectorTileSource>(id)?.setTiles((specs[id] as { tiles: string[] }).tiles);
}
