/**
 * Switching basemaps on a live map: swaps the raster layers, hides the offline land layers under
 * online tiles, and moves every overlay into the basemap's CRS (WGS-84 → GCJ-02 for AMap), keeping
 * the view and the plan layers (whose tiles then come shifted, plan-sources.ts).
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { GeoJSON } from 'geojson';
import { gcj02ToWgs84, mapCoords, wgs84ToGcj02 } from '../geo/gcj02.ts';
import { beforeId } from './zorder.ts';
import { onlineBasemap, type BasemapDef, type Crs } from './style/basemaps.ts';
import { loadConfig } from '../data/config.ts';
import { setPlanCrs } from './plan-sources.ts';

/** Offline layers that an online basemap replaces. */
const OFFLINE_ONLY = [
  'districts-fill',
  'water-area',
  'water-line',
  'street-net-casing',
  'street-net',
  'street-net-label',
  'roads-casing',
  'roads',
  'roads-label',
  'water-label',
];

/** GeoJSON overlays in WGS-84: source id → where its data comes from. */
const overlays = new Map<string, string | GeoJSON>();
const fetched = new Map<string, Promise<GeoJSON>>();
let currentCrs: Crs = 'WGS84';

export function registerOverlay(sourceId: string, data: string | GeoJSON): void {
  overlays.set(sourceId, data);
}

export const overlayCrs = (): Crs => currentCrs;

function wgsData(data: string | GeoJSON): Promise<GeoJSON> {
  if (typeof data !== 'string') return Promise.resolve(data);
  let p = fetched.get(data);
  if (!p) {
    p = fetch(data).then((r) => {
      if (!r.ok) throw new Error(`${data}: HTTP ${r.status}`);
      return r.json() as Promise<GeoJSON>;
    });
    fetched.set(data, p);
  }
  return p;
}

/** Data of an overlay in the current CRS. */
export async function inCurrentCrs(data: string | GeoJSON): Promise<string | GeoJSON> {
  if (currentCrs === 'WGS84') return data;
  return mapCoords(await wgsData(data), wgs84ToGcj02);
}

export async function applyBasemap(map: MapLibreMap, def: BasemapDef): Promise<void> {
  const online =
    def.id === 'offline' ? { sources: {}, layers: [] } : onlineBasemap(def, await loadConfig(), document.baseURI);
  for (const id of ['online-labels', 'online-base']) {
    if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(id)) map.removeSource(id);
  }
  for (const [id, src] of Object.entries(online.sources)) map.addSource(id, src);
  const present = () => map.getStyle().layers.map((l) => l.id);
  for (const layer of online.layers) map.addLayer(layer, beforeId(layer.id, present()));
  for (const id of OFFLINE_ONLY) {
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', def.id === 'offline' ? 'visible' : 'none');
  }
  if (def.crs !== currentCrs) {
    // The camera moves with the overlays, so the same place stays in view (a link's view is WGS-84).
    const c = map.getCenter();
    const centre = fromMapCrs([c.lng, c.lat]);
    currentCrs = def.crs;
    map.jumpTo({ center: toMapCrs(centre) });
    setPlanCrs(map, def.crs);
    await Promise.all(
      [...overlays].map(async ([sourceId, data]) => {
        const source = map.getSource<GeoJSONSource>(sourceId);
        if (source) source.setData(await inCurrentCrs(data));
      }),
    );
  }
}

/** Sets an overlay's WGS-84 data, shifted into the basemap's CRS, and keeps it for later switches. */
export function setOverlayData(map: MapLibreMap, sourceId: string, data: GeoJSON): void {
  overlays.set(sourceId, data);
  const shown = currentCrs === 'WGS84' ? data : mapCoords(data, wgs84ToGcj02);
  map.getSource<GeoJSONSource>(sourceId)?.setData(shown);
}

/** A WGS-84 position in the map's current CRS, and back. */
export const toMapCrs = (p: [number, number]): [number, number] => (currentCrs === 'WGS84' ? p : wgs84ToGcj02(p));
export const fromMapCrs = (p: [number, number]): [number, number] => (currentCrs === 'WGS84' ? p : gcj02ToWgs84(p));
