import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PMTiles, zxyToTileId, type Source } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tileId, writeArchive, type ArchiveTile } from '../../pipeline/tiles/pmtiles-writer.ts';
import { buildTileSet } from '../../pipeline/tiles/tile-set.ts';
import { LABEL_ZOOMS, TILE_LAYERS, TILE_ZOOMS } from '../../src/lib/contracts/tiles.ts';

/** An archive in memory, read the way the browser reads it: by byte ranges. */
function reader(bytes: Uint8Array): PMTiles {
  const source: Source = {
    getKey: () => 'memory',
    getBytes: async (offset, length) => ({ data: new Uint8Array(bytes.subarray(offset, offset + length)).buffer }),
  };
  return new PMTiles(source);
}

async function layersOf(
  p: PMTiles,
  z: number,
  x: number,
  y: number,
): Promise<Record<string, Record<string, unknown>[]>> {
  const t = await p.getZxy(z, x, y);
  if (!t) return {};
  const vt = new VectorTile(new PbfReader(new Uint8Array(t.data)));
  return Object.fromEntries(
    Object.entries(vt.layers).map(([name, l]) => [
      name,
      Array.from({ length: l.length }, (_, i) => l.feature(i).properties),
    ]),
  );
}

/** The tile at zoom z holding a WGS-84 position. */
const tileAt = (z: number, lng: number, lat: number): [number, number] => {
  const r = (lat * Math.PI) / 180;
  return [
    Math.floor(((lng + 180) / 360) * 2 ** z),
    Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z),
  ];
};

const OPTS = {
  minzoom: 0,
  maxzoom: 14,
  bounds: [117, 38, 118, 40] as [number, number, number, number],
  center: [117.5, 39, 0] as [number, number, number],
  metadata: { name: 'test' },
  tileCompression: 2 as const,
};

describe('PMTiles writer', () => {
  test('tile ids follow the spec: the same as the reference reader computes', () => {
    for (let z = 0; z <= 6; z++)
      for (let x = 0; x < 2 ** z; x++)
        for (let y = 0; y < 2 ** z; y++) expect(tileId(z, x, y)).toBe(zxyToTileId(z, x, y));
    for (const [z, x, y] of [
      [14, 13_534, 6_220],
      [12, 3_383, 1_555],
      [20, 863_000, 397_000],
    ] as const)
      expect(tileId(z, x, y)).toBe(zxyToTileId(z, x, y));
  });

  test('an archive reads back with the pmtiles reader: header, metadata, every tile', async () => {
    const tiles: ArchiveTile[] = [];
    for (let x = 0; x < 4; x++)
      for (let y = 0; y < 4; y++) tiles.push({ z: 2, x, y, data: gzipSync(Buffer.from(`tile 2/${x}/${y}`)) });
    const p = reader(writeArchive(tiles, { ...OPTS, metadata: { name: 'test', vector_layers: [] } }));
    const h = await p.getHeader();
    expect([h.specVersion, h.minZoom, h.maxZoom, h.tileCompression, h.numAddressedTiles]).toEqual([3, 0, 14, 2, 16]);
    expect([h.minLon, h.minLat, h.maxLon, h.maxLat]).toEqual([117, 38, 118, 40]);
    expect(await p.getMetadata()).toEqual({ name: 'test', vector_layers: [] });
    for (const t of tiles) {
      const got = await p.getZxy(t.z, t.x, t.y);
      // The reader undoes the tile compression the header names.
      expect(Buffer.from(got!.data).toString()).toBe(`tile 2/${t.x}/${t.y}`);
    }
    expect(await p.getZxy(3, 0, 0)).toBeUndefined();
  });

  test('identical tiles are stored once, and a root too big for the first 16 KiB gets leaf directories', async () => {
    const same = gzipSync(Buffer.from('the same tile'));
    const tiles: ArchiveTile[] = [];
    // 30,000 tiles, every third one distinct: runs, shared bytes and leaves all at once.
    for (let x = 0; x < 300; x++)
      for (let y = 0; y < 100; y++)
        tiles.push({ z: 10, x, y, data: (x + y) % 3 ? same : gzipSync(Buffer.from(`tile ${x}/${y}`)) });
    const bytes = writeArchive(tiles, OPTS);
    const p = reader(bytes);
    const h = await p.getHeader();
    expect(h.leafDirectoryLength).toBeGreaterThan(0);
    expect(h.rootDirectoryOffset + h.rootDirectoryLength).toBeLessThanOrEqual(16_384);
    expect(h.numTileContents).toBeLessThan(h.numAddressedTiles);
    for (const [x, y] of [
      [0, 0],
      [1, 0],
      [299, 99],
      [150, 51],
      [7, 8],
    ] as const) {
      const text = Buffer.from((await p.getZxy(10, x, y))!.data).toString();
      expect(text).toBe((x + y) % 3 ? 'the same tile' : `tile ${x}/${y}`);
    }
  });

  test('the same tiles give the same bytes', () => {
    const tiles: ArchiveTile[] = [{ z: 1, x: 1, y: 0, data: gzipSync(Buffer.from('a')) }];
    expect(Buffer.compare(writeArchive(tiles, OPTS), writeArchive([...tiles], OPTS))).toBe(0);
  });
});

describe('the committed tile archives', () => {
  const plan = reader(readFileSync('data/geojson/plan.pmtiles'));
  const labels = reader(readFileSync('data/geojson/plan-labels.pmtiles'));
  const layer = (f: string) =>
    JSON.parse(readFileSync(`data/geojson/${f}.geojson`, 'utf8')).features as {
      id: string;
      properties: { name: string };
    }[];

  test('zooms, extent and source layers as the app declares them', async () => {
    const h = await plan.getHeader();
    expect([h.minZoom, h.maxZoom]).toEqual([TILE_ZOOMS.minzoom, TILE_ZOOMS.maxzoom]);
    expect([h.tileType, h.tileCompression, h.clustered]).toEqual([1, 2, true]);
    const m = (await plan.getMetadata()) as { vector_layers: { id: string }[] };
    expect(m.vector_layers.map((l) => l.id)).toEqual([...TILE_LAYERS]);
    const l = await labels.getHeader();
    expect([l.minZoom, l.maxZoom]).toEqual([LABEL_ZOOMS.minzoom, LABEL_ZOOMS.maxzoom]);
  });

  test('a tile holds the slim properties only, lists as |a|b| strings', async () => {
    // 五大道 (117.197, 39.108) at zoom 14.
    const [x, y] = tileAt(14, 117.197, 39.108);
    const found = (await layersOf(plan, 14, x, y)).zones ?? [];
    const wudadao = found.find((p) => p.id === 'wudadao-zone')!;
    expect(wudadao).toMatchObject({ kind: 'area', plans: '|heping-2016-fyp|', district: '和平区' });
    expect(Object.keys(wudadao).sort()).toEqual(['district', 'id', 'kind', 'plans', 'precision_m', 'themes']);
  });

  test('nothing is thinned out of the real corpus: every feature is in the zoom-9 tiles, every label at zoom 12', async () => {
    const ids = async (p: PMTiles, z: number) => {
      const out = new Set<string>();
      const h = await p.getHeader();
      const [x0, y0] = tileAt(z, h.minLon, h.maxLat);
      const [x1, y1] = tileAt(z, h.maxLon, h.minLat);
      for (let x = x0; x <= x1; x++)
        for (let y = y0; y <= y1; y++)
          for (const fs of Object.values(await layersOf(p, z, x, y))) for (const f of fs) out.add(String(f.id));
      return out;
    };
    const all = ['zones', 'corridors', 'sites'].flatMap(layer).map((f) => f.id);
    expect([...(await ids(plan, 9))].sort()).toEqual([...all].sort());
    const labelled = await ids(labels, 12);
    for (const f of layer('sites')) expect(labelled.has(f.id), f.id).toBe(true);
  });
});

describe('thinning a crowded tile', () => {
  // 600 points in one small square: more than a tile below the last zoom may hold.
  const points = Array.from({ length: 600 }, (_, i) => ({
    type: 'Feature' as const,
    properties: { id: `p${i}`, precision_m: i % 7 === 0 ? 1000 : 50 },
    geometry: { type: 'Point' as const, coordinates: [117.2 + (i % 30) * 0.0005, 39.1 + Math.floor(i / 30) * 0.0005] },
  }));
  const set = buildTileSet({ sites: points }, { minzoom: 10, maxzoom: 14, budget: { features: 100, points: 10_000 } });
  const counts = (z: number) =>
    set.tiles
      .filter((t) => t.z === z)
      .map((t) => new VectorTile(new PbfReader(gunzipSync(t.data))).layers.sites!.length);
  const ids = (z: number) =>
    new Set(
      set.tiles
        .filter((t) => t.z === z)
        .flatMap((t) => {
          const l = new VectorTile(new PbfReader(gunzipSync(t.data))).layers.sites!;
          return Array.from({ length: l.length }, (_, i) => l.feature(i).properties.id);
        }),
    );

  test('below the last zoom a tile keeps the budget, the largest places first; the last zoom keeps all', () => {
    for (const n of counts(10)) expect(n).toBeLessThanOrEqual(100);
    expect(ids(14).size).toBe(600);
    // The rough places (a 1 km circle) are the larger: they stay longest.
    const kept = [...set.shownFrom].filter(([, z]) => z === 10).map(([id]) => Number(id.slice(1)));
    expect(kept.filter((i) => i % 7 === 0).length).toBe(Math.ceil(600 / 7));
  });

  test('a place left out of a zoom is left out of every lower one, and the output is deterministic', () => {
    for (const [, z] of set.shownFrom) expect(z).toBeGreaterThanOrEqual(10);
    const again = buildTileSet(
      { sites: points },
      { minzoom: 10, maxzoom: 14, budget: { features: 100, points: 10_000 } },
    );
    expect(again.tiles.map((t) => Buffer.from(t.data).toString('hex'))).toEqual(
      set.tiles.map((t) => Buffer.from(t.data).toString('hex')),
    );
  });
});
