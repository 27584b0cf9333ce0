/**
 * Cuts features into Mapbox vector tiles (https://github.com/mapbox/vector-tile-spec) with the
 * tiler MapLibre itself uses for GeoJSON (@maplibre/geojson-vt), so a tile holds what the map would
 * have made of the same GeoJSON, and encodes them (@maplibre/vt-pbf), gzip'd.
 *
 * Below the last zoom a tile may hold at most a budget of features and vertices: where more would
 * fall into one tile, the smallest places are left out of it and of every lower zoom (as tippecanoe's
 * --drop-smallest-as-needed), so a zoomed-out view costs about the same whatever the corpus holds;
 * zooming in brings them back, and the last zoom has every feature. The order of who stays is fixed
 * (size, then a hash of the id), so output is deterministic.
 */
import { gzipSync } from 'node:zlib';
import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { bbox as turfBbox, distance } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import type { ArchiveTile } from './pmtiles-writer.ts';

export interface Budget {
  /** Features in one tile below the last zoom. */
  features: number;
  /** Vertices in one tile below the last zoom. */
  points: number;
}

/** Above what the real corpus puts in any tile (so it is drawn whole at every zoom), far below a costly tile. */
export const TILE_BUDGET: Budget = { features: 400, points: 16_000 };

export const EXTENT = 4096;

export interface TileSetOptions {
  minzoom: number;
  maxzoom: number;
  budget: Budget;
  /** The zoom from which each place already shows (from another tile set): it never shows sooner here. */
  shownFrom?: Map<string, number>;
}

export interface TileSet {
  tiles: ArchiveTile[];
  /** The zoom from which each place shows, by place id (a corridor's buffer goes with its line). */
  shownFrom: Map<string, number>;
  /** How many places each zoom leaves out. */
  leftOut: Record<number, number>;
  bounds: [number, number, number, number];
}

type IdFeature = Feature<Geometry, { id: string; precision_m?: number }>;

const placeOf = (id: string) => id.replace(/-buffer$/, '');

/** FNV-1a: a stable, well-spread order among places of the same size. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A place's size on the ground, metres: its box's diagonal, or a rough point's circle. */
function sizeOf(f: IdFeature): number {
  if (f.geometry.type === 'Point') return 2 * (f.properties.precision_m ?? 0);
  const [w, s, e, n] = turfBbox(f);
  return distance([w, s], [e, n], { units: 'meters' });
}

/** A tile's features, as getTile gives them (transformed into tile coordinates). */
const featuresOf = (t: GeoJSONVTTile): GeoJSONVTFeature[] => t.features as GeoJSONVTFeature[];

const vertices = (f: GeoJSONVTFeature): number =>
  f.type === 1 ? f.geometry.length : f.geometry.reduce((n, ring) => n + ring.length, 0);

const lngToX = (lng: number, z: number) => Math.floor(((lng + 180) / 360) * 2 ** z);
const latToY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

export function buildTileSet(layers: Record<string, IdFeature[]>, opts: TileSetOptions): TileSet {
  const all = Object.values(layers).flat();
  const boxes = all.map((f) => turfBbox(f));
  const bounds: [number, number, number, number] = [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
  const rank = new Map<string, number>();
  const sized = all.map((f) => ({ place: placeOf(f.properties.id), size: sizeOf(f) }));
  sized.sort((a, b) => b.size - a.size || hash(a.place) - hash(b.place) || (a.place < b.place ? -1 : 1));
  for (const s of sized) if (!rank.has(s.place)) rank.set(s.place, rank.size);

  const indexes = Object.entries(layers).map(
    ([name, features]) =>
      [
        name,
        new GeoJSONVT(
          { type: 'FeatureCollection', features },
          { maxZoom: opts.maxzoom, tolerance: 3, extent: EXTENT, buffer: 64, indexMaxZoom: opts.minzoom },
        ),
      ] as const,
  );
  /** Every tile with features, by zoom, with its layers' tiles. */
  const grid = new Map<number, { x: number; y: number; layers: [string, GeoJSONVTTile][] }[]>();
  for (let z = opts.minzoom; z <= opts.maxzoom; z++) {
    const row: { x: number; y: number; layers: [string, GeoJSONVTTile][] }[] = [];
    const [x0, x1] = [lngToX(bounds[0], z) - 1, lngToX(bounds[2], z) + 1];
    const [y0, y1] = [latToY(bounds[3], z) - 1, latToY(bounds[1], z) + 1];
    for (let x = Math.max(0, x0); x <= Math.min(2 ** z - 1, x1); x++)
      for (let y = Math.max(0, y0); y <= Math.min(2 ** z - 1, y1); y++) {
        const found = indexes.flatMap(([name, ix]) => {
          const t = ix.getTile(z, x, y);
          return t && t.features.length ? [[name, t] as [string, GeoJSONVTTile]] : [];
        });
        if (found.length) row.push({ x, y, layers: found });
      }
    grid.set(z, row);
  }

  // From the last zoom up: a tile over budget keeps its largest places; the others show from the next zoom in.
  const shownFrom = new Map<string, number>();
  for (const f of all) {
    const p = placeOf(f.properties.id);
    shownFrom.set(p, Math.max(opts.minzoom, opts.shownFrom?.get(p) ?? opts.minzoom));
  }
  const idOf = (f: GeoJSONVTFeature) => placeOf(String((f.tags as { id: string }).id));
  const shown = (f: GeoJSONVTFeature, z: number) => shownFrom.get(idOf(f))! <= z;
  const leftOut: Record<number, number> = {};
  for (let z = opts.maxzoom - 1; z >= opts.minzoom; z--) {
    for (const tile of grid.get(z)!) {
      const here = tile.layers.flatMap(([, t]) => featuresOf(t).filter((f) => shown(f, z)));
      const cost = new Map<string, number>();
      for (const f of here) cost.set(idOf(f), (cost.get(idOf(f)) ?? 0) + vertices(f));
      if (cost.size <= opts.budget.features && [...cost.values()].reduce((a, b) => a + b, 0) <= opts.budget.points)
        continue;
      const order = [...cost.keys()].sort((a, b) => rank.get(a)! - rank.get(b)!);
      let points = 0;
      order.forEach((p, i) => {
        points += cost.get(p)!;
        if (i >= opts.budget.features || points > opts.budget.points) {
          shownFrom.set(p, z + 1);
          leftOut[z] = (leftOut[z] ?? 0) + 1;
        }
      });
    }
  }

  const tiles: ArchiveTile[] = [];
  for (const [z, row] of grid) {
    for (const { x, y, layers: found } of row) {
      const kept: Record<string, GeoJSONVTTile> = {};
      for (const [name, t] of found) {
        const features = featuresOf(t).filter((f) => shown(f, z));
        if (features.length) kept[name] = { ...t, features } as GeoJSONVTTile;
      }
      if (!Object.keys(kept).length) continue;
      const pbf = fromGeojsonVt(kept, { version: 2, extent: EXTENT });
      tiles.push({ z, x, y, data: gzipSync(pbf, { level: 9 }) });
    }
  }
  return { tiles, shownFrom, leftOut, bounds };
}
