/**
 * What the app state does to the map: which plan features show (filters), how they are coloured,
 * which place is selected or hovered, and the near-me circle. Each function is idempotent.
 */
import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { circle } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import { colourExpression, planLayers, type ColourBy } from './style/plan-layers.ts';
import { HIGHLIGHT_SOURCE, NEAR_SOURCE, overlayLayers, overlaySources } from './style/overlay-layers.ts';
import { beforeId } from './zorder.ts';
import { setOverlayData } from './basemap-switch.ts';
import { EMPTY, LABEL_SOURCES, type FeatureIndex } from './plan-sources.ts';
import type { Place } from '../explore/catalog.ts';

const LABELS = planLayers()
  .filter((l) => l.type === 'symbol')
  .map((l) => ({ id: l.id, source: String(l.source), filter: 'filter' in l ? l.filter : undefined }));

/** Map ids hidden by feature state, per map and plan source. */
const hiddenBy = new WeakMap<MapLibreMap, Map<string, Set<number>>>();

/**
 * Shows only the features whose id is in `fids` (all when null). Features and their labels are
 * hidden by feature state, which shows at the next frame with no re-layout; the label layers are
 * also filtered, on their own sources, so that hidden labels then leave their room to the others.
 */
export function showOnly(m: MapLibreMap, index: FeatureIndex, fids: Set<string> | null): void {
  let hidden = hiddenBy.get(m);
  if (!hidden) hiddenBy.set(m, (hidden = new Map()));
  for (const [base, labels] of Object.entries(LABEL_SOURCES)) {
    const now = new Set(fids ? index.mapIds(base, fids, true) : []);
    const before = hidden.get(base) ?? new Set<number>();
    for (const source of [base, labels]) {
      if (!m.getSource(source)) continue;
      for (const id of now) if (!before.has(id)) m.setFeatureState({ source, id }, { hidden: true });
      for (const id of before) if (!now.has(id)) m.setFeatureState({ source, id }, { hidden: false });
    }
    hidden.set(base, now);
  }
  for (const { id, source, filter: base } of LABELS) {
    if (!m.getLayer(id)) continue;
    const only = fids ? index.only(source, fids) : null;
    const filter = base && only ? (['all', base, only] as FilterSpecification) : (only ?? base ?? null);
    // The filter is ours (built from validated ids), so the style-spec validation is skipped: it
    // costs more than the change itself for long id lists.
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

export function highlight(m: MapLibreMap, selected: Place | undefined, hovered: Place | undefined): void {
  const features: Feature[] = [];
  const mark = (p: Place, state: string) =>
    ({ ...p.feature, properties: { state, precision_m: p.feature.properties.precision_m } }) as Feature;
  // A place not located has nothing to highlight.
  if (hovered?.bbox && hovered !== selected) features.push(mark(hovered, 'hover'));
  if (selected?.bbox) features.push(mark(selected, 'selected'));
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
