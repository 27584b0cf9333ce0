/**
 * Stage "places": the place index (`places.json`: one slim entry per place, for the list, search,
 * filters and near-me) and the detail files (`details/<plan>.<n>.<hash>.json`: each place's full
 * geometry, method, evidence and passages, filed under the first plan that names it, at most
 * DETAIL_BYTES each, so a panel fetches one small file whatever the corpus). The hash in a detail
 * file's name changes with its content, so a cached copy is never read against a newer index.
 */
import { createHash } from 'node:crypto';
import { simplify, truncate } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import { featureExtent, unionBox } from '../../src/lib/contracts/extent.ts';
import { SCHEMA_VERSION, type PlaceFeature, type UnlocatedFeature } from '../../src/lib/contracts/features.ts';
import {
  SHAPE_TOLERANCE_M,
  type DetailFile,
  type PlaceDetail,
  type PlaceIndex,
  type PlaceSummary,
} from '../../src/lib/contracts/places.ts';
import type { Layers } from './build.ts';

/** A detail file is cut after this many bytes of JSON (a panel's fetch stays small). */
export const DETAIL_BYTES = 64 * 1024;

/** Degrees of latitude per metre: the simplification tolerance is at most SHAPE_TOLERANCE_M on the ground. */
const DEG_PER_M = 1 / 111_320;

function shapeOf(g: Geometry): Geometry {
  if (g.type === 'Point') return g;
  const f: Feature = { type: 'Feature', properties: {}, geometry: g };
  const s = simplify(f, { tolerance: SHAPE_TOLERANCE_M * DEG_PER_M, highQuality: false, mutate: false });
  return truncate(s, { precision: 5, coordinates: 2 }).geometry;
}

export interface PlaceFiles {
  index: PlaceIndex;
  /** Detail files by name (under details/). */
  details: Map<string, DetailFile>;
}

export function buildPlaces(layers: Layers, planOrder: string[], maxBytes = DETAIL_BYTES): PlaceFiles {
  const buffers = new Map<string, PlaceFeature>();
  for (const f of layers.corridors) if (f.properties.role === 'buffer') buffers.set(f.id.replace(/-buffer$/, ''), f);
  const features: (PlaceFeature | UnlocatedFeature)[] = [
    ...layers.zones,
    ...layers.corridors.filter((f) => f.properties.role !== 'buffer'),
    ...layers.sites,
    ...layers.unlocated,
  ];
  const entries: { summary: Omit<PlaceSummary, 'detail'>; detail: PlaceDetail }[] = features.map((f) => {
    const p = f.properties;
    const buffer = buffers.get(f.id);
    const located = f.geometry !== null && p.precision_m !== null;
    const bbox = located
      ? buffer
        ? unionBox([featureExtent(f as PlaceFeature), featureExtent(buffer)])
        : featureExtent(f as PlaceFeature)
      : null;
    return {
      summary: {
        id: f.id,
        name: p.name,
        aliases: p.aliases,
        kind: p.kind,
        district: p.district,
        plans: p.plans,
        themes: p.themes,
        status: p.status,
        precision_m: p.precision_m,
        bbox,
        shape: located ? shapeOf(f.geometry!) : null,
        ...(buffer ? { buffer: true as const } : {}),
      },
      detail: {
        geometry: f.geometry,
        method: p.method,
        evidence: p.evidence,
        sources: p.sources,
        ...(p.figures ? { figures: p.figures } : {}),
        ...('role' in p && p.role === 'line' ? { line: true as const } : {}),
      },
    };
  });

  const fileOf = new Map<string, string>();
  const details = new Map<string, DetailFile>();
  for (const plan of planOrder) {
    const mine = entries.filter((e) => e.summary.plans[0] === plan);
    let part: DetailFile = {};
    let bytes = 0;
    let n = 0;
    const close = () => {
      if (!Object.keys(part).length) return;
      const text = JSON.stringify(part);
      const name = `${plan}.${n++}.${createHash('sha256').update(text).digest('hex').slice(0, 8)}.json`;
      for (const id of Object.keys(part)) fileOf.set(id, name);
      details.set(name, part);
      part = {};
      bytes = 0;
    };
    for (const e of mine) {
      const size = Buffer.byteLength(JSON.stringify(e.detail)) + e.summary.id.length + 4;
      if (bytes && bytes + size > maxBytes) close();
      part[e.summary.id] = e.detail;
      bytes += size;
    }
    close();
  }
  const places = entries.map((e) => ({ ...e.summary, detail: fileOf.get(e.summary.id)! }));
  return { index: { schema_version: SCHEMA_VERSION, places }, details };
}
