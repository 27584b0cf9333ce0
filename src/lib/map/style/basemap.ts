/**
 * The built-in offline basemap, as data: sources and layers built by pure functions from the
 * reference files in data/reference/. Style spec: https://maplibre.org/maplibre-style-spec/
 *
 * There is no `glyphs` URL on purpose: MapLibre then draws every label glyph in the browser
 * (TinySDF) with local fonts, so labels need no glyph server and make no request at all.
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { basemapTheme as t, FONT, perFeature, perFeatureOpacity } from './theme.ts';
import { ordered } from '../zorder.ts';
import { pointLabels } from './labels.ts';

export interface ReferenceUrls {
  districts: string;
  streets: string;
  water: string;
  roads: string;
  metroLines: string;
  metroStations: string;
  /** Loaded only when the map is first zoomed in to streets (street-net.ts in src/lib/map). */
  streetNet: string;
}

/** From this zoom the street network is drawn (and its file fetched): below it, streets are clutter. */
export const STREET_NET_MINZOOM = 13;

export const ATTRIBUTION = {
  osm: '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a> contributors (ODbL)',
  datav: '区界 DataV.GeoAtlas / 高德 2019 (GCJ-02→WGS-84)',
  amap: '地铁站 高德 2024 (GCJ-02→WGS-84)',
  landsat: '海河 Landsat (MIT)',
  ngcc: '河流 国家基础地理信息 1:400万',
  traces: '街道 百度公交轨迹 2018',
};

export function basemapSources(urls: ReferenceUrls): Record<string, SourceSpecification> {
  return {
    'ref-districts': { type: 'geojson', data: urls.districts, attribution: ATTRIBUTION.datav },
    'ref-streets': { type: 'geojson', data: urls.streets },
    'ref-water': { type: 'geojson', data: urls.water, attribution: `${ATTRIBUTION.landsat}; ${ATTRIBUTION.ngcc}` },
    'ref-roads': { type: 'geojson', data: urls.roads, attribution: ATTRIBUTION.osm },
    'ref-metro-lines': { type: 'geojson', data: urls.metroLines, attribution: ATTRIBUTION.osm },
    'ref-metro-stations': { type: 'geojson', data: urls.metroStations, attribution: ATTRIBUTION.amap },
    // Empty until the map is zoomed in to streets: the first view does not pay for it.
    'ref-street-net': {
      type: 'geojson',
      data: { type: 'FeatureCollection', features: [] },
      attribution: ATTRIBUTION.traces,
    },
  };
}

const halo = { 'text-halo-color': t.labelHalo, 'text-halo-width': 1.4 } as const;

export function basemapLayers(): LayerSpecification[] {
  return ordered<LayerSpecification>([
    { id: 'background', type: 'background', paint: { 'background-color': t.background } },
    {
      // One layer for all districts, the plan areas a warmer colour: a layer fewer to lay out (bench/load).
      id: 'districts-fill',
      type: 'fill',
      source: 'ref-districts',
      paint: {
        'fill-color': ['case', ['get', 'plan_area'], perFeature(t.planDistrictFill), perFeature(t.districtFill)],
        'fill-opacity': perFeatureOpacity(1),
        'fill-antialias': false,
      },
    },
    {
      id: 'water-area',
      type: 'fill',
      source: 'ref-water',
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': perFeature(t.water), 'fill-opacity': perFeatureOpacity(1), 'fill-antialias': false },
    },
    {
      id: 'water-line',
      type: 'line',
      source: 'ref-water',
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: {
        'line-opacity': perFeatureOpacity(1),
        'line-color': perFeature(t.waterLine),
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 14, 3],
      },
    },
    {
      id: 'streets-line',
      type: 'line',
      source: 'ref-streets',
      minzoom: 11,
      paint: {
        'line-opacity': perFeatureOpacity(1),
        'line-color': perFeature(t.streetLine),
        'line-width': 1,
        'line-dasharray': [3, 2],
      },
    },
    {
      id: 'street-net-casing',
      type: 'line',
      source: 'ref-street-net',
      minzoom: STREET_NET_MINZOOM,
      filter: ['==', ['get', 'kind'], 'trace'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': t.roadCasing,
        'line-width': ['interpolate', ['linear'], ['zoom'], 13, 2, 16, 7],
      },
    },
    {
      id: 'street-net',
      type: 'line',
      source: 'ref-street-net',
      minzoom: STREET_NET_MINZOOM,
      filter: ['==', ['get', 'kind'], 'trace'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': t.road,
        'line-width': ['interpolate', ['linear'], ['zoom'], 13, 1, 16, 5],
      },
    },
    {
      id: 'roads-casing',
      type: 'line',
      source: 'ref-roads',
      // Below a city view the roads are thin lines that need no casing.
      minzoom: 11,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-opacity': perFeatureOpacity(1),
        'line-color': perFeature(t.roadCasing),
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.5, 15, 9],
      },
    },
    {
      id: 'roads',
      type: 'line',
      source: 'ref-roads',
      minzoom: 9,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-opacity': perFeatureOpacity(1),
        'line-color': ['case', ['get', 'express'], t.expressRoad, t.road],
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.8, 15, 6],
      },
    },
    // Two layers rather than one with colour and width by plan_area: a width by feature would be
    // another WebGL program variant to compile before the first frame.
    {
      id: 'districts-line',
      type: 'line',
      source: 'ref-districts',
      filter: ['!', ['get', 'plan_area']],
      paint: { 'line-opacity': perFeatureOpacity(1), 'line-color': perFeature(t.districtLine), 'line-width': 0.8 },
    },
    {
      id: 'plan-districts-line',
      type: 'line',
      source: 'ref-districts',
      filter: ['get', 'plan_area'],
      paint: { 'line-opacity': perFeatureOpacity(1), 'line-color': perFeature(t.planDistrictLine), 'line-width': 2 },
    },
    {
      id: 'metro-lines',
      type: 'line',
      source: 'ref-metro-lines',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': ['get', 'colour'],
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.2, 15, 4],
        'line-opacity': perFeatureOpacity(0.85),
      },
    },
    {
      id: 'metro-stations',
      type: 'circle',
      source: 'ref-metro-stations',
      minzoom: 11,
      paint: {
        // Interchanges a little larger.
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          11,
          ['case', ['get', 'transfer'], 3.5, 2.5],
          16,
          ['case', ['get', 'transfer'], 8, 6],
        ],
        'circle-color': perFeature('#ffffff'),
        'circle-opacity': perFeatureOpacity(1),
        'circle-stroke-opacity': perFeatureOpacity(1),
        'circle-stroke-color': ['get', 'colour'],
        'circle-stroke-width': 1.6,
      },
    },
    {
      id: 'roads-label',
      type: 'symbol',
      source: 'ref-roads',
      minzoom: 12,
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'name'],
        'text-font': FONT,
        'text-size': 11,
        'symbol-spacing': 400,
      },
      paint: { 'text-color': '#6b6255', ...halo },
    },
    {
      id: 'street-net-label',
      type: 'symbol',
      source: 'ref-street-net',
      minzoom: STREET_NET_MINZOOM + 1,
      filter: ['==', ['get', 'kind'], 'named'],
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'name'],
        'text-font': FONT,
        'text-size': 11,
        'symbol-spacing': 300,
      },
      paint: { 'text-color': '#6b6255', ...halo },
    },
    {
      id: 'water-label',
      type: 'symbol',
      source: 'ref-water',
      minzoom: 11,
      // From zoom 11, as the plan labels: the overview is labelled by district only (the river labels, the
      // last tiles to arrive, delayed the first complete view by about 8%, bench/load).
      // Along the river lines; the 海河 area is labelled at its label points (water-area-label).
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'name'],
        'text-font': FONT,
        'text-size': 12,
        'symbol-spacing': 500,
      },
      paint: { 'text-color': t.waterLabel, ...halo },
    },
    {
      id: 'water-area-label',
      type: 'symbol',
      source: 'ref-water',
      minzoom: 11,
      filter: ['==', ['get', 'kind'], 'label'],
      layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 12 },
      paint: { 'text-color': t.waterLabel, ...halo },
    },
    pointLabels('metro-stations-label', 'ref-metro-stations', 13, 11, { 'text-color': t.label, ...halo }),
    {
      id: 'districts-label',
      type: 'symbol',
      source: 'ref-districts',
      filter: ['==', ['get', 'kind'], 'label'],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT,
        'text-size': ['case', ['get', 'plan_area'], 15, 12],
        'symbol-sort-key': ['case', ['get', 'plan_area'], 0, 1],
      },
      paint: { 'text-color': t.districtLabel, ...halo },
    },
  ]);
}

export function basemapStyle(urls: ReferenceUrls): StyleSpecification {
  return {
    version: 8,
    name: 'Plan Atlas offline basemap',
    sources: basemapSources(urls),
    layers: basemapLayers(),
  };
}
