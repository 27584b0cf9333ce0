/**
 * The plan layers' map sources. The three layer files are in the style from the start, by URL,
 * so MapLibre's worker fetches and lays them out together with the basemap (one pass to the first
 * complete frame). Their features get their index as map id (`generateId`); `FeatureIndex` maps
 * those back to place ids once the app has the same files.
 *
 * Each file is also the source of its label layer. A filter change hides drawn features by feature
 * state (no re-layout) but must filter labels, whose hidden copies would still take up room; with
 * their own sources, only the labels are laid out again (bench/interaction). Plan labels only show
 * from zoom 11, so their sources get their data from the app when the map first gets there: the
 * overview loads without that work.
 */
import type { FeatureCollection } from 'geojson';
import { pointOnFeature } from '@turf/turf';
import type { FilterSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import { setOverlayData } from './basemap-switch.ts';
import { PLAN_FILES, type PlanData } from '../data/plan-data.ts';
import type { PlaceCollection } from '../contracts/features.ts';
import { absolute } from '../data/urls.ts';

export type PlanSourceId = keyof typeof PLAN_FILES;
// The plan features are placed at bus stops and admin centres: their sources are credited with them.
const ATTRIBUTION = '规划图谱 Plan Atlas（规划原文定位；定位依据 高德公交站 2024、Vonng/adcode 2016 CC-BY 4.0）';
export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export const LABEL_SOURCES: Record<PlanSourceId, string> = {
  'plan-zones': 'plan-zones-labels',
  'plan-corridors': 'plan-corridors-labels',
  'plan-sites': 'plan-sites-labels',
};
const BASE_OF: Record<string, PlanSourceId> = Object.fromEntries(
  Object.entries(LABEL_SOURCES).map(([base, label]) => [label, base as PlanSourceId]),
);
/** The plan file a plan or label source draws. */
export const baseSource = (source: string): PlanSourceId | undefined =>
  source in PLAN_FILES ? (source as PlanSourceId) : BASE_OF[source];

/** `resolve` makes a bundled file's URL absolute (the worker fetches it; tests pass their own). */
export function planSources(resolve: (url: string) => string = absolute): Record<string, SourceSpecification> {
  const specs: Record<string, SourceSpecification> = {};
  for (const [id, url] of Object.entries(PLAN_FILES)) {
    specs[id] = { type: 'geojson', data: resolve(url), generateId: true, attribution: ATTRIBUTION };
    specs[LABEL_SOURCES[id as PlanSourceId]] = { type: 'geojson', data: EMPTY, generateId: true };
  }
  return specs;
}

/** The app's copy of each plan file, by map source (a file that failed to load is empty). */
const collections = (data: PlanData): Record<PlanSourceId, PlaceCollection> => ({
  'plan-zones': data.zones,
  'plan-corridors': data.corridors,
  'plan-sites': data.sites,
});

/** Fills the label sources from the app's data once the map reaches the zoom labels show at. */
export function fillLabelsWhenShown(m: MapLibreMap, data: PlanData, from: number): void {
  const fill = () => {
    for (const [base, fc] of Object.entries(collections(data))) {
      // A zone is labelled once, at a point inside it: a polygon gets a label per tile it spans.
      const labelled =
        base === 'plan-zones'
          ? { ...fc, features: fc.features.map((f) => ({ ...f, geometry: pointOnFeature(f).geometry })) }
          : fc;
      setOverlayData(m, LABEL_SOURCES[base as PlanSourceId], labelled as FeatureCollection);
    }
  };
  // Half a level early, so the labels are laid out by the time they show.
  if (m.getZoom() >= from - 0.5) return fill();
  const onZoom = () => {
    if (m.getZoom() < from - 0.5) return;
    m.off('zoom', onZoom);
    fill();
  };
  m.on('zoom', onZoom);
}

/** Map feature (source + generated id) ↔ place feature id. */
export class FeatureIndex {
  private ids: Record<PlanSourceId, string[]>;

  constructor(data: PlanData) {
    this.ids = Object.fromEntries(
      Object.entries(collections(data)).map(([source, fc]) => [source, fc.features.map((f) => String(f.id))]),
    ) as Record<PlanSourceId, string[]>;
  }

  /** The feature id of a rendered map feature, or null. */
  idOf(f: { source: string; id?: string | number; properties: Record<string, unknown> }): string | null {
    const base = baseSource(f.source);
    const list = base ? this.ids[base] : undefined;
    return list && typeof f.id === 'number' ? (list[f.id] ?? null) : null;
  }

  /** The map ids of a source's features whose place id is in (or, with `out`, not in) `fids`. */
  mapIds(source: string, fids: Set<string>, out = false): number[] {
    const base = baseSource(source);
    const list = base ? this.ids[base] : [];
    return list.flatMap((id, i) => (fids.has(id) !== out ? [i] : []));
  }

  /** A filter keeping only the features in `fids`, for a layer of `source`. */
  only(source: string, fids: Set<string>): FilterSpecification {
    return ['in', ['id'], ['literal', this.mapIds(source, fids)]] as FilterSpecification;
  }
}
