/** The gazetteer contract (data/gazetteer/places.json): how each place's geometry is built. */
import type { Bilingual, FeatureKind, StatedFigures } from './features.ts';

/** A position: a named bus stop, metro station or admin centre, or a coordinate with its reason. */
export type PositionRef =
  { stop: string } | { station: string } | { centre: string } | { lnglat: [number, number]; note: string };

export type GeometrySpec =
  | { type: 'point'; at: PositionRef }
  | { type: 'centroid'; town: string }
  | { type: 'polygon'; vertices: PositionRef[] }
  | { type: 'district'; name: string }
  /** A river's water area from the reference data. */
  | { type: 'water'; name: string }
  | {
      type: 'metro-segment';
      line: string;
      from: string;
      to: string;
      cut_km?: number;
      buffer_from_area?: boolean;
      buffer_m?: number;
    }
  | { type: 'metro-line'; line: string; buffer_m?: number }
  | {
      type: 'district-bank';
      district: string;
      within_m: number;
      cut_km?: number;
      buffer_from_area?: boolean;
      buffer_m?: number;
    }
  | { type: 'road'; name: string; start?: PositionRef; cut_km?: number; buffer_from_area?: boolean; buffer_m?: number }
  | { type: 'line'; vertices: PositionRef[]; buffer_m?: number }
  /** A zone given by the roads that enclose it (`enclosed_by`): the hull of their crossings. */
  | { type: 'enclosure' }
  /** A place the plan puts inside another entry's zone: that zone's centre, radius to its farthest point. */
  | { type: 'within'; entry: string };

export interface GazetteerEntry {
  id: string;
  name: string;
  aliases: string[];
  kind: FeatureKind;
  district: string;
  themes: string[];
  geometry: GeometrySpec;
  precision_m: number;
  /** Why the geometry is what it is, in both languages (the app shows the one it speaks). */
  evidence: Bilingual[];
  figures?: StatedFigures;
  /** For a zone the plan defines as "以A、B、C…围合": those roads, so that sentence cites the zone. */
  enclosed_by?: string[];
  /** A recipe used only when `geometry` cannot be built from the reference data, with its own precision and evidence. */
  fallback?: GeometrySpec;
  fallback_precision_m?: number;
  fallback_evidence?: Bilingual[];
}

/** Names that the plans mention but that are not mapped: outside Tianjin, generic or figurative. */
export interface OutOfScope {
  name: string;
  reason: string;
}
