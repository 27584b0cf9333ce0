/**
 * The plan layers' map sources as data (plan-sources.ts reads them): two vector sources over the
 * pipeline's PMTiles archives through the `pmtiles` protocol, or, under a basemap in GCJ-02, over
 * the app's own shifted tiles (`plangcj`). The style declares zooms and extent itself, from the
 * manifest, so the map asks for its first tiles without reading a TileJSON first.
 */
import type { SourceSpecification } from 'maplibre-gl';
import { LABEL_ZOOMS, TILE_ZOOMS } from '../../contracts/tiles.ts';
import type { Crs } from './basemaps.ts';
import { LABEL_SOURCE, PLAN_SOURCE } from './plan-layers.ts';

// The plan features are placed at bus stops and admin centres: their sources are credited with them.
const ATTRIBUTION = '规划图谱 Plan Atlas（规划原文定位；定位依据 高德公交站 2024、Vonng/adcode 2016 CC-BY 4.0）';

/** The archives' URLs (absolute: MapLibre's worker asks for tiles through the main thread). */
export interface TileUrls {
  plan: string;
  labels: string;
}

const template = (which: 'plan' | 'labels', url: string, crs: Crs) =>
  crs === 'WGS84' ? `pmtiles://${url}/{z}/{x}/{y}` : `plangcj://${which}/{z}/{x}/{y}`;

/**
 * `bbox` is the manifest's extent of the features; the sources' bounds are a little wider, since
 * shifted into GCJ-02 the features move ~0.6 km. Features are known by their place id (`promoteId`),
 * which the filters' feature state and the click handlers use.
 */
export function planSources(
  urls: TileUrls,
  bbox: [number, number, number, number],
  crs: Crs = 'WGS84',
): Record<string, SourceSpecification> {
  const bounds: [number, number, number, number] = [bbox[0] - 0.02, bbox[1] - 0.02, bbox[2] + 0.02, bbox[3] + 0.02];
  return {
    [PLAN_SOURCE]: {
      type: 'vector',
      tiles: [template('plan', urls.plan, crs)],
      ...TILE_ZOOMS,
      bounds,
      promoteId: 'id',
      attribution: ATTRIBUTION,
    },
    [LABEL_SOURCE]: {
      type: 'vector',
      tiles: [template('labels', urls.labels, crs)],
      ...LABEL_ZOOMS,
      bounds,
      promoteId: 'id',
    },
  };
}
