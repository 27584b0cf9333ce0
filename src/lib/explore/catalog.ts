/**
 * The places of the plan layers as one flat list: one entry per place, whatever its geometry
 * (a corridor's line and its buffered area are one place). Filters, list, search and near-me all
 * work on this list; the map draws the features behind it.
 */
import type { PlaceFeature, UnlocatedFeature } from '../contracts/features.ts';
import type { PlanData } from '../data/plan-data.ts';
import { featureExtent, unionBox, type BBox } from '../contracts/extent.ts';
import { UNCERTAIN_M } from '../contracts/features.ts';
import { boxAround } from './near.ts';

export { unionBox, type BBox };

export interface LocatedPlace {
  id: string;
  feature: PlaceFeature;
  /** Map feature ids drawn for this place (a corridor's line and buffer). */
  fids: string[];
  bbox: BBox;
}

/** A place the plans name that could not be located: in the list and search, never on the map. */
export interface UnlocatedPlace {
  id: string;
  feature: UnlocatedFeature;
  fids: [];
  bbox: null;
}

export type Place = LocatedPlace | UnlocatedPlace;

export const isLocated = (p: Place): p is LocatedPlace => p.bbox !== null;

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
  for (const f of data.unlocated?.features ?? []) places.push({ id: f.id, feature: f, fids: [], bbox: null });
  return places;
}

/** The map feature ids drawn for these places. */
export const fidsOf = (places: Place[]): Set<string> => new Set(places.flatMap((p) => p.fids));

export const intersects = (a: BBox, b: BBox): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** The area each plan covers (its street or district), as named in plans.json and drawn as an admin feature. */
export function planArea(places: Place[], areaName: string): LocatedPlace | undefined {
  return places.find(
    (p): p is LocatedPlace =>
      isLocated(p) && p.feature.properties.kind === 'admin' && p.feature.properties.name === areaName,
  );
}

/**
 * What to frame when a place is chosen: its extent, and for a place known only roughly (its ring
 * drawn when chosen) the ring too, so that the citizen sees how precisely it is known.
 */
export function revealBox(p: LocatedPlace): BBox {
  const r = p.feature.properties.precision_m;
  if (r <= UNCERTAIN_M) return p.bbox;
  return unionBox([p.bbox, boxAround([(p.bbox[0] + p.bbox[2]) / 2, (p.bbox[1] + p.bbox[3]) / 2], r)]);
}
