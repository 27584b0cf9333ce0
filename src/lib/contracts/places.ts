/**
 * The map data split for the browser (docs/data-spec.md, "What the app loads"): the map draws vector
 * tiles; the list, search, filters and near-me read a slim place index, loaded after the first view;
 * the passages, evidence and full geometry of a place are in a detail file, fetched when a panel,
 * the reader or an export needs them. `toFeature` puts a place back together exactly as the GeoJSON
 * layer files have it, so that exports stay complete.
 */
import type { Geometry } from 'geojson';
import type { BBox } from './extent.ts';
import type {
  Evidence,
  FeatureKind,
  PlaceFeature,
  PlaceStatus,
  SourceRef,
  StatedFigures,
  UnlocatedFeature,
} from './features.ts';

/**
 * The index's shape of a line or area is its geometry simplified to this many metres: a fifth of the
 * finest precision any method claims (50 m), so distances measured on it are as good as the data.
 */
export const SHAPE_TOLERANCE_M = 10;

/** One place in the place index (`places.json`): what the list, search, filters and near-me read. */
export interface PlaceSummary {
  id: string;
  name: string;
  aliases: string[];
  kind: FeatureKind;
  district: string;
  plans: string[];
  themes: string[];
  status: PlaceStatus;
  /** Radius of uncertainty in metres; null when not located. */
  precision_m: number | null;
  /** Its extent (a corridor's buffered area included, a point padded by precision_m); null when not located. */
  bbox: BBox | null;
  /** Its geometry (a corridor's line), simplified to SHAPE_TOLERANCE_M; null when not located. */
  shape: Geometry | null;
  /** Set when a corridor's buffered area is drawn as a feature of its own, `<id>-buffer`. */
  buffer?: true;
  /** The file under `details/` with its geometry, method, evidence and passages. */
  detail: string;
}

export interface PlaceIndex {
  schema_version: number;
  places: PlaceSummary[];
}

/** What a place's panel, the reader and exports need beyond the index: one entry of a detail file. */
export interface PlaceDetail {
  /** The full geometry (null when not located). */
  geometry: Geometry | null;
  method: string;
  evidence: Evidence[];
  sources: SourceRef[];
  figures?: StatedFigures;
  /** A corridor's line: `role: "line"` in corridors.geojson. */
  line?: true;
}

/** A detail file: places by id. */
export type DetailFile = Record<string, PlaceDetail>;

/** The place as a feature of the GeoJSON layer files (the buffer of a corridor is not its own place). */
export function toFeature(s: PlaceSummary, d: PlaceDetail): PlaceFeature | UnlocatedFeature {
  const base = {
    name: s.name,
    aliases: s.aliases,
    kind: s.kind,
    district: s.district,
    plans: s.plans,
    themes: s.themes,
    method: d.method,
    evidence: d.evidence,
    sources: d.sources,
    ...(d.figures ? { figures: d.figures } : {}),
  };
  if (s.precision_m === null || d.geometry === null)
    return {
      type: 'Feature',
      id: s.id,
      properties: { ...base, precision_m: null, status: 'not-located' },
      geometry: null,
    };
  return {
    type: 'Feature',
    id: s.id,
    properties: {
      ...base,
      precision_m: s.precision_m,
      status: s.status,
      ...(d.line ? { role: 'line' as const } : {}),
    },
    geometry: d.geometry,
  };
}
