/**
 * The extent a feature covers on the map: its geometry's box, and for a point known only to within
 * precision_m, the box of that circle (a rough point covers its uncertainty, not a pin's width).
 * Shared by the pipeline (manifest.json `bbox`, the first view) and the app (framing, in-view tests).
 */
import type { Geometry, Position } from 'geojson';

export type BBox = [number, number, number, number];

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positions);
  }
}

export function featureExtent(f: { geometry: Geometry; properties: { precision_m: number } }): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of positions(f.geometry) as [number, number][]) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  if (f.geometry.type === 'Point') {
    const dLat = f.properties.precision_m / 111_320;
    const dLng = dLat / Math.cos((box[1] * Math.PI) / 180);
    return [box[0] - dLng, box[1] - dLat, box[2] + dLng, box[3] + dLat];
  }
  return box;
}

export const unionBox = (boxes: BBox[]): BBox =>
  boxes.reduce<BBox>(
    (u, b) => [Math.min(u[0], b[0]), Math.min(u[1], b[1]), Math.max(u[2], b[2]), Math.max(u[3], b[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );

/** Rounded outward to 5 decimals (about a metre), for the manifest. */
export const roundBox = (b: BBox): BBox => [
  Math.floor(b[0] * 1e5) / 1e5,
  Math.floor(b[1] * 1e5) / 1e5,
  Math.ceil(b[2] * 1e5) / 1e5,
  Math.ceil(b[3] * 1e5) / 1e5,
];
