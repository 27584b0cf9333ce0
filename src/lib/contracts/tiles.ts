/**
 * What goes into the plan layers' vector tiles: the source layers and the slim properties each
 * feature carries there, as a pure function of the GeoJSON layers. The pipeline tiles these (the
 * PMTiles archives); the app tiles the same features itself only when an online basemap in GCJ-02
 * needs them shifted. Vector tile properties are scalars, so lists are one string, `|a|b|`, which
 * the style tests with `in` (docs/data-spec.md).
 */
import { pointOnFeature } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import type { PlaceFeature } from './features.ts';

/** Source layers of the plan archive, one per GeoJSON layer file. */
export const TILE_LAYERS = ['zones', 'corridors', 'sites'] as const;
export type TileLayer = (typeof TILE_LAYERS)[number];

/** Zooms the archives hold; the map overzooms the last one. Labels show from zoom 11 only. */
export const TILE_ZOOMS = { minzoom: 6, maxzoom: 14 } as const;
export const LABEL_ZOOMS = { minzoom: 11, maxzoom: 14 } as const;

/** `['a', 'b']` → `'|a|b|'` (`''` for none): a list as a vector tile can hold it. */
export const listValue = (xs: string[]): string => (xs.length ? `|${xs.join('|')}|` : '');

/** Properties of a plan feature in the tiles: what the style and the filters test. */
export interface TileProperties {
  /** The feature id (a corridor's buffer: `<id>-buffer`); promoted to the map feature id. */
  id: string;
  kind: string;
  plans: string;
  themes: string;
  district: string;
  precision_m: number;
  role?: 'line' | 'buffer';
}

/** Label features add the name. */
export type LabelProperties = TileProperties & { name: string };

export type TileFeature<P> = Feature<Geometry, P>;

function slim(f: PlaceFeature): TileProperties {
  const p = f.properties;
  return {
    id: f.id,
    kind: p.kind,
    plans: listValue(p.plans),
    themes: listValue(p.themes),
    district: p.district,
    precision_m: p.precision_m,
    ...(p.role ? { role: p.role } : {}),
  };
}

/** The map's features, by source layer. */
export function tileFeatures(
  layers: Record<TileLayer, PlaceFeature[]>,
): Record<TileLayer, TileFeature<TileProperties>[]> {
  const out = {} as Record<TileLayer, TileFeature<TileProperties>[]>;
  for (const layer of TILE_LAYERS)
    out[layer] = layers[layer].map((f) => ({ type: 'Feature', properties: slim(f), geometry: f.geometry }));
  return out;
}

/** Context the basemap names already (a whole district, the river): never labelled as a plan place. */
export const CONTEXT_KINDS = ['admin', 'river'];

/**
 * The labels' features, by source layer: a zone labelled once, at a point inside it (a polygon gets
 * a label per tile it spans), a corridor along its line, a site at its point.
 */
export function labelFeatures(
  layers: Record<TileLayer, PlaceFeature[]>,
): Record<TileLayer, TileFeature<LabelProperties>[]> {
  const named = (f: PlaceFeature, geometry: Geometry): TileFeature<LabelProperties> => ({
    type: 'Feature',
    properties: { ...slim(f), name: f.properties.name },
    geometry,
  });
  return {
    zones: layers.zones
      .filter((f) => !CONTEXT_KINDS.includes(f.properties.kind))
      .map((f) => named(f, pointOnFeature(f).geometry)),
    corridors: layers.corridors.filter((f) => f.properties.role !== 'buffer').map((f) => named(f, f.geometry)),
    sites: layers.sites.map((f) => named(f, f.geometry)),
  };
}
