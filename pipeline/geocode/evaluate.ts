/**
 * Evaluation against hand-annotated plans (test/fixtures/eval/*.truth.json): recall of mentions and
 * of located places, position error against true positions from independent sources, the share
 * within the claimed precision, and false matches (places made of words the annotation says are not
 * places).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pointToLineDistance, booleanPointInPolygon, point, distance, flatten } from '@turf/turf';
import type { Feature, Geometry, LineString, Polygon, MultiPolygon } from 'geojson';
import type { GeocodeContext, PlanResult } from './geocode.ts';
import { geocodeOne, readPlanText } from './one-plan.ts';

export interface Truth {
  plan: { id: string; title: string; district: string; street: string | null };
  places: {
    name: string;
    kind: string;
    mentions: [number, number][];
    truth: { lon: number; lat: number; extent_m: number; source: string } | null;
  }[];
  not_places: { text: string; start: number; end: number; why: string }[];
}

export interface PlaceScore {
  name: string;
  found: boolean;
  located: boolean;
  error_m?: number;
  claimed_m?: number;
  extent_m?: number;
  within?: boolean;
  matched?: string;
}

export interface Score {
  plan: string;
  mentions: number;
  mentionsFound: number;
  places: number;
  placesFound: number;
  placesLocated: number;
  withTruth: number;
  errors: number[];
  within: number;
  falseMatches: string[];
  detail: PlaceScore[];
}

/** Metres from a true point to a geometry: 0 inside a polygon, else to its nearest part. */
export function distanceTo(g: Geometry, lon: number, lat: number): number {
  const p = point([lon, lat]);
  if (g.type === 'Point') return distance(p, g.coordinates, { units: 'meters' });
  const parts = flatten({ type: 'Feature', properties: {}, geometry: g } as Feature).features;
  let best = Infinity;
  for (const f of parts) {
    const t = f.geometry.type;
    if (t === 'Polygon') {
      if (booleanPointInPolygon(p, f as Feature<Polygon | MultiPolygon>)) return 0;
      for (const ring of (f.geometry as Polygon).coordinates)
        best = Math.min(best, pointToLineDistance(p, { type: 'LineString', coordinates: ring }, { units: 'meters' }));
    } else if (t === 'LineString')
      best = Math.min(best, pointToLineDistance(p, f.geometry as LineString, { units: 'meters' }));
    else if (t === 'Point')
      best = Math.min(best, distance(p, (f.geometry as { coordinates: number[] }).coordinates, { units: 'meters' }));
  }
  return best;
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];

export function score(truth: Truth, result: PlanResult): Score {
  // Each found place's mention spans.
  const spans = result.places.flatMap((p) =>
    p.mentions.map((m) => ({ span: [m.start, m.end] as [number, number], p })),
  );
  const detail: PlaceScore[] = [];
  let mentions = 0;
  let mentionsFound = 0;
  for (const t of truth.places) {
    const hits = t.mentions.map((m) => spans.filter((s) => overlaps(s.span, m)));
    mentions += t.mentions.length;
    mentionsFound += hits.filter((h) => h.length > 0).length;
    const all = hits.flat();
    // The best match: the span closest to the annotated one, then a located one.
    const gap = (x: { span: [number, number] }) =>
      Math.min(...t.mentions.map((m) => Math.abs(x.span[0] - m[0]) + Math.abs(x.span[1] - m[1])));
    const best = all.sort((a, b) => gap(a) - gap(b) || Number(!a.p.geometry) - Number(!b.p.geometry))[0];
    const d: PlaceScore = { name: t.name, found: all.length > 0, located: !!best?.p.geometry, matched: best?.p.name };
    if (best?.p.geometry && t.truth) {
      d.error_m = Math.round(distanceTo(best.p.geometry, t.truth.lon, t.truth.lat));
      d.claimed_m = best.p.precision_m ?? undefined;
      d.extent_m = t.truth.extent_m;
      d.within = d.error_m <= (d.claimed_m ?? 0) + t.truth.extent_m;
    }
    detail.push(d);
  }
  const falseMatches = truth.not_places.flatMap((n) =>
    spans.filter((s) => overlaps(s.span, [n.start, n.end])).map((s) => `${s.p.name} (${n.text}: ${n.why})`),
  );
  const withErr = detail.filter((d) => d.error_m !== undefined);
  return {
    plan: truth.plan.id,
    mentions,
    mentionsFound,
    places: detail.length,
    placesFound: detail.filter((d) => d.found).length,
    placesLocated: detail.filter((d) => d.located).length,
    withTruth: withErr.length,
    errors: withErr.map((d) => d.error_m!).sort((a, b) => a - b),
    within: withErr.filter((d) => d.within).length,
    falseMatches: [...new Set(falseMatches)],
    detail,
  };
}

/** The text a truth file annotates: beside it, or the corpus plan of that id (data/plans). */
export function evalText(dir: string, truthFile: string): string {
  const beside = join(dir, truthFile.replace('.truth.json', '.txt'));
  return existsSync(beside) ? beside : join('data/plans', truthFile.replace('.truth.json', '.txt'));
}

/** One annotated plan geocoded inside its district and scored. */
export function evaluateFile(ctx: GeocodeContext, dir: string, truthFile: string): Score {
  const truth = JSON.parse(readFileSync(join(dir, truthFile), 'utf8')) as Truth;
  const text = readPlanText(evalText(dir, truthFile));
  const { result } = geocodeOne(ctx, {
    id: truth.plan.id,
    text,
    districts: [truth.plan.district],
    street: truth.plan.street,
  });
  return score(truth, result);
}

export const quantile = (xs: number[], q: number) =>
  xs.length ? xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : NaN;
