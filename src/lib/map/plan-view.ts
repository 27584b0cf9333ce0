/**
 * What the app state does to the map: which plan features show (filters), how they are coloured,
 * which place is selected or hovered, and the near-me circle. Each function is idempotent.
 */
import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { circle } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import { colourExpression, planLayers, type ColourBy } from './style/plan-layers.ts';
import { HIGHLIGHT_SOURCE, NEAR_SOURCE, overlayLayers } from './style/overlay-layers.ts';
import { beforeId } from './zorder.ts';
import { setOverlayData } from './basemap-switch.ts';
import type { Place } from '../explore/catalog.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const BASE_FILTERS = new Map(planLayers().map((l) => [l.id, 'filter' in l ? l.filter : undefined]));

export function addOverlays(m: MapLibreMap): void {
  m.addSource(HIGHLIGHT_SOURCE, { type: 'geojson', data: EMPTY });
  m.addSource(NEAR_SOURCE, { type: 'geojson', data: EMPTY });
  for (const layer of overlayLayers()) {
    m.addLayer(
      layer,
      beforeId(
        layer.id,
        m.getStyle().layers.map((l) => l.id),
      ),
    );
  }
}

/** Shows only the features whose id is in `fids` (all when null). */
export function showOnly(m: MapLibreMap, fids: Set<string> | null): void {
  for (const [id, base] of BASE_FILTERS) {
    if (!m.getLayer(id)) continue;
    const only = fids ? (['in', ['get', 'fid'], ['literal', [...fids]]] as FilterSpecification) : null;
    const filter = base && only ? (['all', base, only] as FilterSpecification) : (only ?? base ?? null);
    m.setFilter(id, filter);
  }
}

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

export function highlight(m: MapLibreMap, selected: Place | undefined, hovered: Place | undefined): void {
  const features: Feature[] = [];
  if (hovered && hovered !== selected) features.push({ ...hovered.feature, properties: { state: 'hover' } } as Feature);
  if (selected) features.push({ ...selected.feature, properties: { state: 'selected' } } as Feature);
  setOverlayData(m, HIGHLIGHT_SOURCE, { type: 'FeatureCollection', features });
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
  setOverlayData(m, NEAR_SOURCE, data);
}
