/**
 * A place index many times the size of the real one, for tests of the list, search and filters at
 * scale: every place of `data/geojson/places.json` copied `times - 1` times, each copy renamed
 * (意风区 7: hundreds of plans name hundreds of different places, and a search index must not gain
 * from copies that share a name) and shifted on a grid, west and north, so that it stays in Tianjin.
 * The map's tiles stay those of the corpus: what is tested is what reads the index.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import type { Geometry } from 'geojson';
import type { DetailFile, PlaceIndex, PlaceSummary } from '../../src/lib/contracts/places.ts';
import type { BBox } from '../../src/lib/contracts/extent.ts';

const STEP = 0.004;
const COLUMNS = 32;

const move = (c: unknown, dx: number, dy: number): unknown =>
  typeof (c as number[])[0] === 'number'
    ? [Number(((c as number[])[0]! + dx).toFixed(6)), Number(((c as number[])[1]! + dy).toFixed(6))]
    : (c as unknown[]).map((x) => move(x, dx, dy));

const offset = (k: number): [number, number] => [-(k % COLUMNS) * STEP, Math.floor(k / COLUMNS) * STEP];

function shift<G extends Geometry | null>(g: G, k: number): G {
  const [dx, dy] = offset(k);
  return g && ({ ...g, coordinates: move((g as { coordinates: unknown }).coordinates, dx, dy) } as G);
}

function copy(p: PlaceSummary, k: number): PlaceSummary {
  if (k === 0) return p;
  const [dx, dy] = offset(k);
  const bbox = p.bbox && ([p.bbox[0] + dx, p.bbox[1] + dy, p.bbox[2] + dx, p.bbox[3] + dy] as BBox);
  return { ...p, id: `${p.id}-x${k}`, name: `${p.name} ${k}`, bbox, shape: shift(p.shape, k) };
}

/** A detail file with the entries of the copies (their geometry shifted as their places are). */
function multiplyDetails(file: DetailFile, times: number): DetailFile {
  const out: DetailFile = { ...file };
  for (const [id, d] of Object.entries(file))
    for (let k = 1; k < times; k++) out[`${id}-x${k}`] = { ...d, geometry: shift(d.geometry, k) };
  return out;
}

/** The index with `times - 1` renamed, shifted copies of every place after its own places. */
export function multiplyIndex(index: PlaceIndex, times: number): PlaceIndex {
  const places = Array.from({ length: times }, (_, k) => index.places.map((p) => copy(p, k))).flat();
  return { ...index, places };
}

export const readIndex = (): PlaceIndex => JSON.parse(readFileSync('data/geojson/places.json', 'utf8')) as PlaceIndex;

/** Serves the multiplied index and detail files in place of the app's; returns the number of places. */
export async function serveCopies(target: BrowserContext | Page, times: number): Promise<number> {
  const index = multiplyIndex(readIndex(), times);
  const body = JSON.stringify(index);
  await target.route(/\/assets\/places-[\w-]+\.json$/, (r) =>
    r.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  await target.route(/\/details\/[\w.-]+\.json$/, (r) => {
    const name = decodeURIComponent(new URL(r.request().url()).pathname.split('/').pop()!);
    const file = JSON.parse(readFileSync(`data/geojson/details/${name}`, 'utf8')) as DetailFile;
    return r.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify(multiplyDetails(file, times)),
    });
  });
  return index.places.length;
}
