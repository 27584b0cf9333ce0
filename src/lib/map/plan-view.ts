/**
 * What the app state does to the map: which plan features show (filters), how they are coloured,
 * which place is selected or hovered, and the near-me circle. Each function is idempotent.
 */
import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { circle } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import {
  colourExpression,
  LABEL_SOURCE,
  labelFilter,
  PLAN_SOURCE,
  planLayers,
  type ColourBy,
} from './style/plan-layers.ts';
import { HIGHLIGHT_SOURCE, NEAR_SOURCE, overlayLayers, overlaySources } from './style/overlay-layers.ts';
import { beforeId } from './zorder.ts';
import { setOverlayData } from './basemap-switch.ts';
import { isLocated, tileLayerOf, type Place } from '../explore/catalog.ts';
import { filterExpression, type Filters } from '../explore/filters.ts';
import type { TileLayer } from '../contracts/tiles.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const LABELS = planLayers()
  .filter((l) => l.type === 'symbol')
  .map((l) => ({ id: l.id, filter: 'filter' in l ? l.filter : undefined }));

/** Feature ids hidden by feature state, per map, with their source layer. */
const hiddenBy = new WeakMap<MapLibreMap, Map<string, TileLayer>>();

/**
 * Shows only the features whose id is in `fids` (all when null): the others, and their labels, are
 * hidden by feature state, which shows at the next frame with no re-layout. Feature state needs
 * no tile to be loaded: a tile that arrives later is drawn with it.
 */
export function hideFiltered(m: MapLibreMap, places: Place[], fids: Set<string> | null): void {
  const before = hiddenBy.get(m) ?? new Map<string, TileLayer>();
  const now = new Map<string, TileLayer>();
  if (fids)
    for (const p of places) if (isLocated(p)) for (const id of p.fids) if (!fids.has(id)) now.set(id, tileLayerOf(p));
  const set = (id: string, sourceLayer: TileLayer, hidden: boolean) => {
    for (const source of [PLAN_SOURCE, LABEL_SOURCE]) m.setFeatureState({ source, sourceLayer, id }, { hidden });
  };
  for (const [id, layer] of now) if (!before.has(id)) set(id, layer, true);
  for (const [id, layer] of before) if (!now.has(id)) set(id, layer, false);
  hiddenBy.set(m, now);
}

/**
 * Leaves what the filters exclude out of the label layers, so that the labels left are laid out
 * again into the room the hidden ones took (only the label source is laid out again). A filter on
 * the tiles' properties: it needs neither the place index nor the list of ids.
 */
export function filterLabels(m: MapLibreMap, filters: Filters): void {
  const only = filterExpression(filters) as FilterSpecification | null;
  for (const { id, filter: base } of LABELS) {
    if (!m.getLayer(id)) continue;
    const filter = labelFilter(base, only);
    if (JSON.stringify(m.getFilter(id) ?? null) === JSON.stringify(filter)) continue;
    // The filter is ours (from validated values), so the style-spec validation is skipped.
    m.setFilter(id, filter, { validate: false });
  }
}

/** Whether a rendered plan feature is hidden by the filters. */
export const isHidden = (f: { state?: Record<string, unknown> }): boolean => f.state?.hidden === true;

export function colourBy(m: MapLibreMap, by: ColourBy): void {
  const colour = colourExpression(by);
  for (const layer of planLayers(by)) {
    if (!m.getLayer(layer.id) || !layer.paint) continue;
    for (const prop of Object.keys(layer.paint)) {
      if (/(^|-)color$/.test(prop) && prop !== 'text-color' && prop !== 'text-halo-color') {
        const current = (layer.paint as Record<string, unknown>)[prop];
        // Only properties that follow the plan/theme colour (not fixed ones like a white fill).
        if (JSON.stringify(current).includes(JSON.stringify(colour)))
          m.setPaintProperty(layer.id, prop as never, current as never);
      }
    }
  }
}

/**
 * Sets an overlay's data, adding its source and layers the first time it has something to show:
 * an empty GeoJSON source still costs the worker a tile per tile in view at load (bench/load).
 */
function showOverlay(m: MapLibreMap, source: string, data: FeatureCollection): void {
  if (!m.getSource(source)) {
    if (data.features.length === 0) return;
    m.addSource(source, overlaySources()[source]!);
    for (const layer of overlayLayers().filter((l) => 'source' in l && l.source === source))
      m.addLayer(layer, beforeId(layer.id, m.getLayersOrder()));
  }
  setOverlayData(m, source, data);
}

/** What the highlight draws of a place: its geometry (the full one once loaded) and precision. */
export interface Outline {
  id: string;
  geometry: Geometry;
  precision_m: number;
}

export function highlight(m: MapLibreMap, selected: Outline | undefined, hovered: Outline | undefined): void {
  const features: Feature[] = [];
  const mark = (o: Outline, state: string): Feature => ({
    type: 'Feature',
    properties: { state, precision_m: o.precision_m },
    geometry: o.geometry,
  });
  if (hovered && hovered.id !== selected?.id) features.push(mark(hovered, 'hover'));
  if (selected) features.push(mark(selected, 'selected'));
  showOverlay(m, HIGHLIGHT_SOURCE, { type: 'FeatureCollection', features });
}

export function showNear(m: MapLibreMap, centre: [number, number] | null, radius: number): void {
  const data: FeatureCollection = centre
    ? {
        type: 'FeatureCollection',
        features: [
          circle(centre, radius, { units: 'meters', steps: 96 }),
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: centre } },
        ],
      }
    : EMPTY;
  showOverlay(m, NEAR_SOURCE, data);
}
