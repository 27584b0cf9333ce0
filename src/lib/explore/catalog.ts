/**
 * The places of the plan layers as one flat list: one entry per place, whatever its geometry
 * (a corridor's line and its buffered area are one place). Filters, list, search and near-me all
 * work on this list; the map draws the features behind it.
 */
import { bbox } from '@turf/turf';
import type { PlaceFeature } from '../contracts/features.ts';
import type { PlanData } from '../data/plan-data.ts';

export type BBox = [number, number, number, number];

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
      bbox: padBox(bbox(buffer ?? f) as BBox, f),
    });
  }
  return places;
}

/** A point known only to within precision_m covers that radius, not a pin's width. */
function padBox(b: BBox, f: PlaceFeature): BBox {
  if (f.geometry.type !== 'Point') return b;
  const dLat = f.properties.precision_m / 111_320;
  const dLng = dLat / Math.cos((b[1] * Math.PI) / 180);
  return [b[0] - dLng, b[1] - dLat, b[2] + dLng, b[3] + dLat];
}

/** The map feature ids drawn for these places. */
export const fidsOf = (places: Place[]): Set<string> => new Set(places.flatMap((p) => p.fids));

export const unionBox = (boxes: BBox[]): BBox =>
  boxes.reduce<BBox>(
    (u, b) => [Math.min(u[0], b[0]), Math.min(u[1], b[1]), Math.max(u[2], b[2]), Math.max(u[3], b[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );

export const intersects = (a: BBox, b: BBox): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** The area each plan covers (its street or district), as named in plans.json and drawn as an admin feature. */
export function planArea(places: Place[], areaName: string): Place | undefined {
  return places.find((p) => p.feature.properties.kind === 'admin' && p.feature.properties.name === areaName);
}
