/**
 * The places of the plan layers as one flat list, from the place index: one entry per place,
 * whatever its geometry (a corridor's line and its buffered area are one place). Filters, list,
 * search and near-me all work on this list; the map draws the features behind it from its tiles.
 */
import type { Geometry } from 'geojson';
import type { PlaceSummary } from '../contracts/places.ts';
import type { TileLayer } from '../contracts/tiles.ts';
import { unionBox, type BBox } from '../contracts/extent.ts';
import { UNCERTAIN_M } from '../contracts/features.ts';
import { boxAround } from './near.ts';

export { unionBox, type BBox };

export type Place = PlaceSummary & {
  /** Map feature ids drawn for this place (a corridor's line and buffer; none when not located). */
  fids: string[];
};

export type LocatedPlace = Place & { bbox: BBox; shape: Geometry; precision_m: number };

export const isLocated = (p: Place): p is LocatedPlace => p.bbox !== null;

export function buildCatalog(index: PlaceSummary[]): Place[] {
  return index.map((s) => ({
    ...s,
    fids: s.bbox === null ? [] : s.buffer ? [s.id, `${s.id}-buffer`] : [s.id],
  }));
}

/** The tile layer a place's features are in, by the geometry of its shape. */
export function tileLayerOf(p: LocatedPlace): TileLayer {
  const t = p.shape.type;
  return t === 'Point' || t === 'MultiPoint' ? 'sites' : t.includes('Polygon') ? 'zones' : 'corridors';
}

export const intersects = (a: BBox, b: BBox): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** The area each plan covers (its street or district), as named in plans.json and drawn as an admin feature. */
export function planArea(places: Place[], areaName: string): LocatedPlace | undefined {
  return places.find((p): p is LocatedPlace => isLocated(p) && p.kind === 'admin' && p.name === areaName);
}

/**
 * What to frame when a place is chosen: its extent, and for a place known only roughly (its ring
 * drawn when chosen) the ring too, so that the citizen sees how precisely it is known.
 */
export function revealBox(p: LocatedPlace): BBox {
  const r = p.precision_m;
  if (r <= UNCERTAIN_M) return p.bbox;
  return unionBox([p.bbox, boxAround([(p.bbox[0] + p.bbox[2]) / 2, (p.bbox[1] + p.bbox[3]) / 2], r)]);
}
