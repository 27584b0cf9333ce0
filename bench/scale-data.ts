/**
 * A corpus `times` as large, made by the pipeline's own output stage: every feature of the
 * committed layers copied with a new id and shifted on a grid of 0.004° steps (~350 m), west and
 * north so that every copy stays inside Tianjin, then tiled, indexed and split into detail files by
 * `dataFiles` exactly as `npm run data` does. The copies crowd the same first view: what grows is
 * the density, which is what a vector-tile first view must not pay for.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry } from 'geojson';
import type { Manifest, PlaceFeature, UnlocatedFeature } from '../src/lib/contracts/features.ts';
import { dataFiles } from '../pipeline/stages/outputs.ts';
import type { Layers } from '../pipeline/stages/build.ts';
import { publish } from '../pipeline/write.ts';

const STEP = 0.004;
const COLUMNS = 32;

function shift<T extends Geometry | null>(g: T, dx: number, dy: number): T {
  if (!g) return g;
  const move = (c: unknown): unknown =>
    typeof (c as number[])[0] === 'number'
      ? [Number(((c as number[])[0]! + dx).toFixed(6)), Number(((c as number[])[1]! + dy).toFixed(6))]
      : (c as unknown[]).map(move);
  return { ...g, coordinates: move((g as { coordinates: unknown }).coordinates) } as T;
}

/** Copy k of a feature: a new id (a corridor's buffer keeps its `-buffer` suffix), a new name and shifted geometry. */
function copy<F extends PlaceFeature | UnlocatedFeature>(f: F, k: number): F {
  if (k === 0) return f;
  const id = f.id.endsWith('-buffer') ? f.id.replace(/-buffer$/, `-x${k}-buffer`) : `${f.id}-x${k}`;
  // Its own name (意风区 7): hundreds of plans name hundreds of different places, and search must
  // not gain from copies that share one.
  const properties = { ...f.properties, name: `${f.properties.name} ${k}` };
  return { ...f, id, properties, geometry: shift(f.geometry, -(k % COLUMNS) * STEP, Math.floor(k / COLUMNS) * STEP) };
}

export function readLayers(dir = 'data/geojson'): Layers {
  const read = (f: string) => JSON.parse(readFileSync(join(dir, `${f}.geojson`), 'utf8')).features;
  return { zones: read('zones'), corridors: read('corridors'), sites: read('sites'), unlocated: read('unlocated') };
}

export function multiplyLayers(layers: Layers, times: number): Layers {
  const many = <F extends PlaceFeature | UnlocatedFeature>(fs: F[]) =>
    Array.from({ length: times }, (_, k) => fs.map((f) => copy(f, k))).flat();
  return {
    zones: many(layers.zones),
    corridors: many(layers.corridors),
    sites: many(layers.sites),
    unlocated: many(layers.unlocated),
  };
}

/** Writes data/geojson for the corpus × `times` into `outDir`; returns its feature and place counts. */
export function writeScaledData(times: number, outDir: string): { features: number; places: number; bbox: number[] } {
  const manifest = JSON.parse(readFileSync('data/geojson/manifest.json', 'utf8')) as Manifest;
  const layers = multiplyLayers(readLayers(), times);
  const { files } = dataFiles(
    layers,
    { planOrder: manifest.plans, planColours: manifest.plan_colours, datasets: manifest.datasets },
    outDir,
  );
  publish(outDir, files);
  // The reader's outlines are the plans', whatever the number of places.
  cpSync('data/geojson/outlines', join(outDir, 'outlines'), { recursive: true });
  const written = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  return {
    features: layers.zones.length + layers.corridors.length + layers.sites.length,
    places: written.index.places,
    bbox: written.bbox,
  };
}
