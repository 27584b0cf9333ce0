/**
 * The plan layers' map sources. The three layer files are in the style from the start, by URL,
 * so MapLibre's worker fetches and lays them out together with the basemap (one pass to the first
 * complete frame). Their features get their index as map id (`generateId`); `FeatureIndex` maps
 * those back to place ids once the app has the same files.
 */
import type { FeatureCollection } from 'geojson';
import type { FilterSpecification, SourceSpecification } from 'maplibre-gl';
import { PLAN_FILES, type PlanData } from '../data/plan-data.ts';
import { absolute } from '../data/urls.ts';

export type PlanSourceId = keyof typeof PLAN_FILES;
const ATTRIBUTION = '规划图谱 Plan Atlas（规划原文定位）';
export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function planSources(): Record<string, SourceSpecification> {
  const specs: Record<string, SourceSpecification> = {};
  for (const [id, url] of Object.entries(PLAN_FILES))
    specs[id] = { type: 'geojson', data: absolute(url), generateId: true, attribution: ATTRIBUTION };
  return specs;
}

/** Map feature (source + generated id) ↔ place feature id. */
export class FeatureIndex {
  private ids: Record<PlanSourceId, string[]>;

  constructor(data: PlanData) {
    this.ids = {
      'plan-zones': data.zones.features.map((f) => String(f.id)),
      'plan-corridors': data.corridors.features.map((f) => String(f.id)),
      'plan-sites': data.sites.features.map((f) => String(f.id)),
    };
  }

  /** The feature id of a rendered map feature, or null. */
  idOf(f: { source: string; id?: string | number; properties: Record<string, unknown> }): string | null {
    const list = this.ids[f.source as PlanSourceId];
    return list && typeof f.id === 'number' ? (list[f.id] ?? null) : null;
  }

  /** A filter keeping only the features in `fids`, for a layer of `source`. */
  only(source: string, fids: Set<string>): FilterSpecification {
    const list = this.ids[source as PlanSourceId] ?? [];
    const keep = list.flatMap((id, i) => (fids.has(id) ? [i] : []));
    return ['in', ['id'], ['literal', keep]] as FilterSpecification;
  }
}
