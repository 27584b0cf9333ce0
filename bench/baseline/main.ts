/**
 * The load benchmark's baseline: maplibre-gl alone, with the same basemap data and plan layers as
 * the app, drawn as plain layers. `window.baselineReadyAt` is performance.now() at the first idle.
 */
import { Map as MapLibreMap, setWorkerUrl, type LayerSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import districts from '../../data/reference/districts.geojson?url';
import streets from '../../data/reference/streets.geojson?url';
import water from '../../data/reference/water.geojson?url';
import roads from '../../data/reference/roads.geojson?url';
import metroLines from '../../data/reference/metro-lines.geojson?url';
import metroStations from '../../data/reference/metro-stations.geojson?url';
import zones from '../../data/geojson/zones.geojson?url';
import corridors from '../../data/geojson/corridors.geojson?url';
import sites from '../../data/geojson/sites.geojson?url';

declare global {
  interface Window {
    baselineReadyAt: number | null;
  }
}
/** The view: the load benchmark's own, or (bench/scale.ts) the app's first view of the same data. */
declare const __BASELINE_VIEW__: { bounds: [number, number, number, number]; padding: number };
window.baselineReadyAt = null;
setWorkerUrl(new URL(workerUrl, document.baseURI).href);
const abs = (u: string) => new URL(u, document.baseURI).href;
const sources = { districts, streets, water, roads, metroLines, metroStations, zones, corridors, sites };
const layers: LayerSpecification[] = [
  { id: 'bg', type: 'background', paint: { 'background-color': '#f4f1ea' } },
  {
    id: 'districts',
    type: 'fill',
    source: 'districts',
    paint: { 'fill-color': '#e8e4d8', 'fill-outline-color': '#9a8f7a' },
  },
  { id: 'water', type: 'fill', source: 'water', paint: { 'fill-color': '#a9cfe6' } },
  { id: 'streets', type: 'line', source: 'streets', paint: { 'line-color': '#b8ad98' } },
  { id: 'roads', type: 'line', source: 'roads', paint: { 'line-color': '#ffffff', 'line-width': 2 } },
  { id: 'metro', type: 'line', source: 'metroLines', paint: { 'line-color': '#c00', 'line-width': 2 } },
  { id: 'stations', type: 'circle', source: 'metroStations', paint: { 'circle-radius': 3 } },
  { id: 'zones', type: 'fill', source: 'zones', paint: { 'fill-color': '#cc79a7', 'fill-opacity': 0.2 } },
  { id: 'corridors', type: 'line', source: 'corridors', paint: { 'line-color': '#0072b2', 'line-width': 4 } },
  { id: 'sites', type: 'circle', source: 'sites', paint: { 'circle-radius': 5, 'circle-color': '#009e73' } },
];
const map = new MapLibreMap({
  container: 'map',
  style: {
    version: 8,
    sources: Object.fromEntries(Object.entries(sources).map(([id, url]) => [id, { type: 'geojson', data: abs(url) }])),
    layers,
  },
  bounds: __BASELINE_VIEW__.bounds,
  fitBoundsOptions: { padding: __BASELINE_VIEW__.padding },
});
map.once('idle', () => (window.baselineReadyAt = performance.now()));
(window as unknown as { __map: unknown }).__map = map;
