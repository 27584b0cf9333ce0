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
import { forEachChanged, fullBits, hasBit, type Bits } from '../explore/bitset.ts';
import { TILE_LAYERS, type TileLayer } from '../contracts/tiles.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const LABELS = planLayers()
  .filter((l) => l.type === 'symbol')
  .map((l) => ({ id: l.id, filter: 'filter' in l ? l.filter : undefined }));

/** What each map was last told to show: the catalog, and the places shown (null: all). */
const shownBy = new WeakMap<MapLibreMap, { places: readonly Place[]; shown: Bits; labelsHidden: boolean }>();
/**
 * Per catalog, worked out once: the index of the place each map feature id belongs to, and the tile
 * layer each place's features are in (null: not located). A filter change at a hundred times the
 * corpus sets state for tens of thousands of features: nothing else is worked out per feature then.
 */
interface FeatureIndex {
  placeOf: Map<string, number>;
  layerOf: (TileLayer | null)[];
}
const featureIndexes = new WeakMap<readonly Place[], FeatureIndex>();

function featureIndex(places: readonly Place[]): FeatureIndex {
  let index = featureIndexes.get(places);
  if (!index) {
    const placeOf = new Map<string, number>();
    places.forEach((p, i) => p.fids.forEach((id) => placeOf.set(id, i)));
    index = { placeOf, layerOf: places.map((p) => (isLocated(p) ? tileLayerOf(p) : null)) };
    featureIndexes.set(places, index);
  }
  return index;
}

/** The states set (MapLibre copies them). */
const HIDDEN = { hidden: true };
const SHOWN = { hidden: false };

/**
 * Shows only the places in `shown` (all when null): the features of the others are hidden by
 * feature state, which shows at the next frame with no re-layout. Feature state needs no tile to be
 * loaded: a tile that arrives later is drawn with it. Only the places whose state changes are
 * touched (the words of the two bitsets that differ), so a filter change costs what it changes, not
 * the size of the catalog: at a hundred times the corpus, tens of thousands of calls are most of it.
 *
 * Labels are left out by their layers' filter (`filterLabels`), which takes a re-layout; until then
 * the labels already laid out are hidden by state too. Only those: the labels of tiles not loaded
 * yet are laid out with the filter, so their state is cleared and set again for the loaded ones.
 */
export function hideFiltered(m: MapLibreMap, places: readonly Place[], shown: Bits | null): void {
  const setter = (places: readonly Place[]) => {
    const { layerOf } = featureIndex(places);
    return (i: number, on: boolean) => {
      const sourceLayer = layerOf[i];
      if (!sourceLayer) return;
      for (const id of places[i]!.fids)
        m.setFeatureState({ source: PLAN_SOURCE, sourceLayer, id }, on ? SHOWN : HIDDEN);
    };
  };
  const before = shownBy.get(m);
  // A new catalog: the old one's hidden places are shown again first.
  if (before && before.places !== places)
    forEachChanged(before.shown, fullBits(before.places.length), setter(before.places));
  const now = shown ?? fullBits(places.length);
  const was = before?.places === places ? before.shown : fullBits(places.length);
  forEachChanged(was, now, setter(places));

  // (A map with nothing to change is not touched: feature state marks it as loading until redrawn.)
  let labelsHidden = false;
  if (m.getSource(LABEL_SOURCE) && (shown || before?.labelsHidden)) {
    const at = featureIndex(places).placeOf;
    for (const sourceLayer of TILE_LAYERS) {
      if (before?.labelsHidden) m.removeFeatureState({ source: LABEL_SOURCE, sourceLayer });
      if (shown)
        for (const f of m.querySourceFeatures(LABEL_SOURCE, { sourceLayer })) {
          const i = at.get(String(f.id));
          if (i === undefined || hasBit(now, i)) continue;
          m.setFeatureState({ source: LABEL_SOURCE, sourceLayer, id: f.id! }, HIDDEN);
          labelsHidden = true;
        }
    }
  }
  shownBy.set(m, { places, shown: now, labelsHidden });
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
