/**
 * Many geometries as flat typed arrays, built once per catalog: the coordinates in one array and
 * the parts (points, lines, polygon rings) as ranges of it. Measuring every place of a large
 * catalog from a new centre is then one tight loop over numbers (flat-distance.ts), not a walk
 * through tens of thousands of nested GeoJSON arrays.
 */
import type { Geometry, Position } from 'geojson';

/** What a part is: points (each measured alone), a line, or a polygon's outer ring or hole. */
export const Part = {
  Points: 0,
  Line: 1,
  /** Starts a polygon: the holes that follow it belong to it. */
  Outer: 2,
  Hole: 3,
} as const;
type PartKind = (typeof Part)[keyof typeof Part];

/** Calls `part` for each part of `g`, in order. */
function forEachPart(g: Geometry, part: (coords: readonly Position[], kind: PartKind) => void): void {
  const polygon = (rings: readonly Position[][]) => rings.forEach((r, k) => part(r, k ? Part.Hole : Part.Outer));
  switch (g.type) {
    case 'Point':
      return part([g.coordinates], Part.Points);
    case 'MultiPoint':
      return part(g.coordinates, Part.Points);
    case 'LineString':
      return part(g.coordinates, Part.Line);
    case 'MultiLineString':
      return g.coordinates.forEach((l) => part(l, Part.Line));
    case 'Polygon':
      return polygon(g.coordinates);
    case 'MultiPolygon':
      return g.coordinates.forEach(polygon);
    case 'GeometryCollection':
      return g.geometries.forEach((x) => forEachPart(x, part));
  }
}

export class FlatShapes {
  /** lng, lat, lng, lat … of every part of every shape. */
  readonly xy: Float64Array;
  /** Per part, where its vertices end (in vertices: a part runs from the previous end). */
  readonly partEnd: Uint32Array;
  readonly partKind: Uint8Array;
  /** Per shape, where its parts end; a shape that is null has no parts. */
  readonly shapeEnd: Uint32Array;

  constructor(shapes: readonly (Geometry | null | undefined)[]) {
    // Counted first, then written straight into arrays of the right size.
    let vertices = 0;
    let parts = 0;
    const count = (coords: readonly Position[]) => {
      vertices += coords.length;
      parts++;
    };
    for (const g of shapes) if (g) forEachPart(g, count);
    this.xy = new Float64Array(2 * vertices);
    this.partEnd = new Uint32Array(parts);
    this.partKind = new Uint8Array(parts);
    this.shapeEnd = new Uint32Array(shapes.length);
    let v = 0;
    let p = 0;
    const write = (coords: readonly Position[], kind: PartKind) => {
      for (const c of coords) {
        this.xy[2 * v] = c[0]!;
        this.xy[2 * v + 1] = c[1]!;
        v++;
      }
      this.partEnd[p] = v;
      this.partKind[p++] = kind;
    };
    shapes.forEach((g, i) => {
      if (g) forEachPart(g, write);
      this.shapeEnd[i] = p;
    });
  }
}
