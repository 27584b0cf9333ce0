/**
 * Runtime check of the map data contract, used where data enters: by the pipeline before it
 * writes, and by the app when it loads data/geojson. Returns readable errors (empty = valid).
 */
import { FEATURE_KINDS, PLACE_STATUSES, TIANJIN_BBOX } from './features.ts';

const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isStrArr = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Evidence is shown in the interface's language: both texts are required. */
const isSaid = (v: unknown): boolean => {
  const e = v as Record<string, unknown> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    isStr(e.zh) &&
    isStr(e.en) &&
    (e.dataset === undefined || isStr(e.dataset)) &&
    (e.feature === undefined || typeof e.feature === 'string') &&
    (e.distance_m === undefined || (typeof e.distance_m === 'number' && e.distance_m >= 0))
  );
};

/** Evidence and passages, as a feature's properties or a detail file's entry carry them. */
function citations(p: Record<string, unknown>, bad: (rule: string) => void): void {
  if (!Array.isArray(p.evidence) || p.evidence.length === 0) bad('evidence missing');
  else if (!p.evidence.every(isSaid)) bad('each evidence item must say its reason as { zh, en } text');
  if (!Array.isArray(p.sources) || p.sources.length === 0) bad('sources must cite at least one passage');
  else
    for (const s of p.sources as Record<string, unknown>[]) {
      if (
        !isStr(s.plan) ||
        !isStr(s.anchor) ||
        typeof s.start !== 'number' ||
        typeof s.end !== 'number' ||
        !isStr(s.quote)
      ) {
        bad('a source needs plan, anchor, start, end and quote');
        break;
      }
      if ((s.quote as string).length !== (s.end as number) - (s.start as number))
        bad(`source ${s.anchor}: quote length differs from its offsets`);
    }
}

function eachPosition(coords: unknown, fn: (p: number[]) => void): void {
  if (Array.isArray(coords) && typeof coords[0] === 'number') fn(coords as number[]);
  else if (Array.isArray(coords)) coords.forEach((c) => eachPosition(c, fn));
}

export function validateFeatureCollection(fc: unknown, file: string): string[] {
  const errors: string[] = [];
  const o = fc as { type?: string; features?: unknown[] };
  if (o?.type !== 'FeatureCollection' || !Array.isArray(o.features))
    return [`${file}: not a GeoJSON FeatureCollection`];
  const ids = new Set<string>();
  o.features.forEach((raw, i) => {
    const f = raw as {
      id?: unknown;
      type?: string;
      geometry?: { type?: string; coordinates?: unknown };
      properties?: Record<string, unknown>;
    };
    const where = `${file}: feature ${isStr(f.id) ? f.id : `#${i}`}`;
    const bad = (rule: string) => errors.push(`${where}: ${rule}`);
    if (f.type !== 'Feature') bad('type must be "Feature"');
    if (!isStr(f.id)) bad('needs a string id');
    else if (ids.has(f.id)) bad('duplicate id');
    else ids.add(f.id);
    const p = f.properties ?? {};
    if (!isStr(p.name)) bad('properties.name missing');
    if (!isStrArr(p.aliases)) bad('properties.aliases must be a list of strings');
    if (!(FEATURE_KINDS as readonly string[]).includes(p.kind as string)) bad(`unknown kind "${String(p.kind)}"`);
    if (!isStr(p.district)) bad('properties.district missing');
    if (!isStrArr(p.plans) || p.plans.length === 0) bad('properties.plans must list at least one plan');
    if (!isStrArr(p.themes)) bad('properties.themes must be a list');
    if (!isStr(p.method)) bad('properties.method missing');
    if (!(PLACE_STATUSES as readonly string[]).includes(p.status as string))
      bad(`unknown status "${String(p.status)}"`);
    const unlocated = p.status === 'not-located';
    if (unlocated ? p.precision_m !== null : typeof p.precision_m !== 'number' || !(p.precision_m > 0))
      bad(unlocated ? 'a place not located has precision_m null' : 'properties.precision_m must be a positive number');
    citations(p, bad);
    const g = f.geometry;
    if (unlocated) {
      if (g !== null) bad('a place not located has geometry null');
      return;
    }
    if (!g || !['Point', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'].includes(g.type ?? '')) {
      bad('unsupported or missing geometry');
      return;
    }
    let outside = false;
    eachPosition(g.coordinates, ([x, y]) => {
      if (!(x! >= TIANJIN_BBOX[0] && x! <= TIANJIN_BBOX[2] && y! >= TIANJIN_BBOX[1] && y! <= TIANJIN_BBOX[3]))
        outside = true;
    });
    if (outside) bad('coordinates outside Tianjin (WGS-84 expected)');
  });
  return errors;
}

const isBox = (b: unknown): boolean => Array.isArray(b) && b.length === 4 && b.every((x) => typeof x === 'number');

/** The place index (places.json): the fields the list, search, filters and near-me read. */
export function validatePlaceIndex(x: unknown, file: string, schema: number): string[] {
  const o = x as { schema_version?: unknown; places?: unknown[] } | null;
  if (typeof o !== 'object' || o === null || !Array.isArray(o.places)) return [`${file}: not a place index`];
  if (o.schema_version !== schema) return [`${file}: schema_version ${String(o.schema_version)} is not ${schema}`];
  const errors: string[] = [];
  const ids = new Set<string>();
  o.places.forEach((raw, i) => {
    const p = (raw ?? {}) as Record<string, unknown>;
    const bad = (rule: string) => errors.push(`${file}: place ${isStr(p.id) ? p.id : `#${i}`}: ${rule}`);
    if (!isStr(p.id)) bad('needs a string id');
    else if (ids.has(p.id)) bad('duplicate id');
    else ids.add(p.id);
    if (!isStr(p.name)) bad('name missing');
    if (!isStrArr(p.aliases)) bad('aliases must be a list of strings');
    if (!(FEATURE_KINDS as readonly string[]).includes(p.kind as string)) bad(`unknown kind "${String(p.kind)}"`);
    if (!isStr(p.district)) bad('district missing');
    if (!isStrArr(p.plans) || p.plans.length === 0) bad('plans must list at least one plan');
    if (!isStrArr(p.themes)) bad('themes must be a list');
    if (!(PLACE_STATUSES as readonly string[]).includes(p.status as string))
      bad(`unknown status "${String(p.status)}"`);
    const located = p.status !== 'not-located';
    if (located !== (typeof p.precision_m === 'number' && p.precision_m > 0 && isBox(p.bbox) && !!p.shape))
      bad(located ? 'a located place needs precision_m, bbox and shape' : 'a place not located has no position');
    if (!isStr(p.detail) || !/^[\w.-]+\.json$/.test(p.detail)) bad('detail must name a file in details/');
  });
  return errors;
}

/** A detail file (details/<name>.json): each place's geometry, method, evidence and passages. */
export function validateDetailFile(x: unknown, file: string): string[] {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return [`${file}: not a detail file`];
  const errors: string[] = [];
  for (const [id, raw] of Object.entries(x as Record<string, unknown>)) {
    const d = (raw ?? {}) as Record<string, unknown>;
    const bad = (rule: string) => errors.push(`${file}: place ${id}: ${rule}`);
    if (!isStr(d.method)) bad('method missing');
    if (d.geometry !== null && (typeof d.geometry !== 'object' || !isStr((d.geometry as { type?: unknown }).type)))
      bad('geometry must be a GeoJSON geometry or null');
    citations(d, bad);
  }
  return errors;
}
