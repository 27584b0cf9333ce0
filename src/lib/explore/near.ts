/**
 * True distance from a point to a place's geometry, in metres: to the nearest point of a line or of
 * a polygon's edge, and 0 inside a polygon (a zone you stand in is 0 m away).
 */
import { booleanPointInPolygon, distance, point, pointToLineDistance, lineString } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import type { LocatedPlace } from './catalog.ts';
import { UNCERTAIN_M } from '../contracts/features.ts';
import { zhCompare } from '../i18n/collate.ts';

export type LngLat = [number, number];

function toLine(coords: Position[], p: LngLat): number {
  if (coords.length < 2) return distance(p, coords[0]!, { units: 'meters' });
  return pointToLineDistance(p, lineString(coords), { units: 'meters' });
}

export function distanceTo(g: Geometry, p: LngLat): number {
  switch (g.type) {
    case 'Point':
      return distance(p, g.coordinates, { units: 'meters' });
    case 'MultiPoint':
      return Math.min(...g.coordinates.map((c) => distance(p, c, { units: 'meters' })));
    case 'LineString':
      return toLine(g.coordinates, p);
    case 'MultiLineString':
      return Math.min(...g.coordinates.map((l) => toLine(l, p)));
    case 'Polygon':
      return booleanPointInPolygon(point(p), g) ? 0 : Math.min(...g.coordinates.map((r) => toLine(r, p)));
    case 'MultiPolygon':
      return booleanPointInPolygon(point(p), g) ? 0 : Math.min(...g.coordinates.flat().map((r) => toLine(r, p)));
    case 'GeometryCollection':
      return Math.min(...g.geometries.map((x) => distanceTo(x, p)));
  }
}

export interface NearPlace {
  place: LocatedPlace;
  metres: number;
}

const boxArea = (b: LocatedPlace['bbox']) => (b[2] - b[0]) * (b[3] - b[1]);

export interface Near {
  /** Places located to within UNCERTAIN_M whose geometry is within the radius. */
  located: NearPlace[];
  /** Rough places (precision_m > UNCERTAIN_M) whose circle of uncertainty reaches into the radius. */
  rough: NearPlace[];
}

/**
 * What is planned within `radius` metres of `p`, nearest first. A rough place is listed apart: its
 * distance is to where it is shown, and it may be anywhere within its precision of that. Among places
 * at the same distance (e.g. all those you stand in) the smaller, more specific one comes first: the
 * zone before its district.
 */
export function nearby(places: LocatedPlace[], p: LngLat, radius: number): Near {
  const near: Near = { located: [], rough: [] };
  for (const n of sortNear(places.map((place) => ({ place, metres: distanceTo(place.shape, p) })))) {
    const precision = n.place.precision_m;
    if (precision <= UNCERTAIN_M) {
      if (n.metres <= radius) near.located.push(n);
    } else if (n.metres - precision <= radius) near.rough.push(n);
  }
  return near;
}

function sortNear(list: NearPlace[]): NearPlace[] {
  return list.sort(
    (a, b) =>
      a.metres - b.metres || boxArea(a.place.bbox) - boxArea(b.place.bbox) || zhCompare(a.place.name, b.place.name),
  );
}

export const RADII = [500, 1000, 2000, 3000, 5000] as const;

/** The box of a circle of `radius` metres around `p`. */
export function boxAround(p: LngLat, radius: number): [number, number, number, number] {
  const dLat = radius / 111_320;
  const dLng = dLat / Math.cos((p[1] * Math.PI) / 180);
  return [p[0] - dLng, p[1] - dLat, p[0] + dLng, p[1] + dLat];
}
