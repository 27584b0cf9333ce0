/**
 * The places of the plan layers as one flat list: one entry per place, whatever its geometry
 * (a corridor's line and its buffered area are one place). Filters, list, search and near-me all
 * work on this list; the map draws the features behind it.
 */
import type { PlaceFeature } from '../contracts/features.ts';
import type { PlanData } from '../data/plan-data.ts';
import { featureExtent, unionBox, type BBox } from '../contracts/extent.ts';

export { unionBox, type BBox };

export interface Place {
  id: string;
  feature: PlaceFeature;
  /** Map feature ids drawn for this place (a corridor's line and buffer). */
  fids: string[];
  bbox: BBox;
}

export function buildCatalog(data: PlanData): Place[] {
  const places: Place[] = [];
  const buffers = new Map<string, PlaceFeature>();
  for (const f of data.corridors.features)
    if (f.properties.role === 'buffer') buffers.set(f.id.replace(/-buffer$/, ''), f);
  for (const f of [...data.zones.features, ...data.corridors.features, ...data.sites.features]) {
    if (f.properties.role === 'buffer') continue;
    const buffer = buffers.get(f.id);
    places.push({
      id: f.id,
      feature: f,
      fids: buffer ? [f.id, buffer.id] : [f.id],
      bbox: buffer ? unionBox([featureExtent(f), featureExtent(buffer)]) : featureExtent(f),
    });
  }
  return places;
}

/** The map feature ids drawn for these places. */
export const fidsOf = (places: Place[]): Set<string> => new Set(places.flatMap((p) => p.fids));

export const intersects = (a: BBox, b: BBox): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** The area each plan covers (its street or district), as named in plans.json and drawn as an admin feature. */
export function planArea(places: Place[], areaName: string): Place | undefined {
  return places.find((p) => p.feature.properties.kind === 'admin' && p.feature.properties.name === areaName);
}
