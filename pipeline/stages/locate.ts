/**
 * Stage "locate": a gazetteer entry's geometry spec → WGS-84 geometry, using only reference data.
 * Corridors get their line (cut to the stated length) and a buffered polygon.
 */
import {
  along,
  buffer,
  centroid,
  featureCollection,
  length,
  lineSlice,
  lineString,
  nearestPointOnLine,
  point,
  pointToLineDistance,
  polygon,
  rewind,
  truncate,
  flatten,
  booleanPointInPolygon,
  coordAll,
} from '@turf/turf';
import type { Feature, LineString, MultiLineString, Polygon, MultiPolygon, Geometry, Position } from 'geojson';
import type { GazetteerEntry, PositionRef } from '../../src/lib/contracts/gazetteer.ts';
import type { Bilingual } from '../../src/lib/contracts/features.ts';
import type { Reference } from './reference.ts';
import { enclosureOf, type Roads } from '../geocode/roads.ts';
import { PipelineError } from '../errors.ts';

export interface Located {
  main: Geometry;
  /** A corridor's buffered area. */
  area?: Polygon | MultiPolygon;
  measured: { length_km?: number; area_km2?: number };
  /** Stated figures the geometry was made to match (so a size check of them proves nothing). */
  fitted?: ('length_km' | 'area_km2')[];
  /** A radius the recipe derived (a place within a zone: to the zone's farthest point). */
  radius_m?: number;
  /** Built by the entry's fallback recipe, because its own could not be built (why). */
  fallback?: { why: Bilingual; precision_m: number; evidence: Bilingual[] };
}

/** What recipes built on other places need: road crossings, and the other curated entries. */
export interface LocateContext {
  roads: Roads;
  curated: GazetteerEntry[];
  located: Map<string, Located>;
}

/** The reference data cannot build this entry (not a fault of the entry): it is resolved afresh. */
export class LocateMiss extends Error {
  constructor(readonly said: Bilingual) {
    super(said.en);
  }
}

function fail(e: GazetteerEntry, msg: string): never {
  throw new PipelineError(`gazetteer entry "${e.id}" (${e.name}): ${msg}`);
}

export function position(ref: PositionRef, e: GazetteerEntry, r: Reference): Position {
  if ('lnglat' in ref) {
    if (!ref.note) fail(e, 'a coordinate needs a note saying what it rests on');
    return ref.lnglat;
  }
  const find = <T extends Feature>(list: T[], name: string, what: string) => {
    const f = list.find((x) => x.properties?.name === name);
    if (!f) fail(e, `${what} "${name}" not found in the reference data`);
    return (f.geometry as { coordinates: Position }).coordinates;
  };
  if ('stop' in ref) return find(r.stops, ref.stop, 'bus stop');
  if ('station' in ref) return find(r.stations, ref.station, 'metro station');
  return find(r.centres, ref.centre, 'admin centre');
}

function lineOf(g: Geometry): Feature<LineString>[] {
  return flatten({ type: 'Feature', properties: {}, geometry: g } as Feature<LineString | MultiLineString>)
    .features as Feature<LineString>[];
}

/** The longest part, or the parts joined end to end when they touch. */
function longestPart(g: Geometry): Feature<LineString> {
  return lineOf(g).sort((a, b) => length(b) - length(a))[0]!;
}

function cut(line: Feature<LineString>, km: number | undefined): Feature<LineString> {
  // Cutting to the stated length makes the length check agree by construction: see fittedOf.
  if (!km || length(line) <= km) return line;
  return lineSlice(line.geometry.coordinates[0]!, along(line, km), line);
}

function corridorArea(
  e: GazetteerEntry,
  line: Feature<LineString>,
  spec: { buffer_from_area?: boolean; buffer_m?: number },
) {
  let half = spec.buffer_m;
  if (spec.buffer_from_area) {
    const { area_km2, length_km } = e.figures ?? {};
    if (!area_km2 || !length_km) fail(e, 'buffer_from_area needs figures.area_km2 and figures.length_km');
    half = ((area_km2 / length_km) * 1000) / 2;
  }
  if (!half) return undefined;
  return buffer(line, half, { units: 'meters', steps: 8 })!.geometry as Polygon | MultiPolygon;
}

export function locate(e: GazetteerEntry, r: Reference, ctx?: LocateContext): Located {
  const g = e.geometry;
  switch (g.type) {
    case 'enclosure': {
      if (!ctx || !e.enclosed_by) fail(e, 'an enclosure needs enclosed_by roads');
      const built = enclosureOf(ctx.roads, e.enclosed_by, null);
      if ('missing' in built)
        throw new LocateMiss({
          zh: `其围合道路的交口未能全部定位（缺 ${built.missing.join('、')}）`,
          en: `its roads' crossings are not all known (missing ${built.missing.join(', ')})`,
        });
      const hull = { type: 'Feature', properties: {}, geometry: built.hull } as Feature<Polygon>;
      return { main: truncate(hull, { precision: 6 }).geometry, measured: {} };
    }
    case 'within': {
      if (!ctx) fail(e, 'a place within a zone needs the zone');
      const zone = ctx.curated.find((x) => x.id === g.entry);
      if (!zone) fail(e, `zone "${g.entry}" is not in the gazetteer`);
      let loc = ctx.located.get(zone.id);
      if (!loc) ctx.located.set(zone.id, (loc = locate(zone, r, ctx)));
      const c = centroid(loc.main).geometry.coordinates;
      const far = Math.max(...coordAll(loc.main as unknown as Feature).map((xy) => metres(c, xy)));
      return { main: point(c).geometry, measured: {}, radius_m: Math.ceil(far / 50) * 50 };
    }
    case 'point':
      return { main: point(position(g.at, e, r)).geometry, measured: {} };
    case 'centroid': {
      const pts = r.centres.filter((c) => c.properties.town === g.town && c.properties.level === 'village');
      if (pts.length === 0) fail(e, `no admin centres in town "${g.town}"`);
      return { main: centroid(featureCollection(pts)).geometry, measured: {} };
    }
    case 'polygon': {
      const ring = g.vertices.map((v) => position(v, e, r));
      if (ring.length < 3) fail(e, 'a polygon needs at least 3 vertices');
      const poly = rewind(polygon([[...ring, ring[0]!]]), { reverse: false }) as Feature<Polygon>;
      return { main: poly.geometry, measured: {} };
    }
    case 'district': {
      const d = r.districts.find((x) => x.properties.name === g.name);
      if (!d) fail(e, `district "${g.name}" not in reference data`);
      return { main: d.geometry, measured: {} };
    }
    case 'water': {
      const w = r.water.find((x) => x.properties.kind === 'river-area' && x.properties.name === g.name);
      if (!w) fail(e, `river area "${g.name}" not in reference data`);
      return { main: w.geometry, measured: {} };
    }
    case 'metro-line': {
      const lines = r.metroLines.filter((l) => l.properties.name === g.line);
      if (lines.length === 0) fail(e, `metro line "${g.line}" not in reference data`);
      const coords = lines.flatMap((l) => lineOf(l.geometry).map((p) => p.geometry.coordinates));
      return { main: { type: 'MultiLineString', coordinates: coords }, measured: {} };
    }
    case 'metro-segment': {
      const route = r.metroLines.find((l) => l.properties.name === g.line);
      if (!route) fail(e, `metro line "${g.line}" not in reference data`);
      const line = longestPart(route.geometry);
      const a = position({ station: g.from }, e, r);
      const b = position({ station: g.to }, e, r);
      let seg = lineSlice(a, b, line);
      // Keep the direction from → to.
      const start = seg.geometry.coordinates[0]!;
      if (Math.hypot(start[0]! - a[0]!, start[1]! - a[1]!) > Math.hypot(start[0]! - b[0]!, start[1]! - b[1]!)) {
        seg = lineString([...seg.geometry.coordinates].reverse());
      }
      return finishCorridor(e, cut(seg, g.cut_km), g);
    }
    case 'district-bank': {
      const d = r.districts.find((x) => x.properties.name === g.district);
      const river = r.water.find((w) => w.properties.kind === 'river-area');
      if (!d || !river) fail(e, 'district or river polygon missing');
      const rings = (
        d.geometry.type === 'Polygon' ? [d.geometry.coordinates] : (d.geometry as MultiPolygon).coordinates
      ).map((p) => p[0]!);
      const outer = rings.sort((x, y) => y.length - x.length)[0]!;
      const riverFeature = { type: 'Feature', properties: {}, geometry: river.geometry } as Feature<
        Polygon | MultiPolygon
      >;
      const near = (p: Position) => {
        if (booleanPointInPolygon(p, riverFeature)) return true;
        const outline = lineOf({ type: 'MultiLineString', coordinates: ringsOf(river.geometry) });
        return outline.some((l) => pointToLineDistance(p, l, { units: 'meters' }) <= g.within_m);
      };
      // The longest run of consecutive boundary vertices near the river is the bank.
      const flags = outer.map(near);
      let best: Position[] = [];
      let run: Position[] = [];
      for (let i = 0; i < outer.length * 2; i++) {
        const k = i % outer.length;
        if (flags[k]) run.push(outer[k]!);
        else run = [];
        if (run.length > best.length && run.length <= outer.length) best = [...run];
      }
      if (best.length < 2) fail(e, `no boundary of ${g.district} along the river`);
      return finishCorridor(e, cut(lineString(best), g.cut_km), g);
    }
    case 'road': {
      // A road (OSM main roads) or a river line (1:4M), possibly in several features.
      const named = [...r.roads, ...r.water.filter((w) => w.properties.kind === 'river-line')].filter(
        (x) => x.properties.name === g.name,
      );
      if (named.length === 0) fail(e, `road or river "${g.name}" not in reference data`);
      const parts = named.flatMap((f) => lineOf(f.geometry));
      let line = g.start ? chain(parts, position(g.start, e, r)) : parts.sort((a, b) => length(b) - length(a))[0]!;
      if (g.start) {
        const s = nearestPointOnLine(line, position(g.start, e, r));
        const end = line.geometry.coordinates.at(-1)!;
        const startCoord = line.geometry.coordinates[0]!;
        // Run from the start point towards the farther end.
        const far = length(lineSlice(s, end, line)) >= length(lineSlice(startCoord, s, line)) ? end : startCoord;
        line = lineSlice(s, far, line);
        if (far === startCoord) line = lineString([...line.geometry.coordinates].reverse());
      }
      return finishCorridor(e, cut(line, g.cut_km), g);
    }
    case 'line': {
      const line = lineString(g.vertices.map((v) => position(v, e, r)));
      return finishCorridor(e, line, g);
    }
  }
}

const metres = (a: Position, b: Position) => Math.hypot((a[0]! - b[0]!) * 86_400, (a[1]! - b[1]!) * 111_000);

/**
 * OSM roads arrive as many short ways (both carriageways). Walk from the way end nearest `start`,
 * each time taking the way that begins within 80 m of the current end and leads farther away.
 */
function chain(parts: Feature<LineString>[], start: Position): Feature<LineString> {
  const unused = parts.map((p) => p.geometry.coordinates);
  let best = Infinity;
  let first = 0;
  unused.forEach((c, i) => {
    for (const end of [c[0]!, c.at(-1)!]) {
      const d = metres(end, start);
      if (d < best) {
        best = d;
        first = i;
      }
    }
  });
  let cur = unused.splice(first, 1)[0]!;
  if (metres(cur.at(-1)!, start) < metres(cur[0]!, start)) cur = [...cur].reverse();
  const out = [...cur];
  for (;;) {
    const end = out.at(-1)!;
    const from = metres(end, out[0]!);
    let pick = -1;
    let flip = false;
    let pickGap = 80;
    unused.forEach((c, i) => {
      for (const [head, tail, rev] of [
        [c[0]!, c.at(-1)!, false],
        [c.at(-1)!, c[0]!, true],
      ] as [Position, Position, boolean][]) {
        const gap = metres(head, end);
        if (gap < pickGap && metres(tail, out[0]!) > from + 5) {
          pickGap = gap;
          pick = i;
          flip = rev;
        }
      }
    });
    if (pick < 0) break;
    const next = unused.splice(pick, 1)[0]!;
    out.push(...(flip ? [...next].reverse() : next).slice(pickGap < 1 ? 1 : 0));
  }
  return lineString(out);
}

function ringsOf(g: Geometry): Position[][] {
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

function finishCorridor(
  e: GazetteerEntry,
  line: Feature<LineString>,
  spec: { buffer_from_area?: boolean; buffer_m?: number },
): Located {
  const clean = truncate(line, { precision: 6 });
  const fitted: ('length_km' | 'area_km2')[] = [];
  if ((spec as { cut_km?: number }).cut_km) fitted.push('length_km');
  if (spec.buffer_from_area) fitted.push('area_km2');
  return {
    main: clean.geometry,
    area: corridorArea(e, clean, spec),
    measured: { length_km: length(clean) },
    ...(fitted.length ? { fitted } : {}),
  };
}
