/**
 * Road geometry from what the reference data has: the OSM main roads where they carry the name;
 * otherwise the bus route traces (real roads, 2018) between consecutive stops of one line that are
 * both named after the road. The crossing of two roads comes from the stops named after both, or
 * from where their geometries meet.
 */
import {
  lineIntersect,
  booleanPointInPolygon,
  buffer,
  convex,
  featureCollection,
  length,
  lineString,
  nearestPointOnLine,
  point,
} from '@turf/turf';
import type { Feature, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { Reference } from '../stages/reference.ts';
import type { CityIndex } from './city-index.ts';
import type { Evidence } from '../../src/lib/contracts/features.ts';
import { methodSaid, said } from './evidence.ts';

/** A corner of a zone: where two of its roads cross, and how that is known. */
export interface Corner {
  at: Position;
  precision_m: number;
  evidence: Evidence;
}

/** Metres between two WGS-84 positions (equirectangular; exact enough below 50 km). */
export function metres(a: Position, b: Position): number {
  const k = Math.cos((((a[1]! + b[1]!) / 2) * Math.PI) / 180);
  return Math.hypot((a[0]! - b[0]!) * 111_320 * k, (a[1]! - b[1]!) * 110_574);
}

/**
 * Claimed radii of road geometry (calibrated by `npm run eval`): OSM lines; pieces of bus route
 * traces between stops named after the road (a trace may leave the road between two stops); and a
 * point among the road's stops, whose radius must reach the parts of the road no stop names.
 * `length` is what a road may run beyond the stretch its stops show: the median span of the stops
 * named after one road, over the 21 roads with 4 or more such stops, is 2.5 km (bus-stops.geojson).
 */
export const ROAD_PRECISION = { osm: 50, traces: 250, stopsExtra: 1000, length: 2500 } as const;

/** The largest distance between two vertices of `parts`. */
function span(parts: Position[][]): number {
  const all = parts.flat();
  let m = 0;
  for (const a of all) for (const b of all) m = Math.max(m, metres(a, b));
  return m;
}

export interface RoadFix {
  geometry: MultiLineString | Point;
  method: 'road-osm' | 'road-traces' | 'road-stops';
  precision_m: number;
  evidence: Evidence[];
}

type Area = Feature<Polygon | MultiPolygon> | null;

/** A grid of trace vertices, so that "the traces passing near a point" is a lookup. */
class TraceGrid {
  #cells = new Map<string, [number, number][]>();
  constructor(readonly traces: Position[][]) {
    traces.forEach((t, ti) =>
      t.forEach((p, vi) => {
        const k = this.#key(p[0]!, p[1]!);
        const list = this.#cells.get(k) ?? [];
        list.push([ti, vi]);
        this.#cells.set(k, list);
      }),
    );
  }
  #key = (x: number, y: number) => `${Math.floor(x * 500)}:${Math.floor(y * 500)}`;
  /** For each trace passing within `m` metres: its nearest vertex. */
  near(p: Position, m: number): Map<number, number> {
    const out = new Map<number, [number, number]>();
    const cx = Math.floor(p[0]! * 500);
    const cy = Math.floor(p[1]! * 500);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const [ti, vi] of this.#cells.get(`${cx + dx}:${cy + dy}`) ?? []) {
          const d = metres(p, this.traces[ti]![vi]!);
          if (d <= m && d < (out.get(ti)?.[1] ?? Infinity)) out.set(ti, [vi, d]);
        }
    return new Map([...out].map(([t, [v]]) => [t, v]));
  }
}

export class Roads {
  #grid: TraceGrid;
  #cache = new Map<string, RoadFix | null>();
  constructor(
    private r: Reference,
    private index: CityIndex,
  ) {
    this.#grid = new TraceGrid(r.traces.map((t) => t.geometry.coordinates));
  }

  /** The geometry of road `name`, limited to `area` (the plan's area, buffered) when given. */
  #areaIds = new WeakMap<object, number>();
  #areas = 0;
  /** The geometry of road `name`, limited to `area` (the plan's area, grown) when given. */
  road(name: string, area: Area): RoadFix | null {
    let id = area ? this.#areaIds.get(area) : 0;
    if (id === undefined) this.#areaIds.set(area!, (id = ++this.#areas));
    const key = `${name}|${id}`;
    if (!this.#cache.has(key)) this.#cache.set(key, this.#road(name, area));
    return this.#cache.get(key)!;
  }

  #inside(p: Position, area: Area): boolean {
    return !area || booleanPointInPolygon(p, area);
  }

  #road(name: string, area: Area): RoadFix | null {
    const osm = this.r.roads.filter((x) => x.properties.name === name);
    const osmParts: Position[][] = osm
      .flatMap((f) =>
        f.geometry.type === 'MultiLineString'
          ? f.geometry.coordinates
          : f.geometry.type === 'LineString'
            ? [f.geometry.coordinates]
            : [],
      )
      .filter((part) => part.some((p) => this.#inside(p, area)));
    if (osmParts.length)
      return {
        geometry: { type: 'MultiLineString', coordinates: osmParts },
        method: 'road-osm',
        precision_m: ROAD_PRECISION.osm,
        evidence: [
          said(
            `OpenStreetMap 主要道路“${name}”（data/reference/roads.geojson），取规划范围内的路段`,
            `OpenStreetMap main road "${name}" (data/reference/roads.geojson), the parts within the plan's area`,
            { dataset: 'data/reference/roads.geojson', feature: name },
          ),
        ],
      };
    const named = (stop: string) => (this.index.roadsInStop.get(stop) ?? []).includes(name);
    const segments: Position[][] = [];
    const seen = new Set<string>();
    const stops: Position[] = [];
    let traced = 0;
    for (const list of Object.values(this.r.busLines)) {
      for (let i = 0; i < list.length; i++) {
        const [n, x, y] = list[i]!;
        if (!named(n) || !this.#inside([x, y], area)) continue;
        stops.push([x, y]);
        const next = list[i + 1];
        if (!next || !named(next[0]) || !this.#inside([next[1], next[2]], area)) continue;
        const a: Position = [x, y];
        const b: Position = [next[1], next[2]];
        const id = [a.join(), b.join()].sort().join('|');
        if (seen.has(id)) continue;
        seen.add(id);
        const straight = metres(a, b);
        if (straight < 30 || straight > 2500) continue;
        const seg = this.#traceBetween(a, b, straight);
        if (seg) {
          segments.push(seg);
          traced++;
        } else if (straight <= 800) segments.push([a, b]);
      }
    }
    for (const st of this.r.stops)
      if (named(st.properties.name) && this.#inside(st.geometry.coordinates, area)) stops.push(st.geometry.coordinates);
    // Stops of the road not joined by a line: a trace that runs straight from one to its nearest others.
    const unique = [...new Map(stops.map((st) => [st.join(), st])).values()];
    for (const a of unique) {
      const others = unique
        .filter((b) => b !== a)
        .map((b) => ({ b, d: metres(a, b) }))
        .filter((x) => x.d > 100 && x.d < 3000)
        .sort((x, y) => x.d - y.d)
        .slice(0, 2);
      for (const { b, d } of others) {
        const id = [a.join(), b.join()].sort().join('|');
        if (seen.has(id)) continue;
        seen.add(id);
        const seg = this.#traceBetween(a, b, d, 1.3);
        if (seg) {
          segments.push(seg);
          traced++;
        }
      }
    }
    // Stops named after the road that no piece reaches: the radius grows to take them in.
    const reach = (p: Position) => Math.min(...segments.flat().map((q) => metres(p, q)));
    const far = segments.length ? Math.max(0, ...unique.map(reach)) : 0;
    if (segments.length)
      return {
        geometry: { type: 'MultiLineString', coordinates: segments },
        method: 'road-traces',
        precision_m:
          Math.ceil(Math.max(ROAD_PRECISION.traces, far + 150, ROAD_PRECISION.length - span(segments)) / 50) * 50,
        evidence: [
          said(
            `以${name}命名的公交站之间的${segments.length}段（公交站与公交线路站序，高德地图 2024）` +
              (traced ? `；其中${traced}段沿公交线路轨迹（公交线路轨迹，2018年）` : '') +
              (traced < segments.length ? `；${segments.length - traced}段为相距不超过800米的站点间直线` : '') +
              `；道路可能延伸到站点所示路段之外，因此半径涵盖最多${ROAD_PRECISION.length}米的道路`,
            `${segments.length} pieces between bus stops named after ${name} (data/reference/bus-stops.geojson, bus-lines.json: AMap 2024)` +
              (traced ? `; ${traced} follow the bus route traces (data/reference/bus-traces.geojson, 2018)` : '') +
              (traced < segments.length
                ? `; ${segments.length - traced} straight between stops at most 800 m apart`
                : '') +
              `; the road may run on beyond the stretch its stops show, so the radius takes in up to ${ROAD_PRECISION.length} m of road`,
            { dataset: 'data/reference/bus-stops.geojson' },
          ),
        ],
      };
    if (unique.length === 0) return null;
    const c: Position = [
      unique.reduce((s, p) => s + p[0]!, 0) / unique.length,
      unique.reduce((s, p) => s + p[1]!, 0) / unique.length,
    ];
    const spread = Math.max(...unique.map((p) => metres(p, c)));
    return {
      geometry: { type: 'Point', coordinates: c },
      method: 'road-stops',
      precision_m: Math.round(spread + ROAD_PRECISION.stopsExtra),
      evidence: [
        said(
          `以${name}命名的${unique.length}个公交站的平均位置（data/reference/bus-stops.geojson）；没有线路连接其中两站`,
          `the mean of ${unique.length} bus stop(s) named after ${name} (data/reference/bus-stops.geojson); no line runs between two of them`,
          { dataset: 'data/reference/bus-stops.geojson' },
          Math.round(spread),
        ),
      ],
    };
  }

  /** The piece of a route trace from near `a` to near `b`, if one runs there without detour. */
  #traceBetween(a: Position, b: Position, straight: number, detour = 1.5): Position[] | null {
    const na = this.#grid.near(a, 90);
    const nb = this.#grid.near(b, 90);
    let best: Position[] | null = null;
    let bestLen = Infinity;
    for (const [t, va] of na) {
      const vb = nb.get(t);
      if (vb === undefined || va === vb) continue;
      const coords = this.#grid.traces[t]!;
      const piece = va < vb ? coords.slice(va, vb + 1) : coords.slice(vb, va + 1).reverse();
      const len = length(lineString(piece), { units: 'meters' });
      if (len <= straight * detour + 100 && len < bestLen) {
        best = piece;
        bestLen = len;
      }
    }
    return best;
  }

  /** Where roads `a` and `b` cross: the stops named after both, or where their lines meet. */
  crossing(a: string, b: string, area: Area): Corner | null {
    const both = this.r.stops.filter((s) => {
      const t = this.index.roadsInStop.get(s.properties.name) ?? [];
      return t.includes(a) && t.includes(b) && this.#inside(s.geometry.coordinates, area);
    });
    if (both.length) {
      const c: Position = [
        both.reduce((s, p) => s + p.geometry.coordinates[0]!, 0) / both.length,
        both.reduce((s, p) => s + p.geometry.coordinates[1]!, 0) / both.length,
      ];
      const spread = Math.max(...both.map((s) => metres(s.geometry.coordinates, c)));
      if (spread < 400)
        return {
          at: c,
          precision_m: Math.max(150, Math.ceil((spread + 50) / 10) * 10),
          evidence: said(
            `公交站${[...new Set(both.map((s) => s.properties.name))].join('、')}，以这两条道路命名（data/reference/bus-stops.geojson）`,
            `bus stop(s) ${[...new Set(both.map((s) => s.properties.name))].join(', ')}, named after both roads (data/reference/bus-stops.geojson)`,
            { dataset: 'data/reference/bus-stops.geojson', feature: both[0]!.properties.name },
            Math.round(spread),
          ),
        };
    }
    const ra = this.road(a, area);
    const rb = this.road(b, area);
    if (ra?.geometry.type !== 'MultiLineString' || rb?.geometry.type !== 'MultiLineString') return null;
    const precision_m = Math.max(ra.precision_m, rb.precision_m) + 50;
    // Where the lines cross (between vertices as often as at one). Two roads that cross more than
    // once, far apart (a ring road), do not make one corner.
    const hits = lineIntersect(ra.geometry, rb.geometry).features.map((f) => f.geometry.coordinates);
    if (hits.length && hits.every((h) => metres(h, hits[0]!) < 300))
      return {
        at: [hits.reduce((s, h) => s + h[0]!, 0) / hits.length, hits.reduce((s, h) => s + h[1]!, 0) / hits.length],
        precision_m,
        evidence: said(
          `${a}与${b}两线相交处（${methodSaid(ra.method).zh}；${methodSaid(rb.method).zh}）`,
          `where the lines of ${a} and ${b} cross (${methodSaid(ra.method).en}; ${methodSaid(rb.method).en})`,
        ),
      };
    if (hits.length) return null;
    // Lines that stop short of each other (a road drawn only along its stops, an OSM way cut short at
    // the junction): their nearest approach.
    let best: { at: Position; d: number } | null = null;
    for (const pa of ra.geometry.coordinates)
      for (const p of pa)
        for (const pb of rb.geometry.coordinates) {
          if (pb.length < 2) continue;
          const q = nearestPointOnLine(lineString(pb), point(p), { units: 'meters' });
          const d = q.properties.dist ?? Infinity;
          if (d < (best?.d ?? Infinity)) best = { at: q.geometry.coordinates, d };
        }
    // (The gap between them counts against the corner's precision.)
    if (!best || best.d > 150) return null;
    return {
      at: best.at,
      precision_m: precision_m + Math.ceil(best.d / 10) * 10,
      evidence: said(
        `${a}与${b}两线最接近处，相距${Math.round(best.d)}米（${methodSaid(ra.method).zh}；${methodSaid(rb.method).zh}）`,
        `where the lines of ${a} and ${b} meet, ${Math.round(best.d)} m apart (${methodSaid(ra.method).en}; ${methodSaid(rb.method).en})`,
        undefined,
        Math.round(best.d),
      ),
    };
  }
}

/** A zone "以A、B、C…围合": the hull of the crossings of consecutive roads, every one of them located. */
export function enclosureOf(
  roads: Roads,
  names: string[],
  area: Area,
): { hull: Polygon; corners: Corner[] } | { missing: string[] } {
  const corners: Corner[] = [];
  const missing: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const [a, b] = [names[i]!, names[(i + 1) % names.length]!];
    const c = roads.crossing(a, b, area);
    if (c) corners.push(c);
    else missing.push(`${a}×${b}`);
  }
  // Every corner, or the hull may be a fraction of the zone.
  if (missing.length || corners.length < 3) return { missing: missing.length ? missing : ['fewer than 3 corners'] };
  const hull = convex(featureCollection(corners.map((c) => point(c.at))));
  if (!hull) return { missing: ['its corners are in one line'] };
  return { hull: hull.geometry, corners };
}

/** The plan's area as one polygon, grown by `m` metres (a road on the boundary belongs to both sides). */
export function grow(area: Feature<Polygon | MultiPolygon>, m: number): Feature<Polygon | MultiPolygon> {
  return buffer(area, m, { units: 'meters', steps: 4 }) as Feature<Polygon | MultiPolygon>;
}
