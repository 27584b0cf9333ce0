/**
 * The map data contract: data/geojson/*.geojson and manifest.json, written by the pipeline and
 * checked by the app on load. See docs/data-spec.md. Coordinates are WGS-84 (RFC 7946).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export const SCHEMA_VERSION = 3;

export const FEATURE_KINDS = ['site', 'corridor', 'area', 'road', 'river', 'rail', 'station', 'admin'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/**
 * A place located to within more than this many metres is rough: drawn hollow with its circle, never
 * as an exact pin, and listed apart in "near me".
 */
export const UNCERTAIN_M = 300;

export const THEMES = ['商贸', '文化旅游', '科技创新', '民生', '生态', '交通', '城市更新', '产业'] as const;
export type Theme = (typeof THEMES)[number];

/** A passage of a plan that names the feature; `quote === text.slice(start, end)` exactly. */
export interface SourceRef {
  plan: string;
  anchor: string;
  start: number;
  end: number;
  quote: string;
}

/** A text written in both interface languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * One reason for a feature's position: said in both languages, with the data it rests on as fields
 * the app can show on their own (which reference file, which feature of it, how far).
 */
export interface Evidence extends Bilingual {
  /** The reference file under data/reference/ (manifest `datasets` says what it is). */
  dataset?: string;
  /** The feature's name in that file, exactly. */
  feature?: string;
  /** How far the named place may lie from that feature, in metres, when the method knows. */
  distance_m?: number;
}

export interface StatedFigures {
  area_km2?: number;
  length_km?: number;
  mu?: number;
}

export interface PlaceProperties {
  name: string;
  aliases: string[];
  kind: FeatureKind;
  district: string;
  plans: string[];
  themes: string[];
  method: string;
  /** Radius of uncertainty in metres. */
  precision_m: number;
  evidence: Evidence[];
  sources: SourceRef[];
  figures?: StatedFigures;
  /** located (within UNCERTAIN_M), approximate (a larger radius), or not-located (geometry null). */
  status: PlaceStatus;
  /** Set on the buffered Polygon of a corridor, which is a separate feature of its line. */
  role?: 'line' | 'buffer';
}

export const PLACE_STATUSES = ['located', 'approximate', 'not-located'] as const;
export type PlaceStatus = (typeof PLACE_STATUSES)[number];

export type PlaceFeature = Feature<Geometry, PlaceProperties> & { id: string };
/** A place the plans name that could not be located: listed and searchable, never drawn. */
export type UnlocatedProperties = Omit<PlaceProperties, 'precision_m' | 'status' | 'role'> & {
  precision_m: null;
  status: 'not-located';
};
export type UnlocatedFeature = Feature<null, UnlocatedProperties> & { id: string };
export type PlaceCollection = FeatureCollection<Geometry, PlaceProperties> & { features: PlaceFeature[] };

export interface Manifest {
  schema_version: number;
  /** Extent of all features (points padded by their precision): the map's first view. */
  bbox: [number, number, number, number];
  plans: string[];
  /** Each plan's colour, from plans.json (a sixth plan is never drawn grey like "no theme"). */
  plan_colours: Record<string, string>;
  layers: { file: string; count: number }[];
  counts: Record<string, number>;
  /** What each reference file that evidence cites is: its name in both languages, source and date. */
  datasets: Record<string, DatasetInfo>;
  /** The vector tile archives the map draws (docs/data-spec.md, "What the app loads"). */
  tiles: { file: string; minzoom: number; maxzoom: number }[];
  /** The place index and how many detail files hold the passages. */
  index: { file: string; places: number; detail_files: number };
}

export interface DatasetInfo extends Bilingual {
  /** Where it comes from and when, e.g. "AMap 2024" or "OpenStreetMap 2024". */
  source: string;
  licence: string;
}

/** The WGS-84 box the data must fall inside (Tianjin municipality, with a margin). */
export const TIANJIN_BBOX: [number, number, number, number] = [116.6, 38.5, 118.1, 40.3];
