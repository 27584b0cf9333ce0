/**
 * Plan tiles in GCJ-02, for an online basemap in that datum (高德): the complete layer files,
 * shifted vertex by vertex, cut into tiles here with the same tiler and the same features as the
 * pipeline's archives (contracts/tiles.ts). Loaded only when such a basemap is chosen; the layer
 * files are fetched once, on the first tile asked for. No place is thinned out here.
 */
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import zonesUrl from '../../../data/geojson/zones.geojson?url';
import corridorsUrl from '../../../data/geojson/corridors.geojson?url';
import sitesUrl from '../../../data/geojson/sites.geojson?url';
import { labelFeatures, TILE_LAYERS, tileFeatures, TILE_ZOOMS, type TileLayer } from '../contracts/tiles.ts';
import type { PlaceFeature } from '../contracts/features.ts';
import { getJson } from '../data/plan-data.ts';
import { mapCoords, wgs84ToGcj02 } from '../geo/gcj02.ts';

const URLS: Record<TileLayer, string> = { zones: zonesUrl, corridors: corridorsUrl, sites: sitesUrl };
const EXTENT = 4096;

type Indexes = Record<TileLayer, GeoJSONVT>;
let built: Promise<{ plan: Indexes; labels: Indexes }> | null = null;

function index(features: Record<TileLayer, GeoJSON.Feature[]>): Indexes {
  const out = {} as Indexes;
  for (const layer of TILE_LAYERS) {
    const fc = mapCoords({ type: 'FeatureCollection', features: features[layer] }, wgs84ToGcj02) as FeatureCollection;
    out[layer] = new GeoJSONVT(fc, { maxZoom: TILE_ZOOMS.maxzoom, tolerance: 3, extent: EXTENT, buffer: 64 });
  }
  return out;
}

async function build() {
  const layers = Object.fromEntries(
    await Promise.all(
      TILE_LAYERS.map(async (l) => [
        l,
        ((await getJson(URLS[l], `${l}.geojson`)) as { features: PlaceFeature[] }).features,
      ]),
    ),
  ) as Record<TileLayer, PlaceFeature[]>;
  return { plan: index(tileFeatures(layers)), labels: index(labelFeatures(layers)) };
}

/** `plangcj://plan/{z}/{x}/{y}` or `plangcj://labels/…`: the tile, encoded as the archives' tiles are. */
export async function gcjTile(url: string): Promise<{ data: Uint8Array }> {
  const m = /^plangcj:\/\/(plan|labels)\/(\d+)\/(\d+)\/(\d+)$/.exec(url);
  if (!m) throw new Error(`not a plan tile: ${url}`);
  built ??= build();
  built.catch(() => (built = null));
  const indexes = (await built)[m[1] as 'plan' | 'labels'];
  const [z, x, y] = [Number(m[2]), Number(m[3]), Number(m[4])];
  const layers: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
  for (const layer of TILE_LAYERS) {
    const t = indexes[layer].getTile(z, x, y);
    if (t && t.features.length) layers[layer] = t;
  }
  return { data: fromGeojsonVt(layers, { version: 2, extent: EXTENT }) };
}
