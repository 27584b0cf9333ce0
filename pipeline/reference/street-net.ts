/**
 * The offline basemap's street layer, from what the reference data has: the bus route traces (real
 * roads, 2018) drawn once where several lines share a road, and the names the geocoder attaches to
 * the stretches between stops named after a road. The OSM main roads are drawn from roads.geojson.
 */
import { simplify, truncate } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import type { Reference } from '../stages/reference.ts';
import { buildCityIndex } from '../geocode/city-index.ts';
import { Roads, metres } from '../geocode/roads.ts';

/** A trace vertex within this of one already drawn lies on the same road (traces are quantised at 1e-4°). */
const SAME_ROAD_M = 25;
/** Cells of about 25 m, so that "drawn near here" is a lookup of the 3×3 cells around a point. */
const CELL = 1 / 4000;
/** Points are sampled along each segment at this spacing when marking what is drawn. */
const STEP_M = 10;

class Drawn {
  #cells = new Set<string>();
  #key = (x: number, y: number) => `${Math.floor(x / CELL)}:${Math.floor(y / CELL)}`;
  near(p: Position): boolean {
    const cx = Math.floor(p[0]! / CELL);
    const cy = Math.floor(p[1]! / CELL);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) if (this.#cells.has(`${cx + dx}:${cy + dy}`)) return true;
    return false;
  }
  mark(line: Position[]): void {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!;
      const b = line[i]!;
      const n = Math.max(1, Math.ceil(metres(a, b) / STEP_M));
      for (let k = 0; k <= n; k++)
        this.#cells.add(this.#key(a[0]! + ((b[0]! - a[0]!) * k) / n, a[1]! + ((b[1]! - a[1]!) * k) / n));
    }
  }
}

/** The parts of `line` not yet drawn: runs of vertices away from every drawn line, joined to their neighbours. */
function undrawn(line: Position[], drawn: Drawn): Position[][] {
  const runs: Position[][] = [];
  let run: Position[] = [];
  line.forEach((p, i) => {
    if (!drawn.near(p)) {
      if (run.length === 0 && i > 0) run.push(line[i - 1]!);
      run.push(p);
    } else if (run.length) {
      run.push(p);
      runs.push(run);
      run = [];
    }
  });
  if (run.length) runs.push(run);
  return runs.filter((r) => r.length >= 2 && metres(r[0]!, r[r.length - 1]!) >= SAME_ROAD_M);
}

export const STREET_NET_FILE = 'data/reference/street-net.geojson';

export type StreetFeature =
  Feature<LineString, { kind: 'trace' }> | Feature<MultiLineString, { kind: 'named'; name: string }>;

export function streetNet(ref: Reference): FeatureCollection<LineString | MultiLineString> {
  const drawn = new Drawn();
  const out: StreetFeature[] = [];
  // The main roads are drawn already; a trace along one adds nothing.
  for (const r of ref.roads) {
    const g = r.geometry;
    const parts = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
    parts.forEach((p) => drawn.mark(p));
  }
  for (const t of ref.traces) {
    const line = simplify(t, { tolerance: 0.0001, highQuality: true }).geometry.coordinates;
    for (const run of undrawn(line, drawn)) {
      drawn.mark(run);
      out.push({ type: 'Feature', properties: { kind: 'trace' }, geometry: { type: 'LineString', coordinates: run } });
    }
  }
  // Names: the stretches the geocoder finds between stops named after a road (not the OSM roads, labelled already).
  const index = buildCityIndex(ref);
  const roads = new Roads(ref, index);
  const osm = new Set(ref.roads.map((r) => r.properties.name));
  for (const p of index.places) {
    if (p.kind !== 'road' || osm.has(p.name)) continue;
    const fix = roads.road(p.name, null);
    if (!fix || fix.method !== 'road-traces' || fix.geometry.type !== 'MultiLineString') continue;
    out.push({
      type: 'Feature',
      properties: { kind: 'named', name: p.name },
      geometry: simplify({ type: 'Feature', properties: {}, geometry: fix.geometry }, { tolerance: 0.00005 })
        .geometry as MultiLineString,
    });
  }
  return truncate({ type: 'FeatureCollection', features: out }, { precision: 5, coordinates: 2 }) as FeatureCollection<
    LineString | MultiLineString
  >;
}
