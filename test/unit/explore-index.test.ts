/**
 * The indexes behind filters, list and search (built once per catalog) give exactly what the plain
 * scans they replace gave: each is checked against that scan, written out here as the rule it
 * follows, on the corpus and on five renamed, shifted copies of it (many ties, many matches).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { buildCatalog, intersects, isLocated, tileLayerOf, type Place } from '../../src/lib/explore/catalog.ts';
import { applyFilters, facetCounts, FACETS, valuesOf, type Filters } from '../../src/lib/explore/filters.ts';
import { FacetIndex } from '../../src/lib/explore/facet-index.ts';
import { hideFiltered } from '../../src/lib/map/plan-view.ts';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { countBits, emptyBits, forEachBit, fullBits, setBit } from '../../src/lib/explore/bitset.ts';
import { byDistance, ListDistances, ListOrder, type SortKey } from '../../src/lib/explore/list-order.ts';
import { FlatDistance } from '../../src/lib/explore/flat-distance.ts';
import { FlatShapes } from '../../src/lib/explore/flat-shapes.ts';
import type { Geometry } from 'geojson';
import { distanceTo, type LngLat } from '../../src/lib/explore/near.ts';
import { SearchIndex, isLatin, type Hit } from '../../src/lib/explore/search-index.ts';
import { norm, pinyinKeys, type PinyinKeys } from '../../src/lib/explore/pinyin-keys.ts';
import { zhCompare } from '../../src/lib/i18n/collate.ts';
import { multiplyIndex, readIndex } from '../e2e/copies.ts';

const corpus = (times: number): Place[] => buildCatalog(multiplyIndex(readIndex(), times).places);
const CORPORA = { '×1': corpus(1), '×5': corpus(5) };
const PLAN_ORDER = (JSON.parse(readFileSync('data/plans/plans.json', 'utf8')) as { id: string }[]).map((p) => p.id);
const ids = (ps: readonly Place[]) => ps.map((p) => p.id);

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random filters: each facet empty or one to three of its values (sometimes one no place has). */
function randomFilters(places: Place[], rnd: () => number): Filters {
  const f = { plans: [], kinds: [], themes: [], districts: [] } as Filters;
  for (const facet of FACETS) {
    if (rnd() < 0.5) continue;
    const values = [...new Set(places.flatMap((p) => valuesOf(p, facet)))];
    for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) f[facet].push(values[Math.floor(rnd() * values.length)]!);
    if (rnd() < 0.1) f[facet].push('no-such-value');
  }
  return f;
}

describe('bitsets', () => {
  test('a full set has exactly the places, and its indices come back in order', () => {
    for (const n of [0, 1, 31, 32, 33, 64, 1000]) {
      expect(countBits(fullBits(n))).toBe(n);
      const seen: number[] = [];
      forEachBit(fullBits(n), (i) => seen.push(i));
      expect(seen).toEqual([...Array(n).keys()]);
    }
    const b = emptyBits(100);
    for (const i of [99, 0, 31, 32, 63]) setBit(b, i);
    const seen: number[] = [];
    forEachBit(b, (i) => seen.push(i));
    expect(seen).toEqual([0, 31, 32, 63, 99]);
  });
});

describe('filters from per-value bitsets', () => {
  for (const [name, places] of Object.entries(CORPORA)) {
    test(`the same places and counts as the scan, for 300 random filters (${name})`, () => {
      const index = new FacetIndex(places);
      const rnd = random(19);
      for (let run = 0; run < 300; run++) {
        const f = randomFilters(places, rnd);
        expect(ids(index.select(index.match(f)))).toEqual(ids(applyFilters(places, f)));
        for (const facet of FACETS) expect(index.counts(f, facet)).toEqual(facetCounts(places, f, facet));
      }
    });
  }
});

describe('the map told what the filters hide', () => {
  test('every feature of a place left out carries hidden state, and a change touches only what changed', () => {
    const places = CORPORA['×5'];
    const index = new FacetIndex(places);
    // The label tiles loaded now: those of some places (a view of the city).
    const loaded = places.filter(isLocated).filter((_, k) => k % 7 === 0);
    // A map that keeps feature state as MapLibre does (by source, source layer and id).
    const state = new Map<string, boolean>();
    let planCalls = 0;
    const map = {
      getSource: (id: string) => (id === 'plan-labels' ? {} : undefined),
      setFeatureState: (f: { source: string; sourceLayer: string; id: string }, s: { hidden: boolean }) => {
        if (f.source === 'plan') planCalls++;
        state.set(`${f.source}/${f.sourceLayer}/${f.id}`, s.hidden);
      },
      // As MapLibre requires of a vector source: one source layer at a time.
      removeFeatureState: (f: { source: string; sourceLayer?: string }) => {
        if (!f.sourceLayer) throw new Error('The sourceLayer parameter must be provided for vector source types.');
        for (const k of state.keys()) if (k.startsWith(`${f.source}/${f.sourceLayer}/`)) state.delete(k);
      },
      querySourceFeatures: (_: string, o: { sourceLayer: string }) =>
        loaded.filter((p) => tileLayerOf(p) === o.sourceLayer).map((p) => ({ id: p.id })),
    } as unknown as MapLibreMap;
    const hidden = (source: string) =>
      new Set([...state].filter(([k, h]) => h && k.startsWith(`${source}/`)).map(([k]) => k.split('/')[2]!));
    const rnd = random(5);
    let before = new Set<string>();
    for (let run = 0; run < 40; run++) {
      const f = randomFilters(places, rnd);
      const shown = index.match(f);
      planCalls = 0;
      hideFiltered(map, places, countBits(shown) === places.length ? null : shown);
      const kept = new Set(applyFilters(places, f).map((p) => p.id));
      const want = new Set(places.filter((p) => isLocated(p) && !kept.has(p.id)).flatMap((p) => p.fids));
      expect(hidden('plan')).toEqual(want);
      // One call per feature whose state changed, and no more.
      const changed =
        [...want].filter((id) => !before.has(id)).length + [...before].filter((id) => !want.has(id)).length;
      expect(planCalls).toBe(changed);
      before = want;
      // Labels: those laid out already, of the places left out (the others come with the filter).
      expect(hidden('plan-labels')).toEqual(new Set(loaded.filter((p) => !kept.has(p.id)).map((p) => p.id)));
    }
    // A new catalog: what the old one hid is shown again.
    hideFiltered(map, CORPORA['×1'], null);
    expect(hidden('plan')).toEqual(new Set());
    expect(hidden('plan-labels')).toEqual(new Set());
  });
});

describe('distances on a flat projection', () => {
  const places = CORPORA['×1'].filter(isLocated);
  const ORIGINS: Record<string, LngLat> = {
    小白楼: [117.20912, 39.1139],
    'inside 和平区': [117.197, 39.108],
    金钟街道: [117.2615, 39.2093],
    滨海新区: [117.7, 39.02],
    'far west': [116.9, 39.4],
  };
  test('agree with Turf (true distance to the geometry, 0 inside) to 0.3% or 2 m', () => {
    for (const origin of Object.values(ORIGINS)) {
      const flat = new FlatDistance(origin);
      for (const p of places) {
        const turf = distanceTo(p.shape!, origin);
        const d = flat.to(p.shape!);
        expect(Math.abs(d - turf), `${p.id} from ${origin}`).toBeLessThanOrEqual(Math.max(2, turf * 0.003));
        expect(d === 0).toBe(turf === 0);
      }
    }
  });

  test('every kind of geometry, holes and several polygons included, measured from flattened shapes as by Turf', () => {
    // Squares around 117.2, 39.1 (some with a hole), a point, points, lines.
    const square = (x: number, y: number, r: number) => [
      [x - r, y - r],
      [x + r, y - r],
      [x + r, y + r],
      [x - r, y + r],
      [x - r, y - r],
    ];
    const shapes: Geometry[] = [
      { type: 'Point', coordinates: [117.21, 39.1] },
      {
        type: 'MultiPoint',
        coordinates: [
          [117.23, 39.11],
          [117.19, 39.08],
        ],
      },
      { type: 'LineString', coordinates: [[117.18, 39.12]] },
      {
        type: 'LineString',
        coordinates: [
          [117.18, 39.09],
          [117.22, 39.095],
          [117.24, 39.12],
        ],
      },
      {
        type: 'MultiLineString',
        coordinates: [
          [
            [117.1, 39.0],
            [117.1, 39.2],
          ],
          [
            [117.3, 39.0],
            [117.3, 39.2],
          ],
        ],
      },
      { type: 'Polygon', coordinates: [square(117.2, 39.1, 0.005), square(117.2, 39.1, 0.002)] },
      {
        type: 'MultiPolygon',
        coordinates: [[square(117.15, 39.1, 0.005)], [square(117.25, 39.1, 0.005), square(117.25, 39.1, 0.001)]],
      },
      {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [117.3, 39.3] },
          { type: 'Polygon', coordinates: [square(117.2, 39.05, 0.01)] },
        ],
      },
    ];
    const flat = new FlatShapes([null, ...shapes, undefined]);
    const origins: LngLat[] = [
      [117.2, 39.1], // in the hole of the holed square
      [117.2035, 39.1], // in its ring
      [117.25, 39.1005], // in the second polygon's hole
      [117.245, 39.1], // in the second polygon
      [117.15, 39.1], // in the first polygon
      [117.2, 39.05], // in the collection's polygon
      [117.26, 39.13], // outside everything
    ];
    for (const origin of origins) {
      const d = new FlatDistance(origin);
      expect(d.toShape(flat, 0)).toBe(Infinity);
      expect(d.toShape(flat, shapes.length + 1)).toBe(Infinity);
      shapes.forEach((g, k) => {
        const turf = distanceTo(g, origin);
        const got = d.toShape(flat, k + 1);
        const what = `${g.type} ${k} from ${origin}`;
        expect(got, what).toBe(d.to(g));
        expect(Math.abs(got - turf), what).toBeLessThanOrEqual(Math.max(2, turf * 0.003));
        expect(got === 0, `${what}: inside`).toBe(turf === 0);
      });
    }
  });
});

describe('positions sorted by distance', () => {
  const reference = (metres: Float64Array) =>
    [...metres.keys()].sort((a, b) => Math.round(metres[a]! * 1000) - Math.round(metres[b]! * 1000) || a - b);
  test('nearest first, ties (to the millimetre) in position order, however wide the range', () => {
    const rnd = random(11);
    for (const [n, range] of [
      [0, 1],
      [1, 1],
      [1000, 5],
      [5000, 50_000],
      [3000, 1e13], // too wide to pack with its position into an exact number: the comparator's way
    ] as const) {
      // Many ties, and some distances a fraction of a millimetre apart.
      const metres = Float64Array.from(
        { length: n },
        () => Math.floor(rnd() * range * 10) / 10 + (rnd() < 0.1 ? 0.0003 : 0),
      );
      expect(Array.from(byDistance(metres)), `${n} in ${range} m`).toEqual(reference(metres));
    }
  });
});

describe('the list in prepared orders', () => {
  /** The list as it was sorted before: places not located last, then by the sort, stable over the catalog. */
  function scanList(places: Place[], inView: Place[], sort: SortKey, d: ListDistances): Place[] {
    const at = new Map(places.map((p, i) => [p.id, i]));
    const metres = (p: Place) => d.at(at.get(p.id)!);
    const name = (p: Place) => p.name;
    const plan = (p: Place) => PLAN_ORDER.indexOf(p.plans[0] ?? '');
    const cmp: Record<SortKey, (a: Place, b: Place) => number> = {
      name: (a, b) => zhCompare(name(a), name(b)),
      plan: (a, b) => plan(a) - plan(b) || zhCompare(name(a), name(b)),
      // Equal to the millimetre is a tie.
      distance: (a, b) =>
        Math.round((metres(a) ?? 0) * 1000) - Math.round((metres(b) ?? 0) * 1000) || zhCompare(name(a), name(b)),
    };
    return [...inView].sort((a, b) => Number(!a.bbox) - Number(!b.bbox) || cmp[sort](a, b));
  }

  for (const [name, places] of Object.entries(CORPORA)) {
    test(`by name, plan and distance, as the sort of every row gave (${name})`, () => {
      const order = new ListOrder(places);
      const rnd = random(7);
      for (let run = 0; run < 12; run++) {
        // A view somewhere over the corpus (the copies run west and north), and random filters.
        const x = 117.0 + rnd() * 0.5;
        const y = 39 + rnd() * 0.2;
        const box: [number, number, number, number] = [x, y, x + 0.05 + rnd() * 0.3, y + 0.05 + rnd() * 0.2];
        const f = randomFilters(places, rnd);
        const filtered = applyFilters(places, f);
        const inView = filtered.filter((p) => !p.bbox || intersects(p.bbox, box));
        const bits = emptyBits(places.length);
        const at = new Map(places.map((p, i) => [p.id, i]));
        for (const p of inView) setBit(bits, at.get(p.id)!);
        const origin: LngLat | null = run % 4 === 3 ? null : [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
        const d = new ListDistances(order, origin);
        for (const sort of ['name', 'plan', 'distance'] as const)
          expect(ids(order.list(bits, sort, PLAN_ORDER, d)), `${sort} run ${run}`).toEqual(
            ids(scanList(places, inView, sort, d)),
          );
      }
    });
  }

  test('a place is found by id, and distances are null without an origin or a position', () => {
    const places = CORPORA['×1'];
    const order = new ListOrder(places);
    expect(order.indexOf('yifengqu')).toBe(places.findIndex((p) => p.id === 'yifengqu'));
    expect(order.indexOf('no-such-place')).toBeUndefined();
    const unlocated = places.findIndex((p) => !isLocated(p));
    expect(new ListDistances(order, [117.2, 39.1]).at(unlocated)).toBeNull();
    expect(new ListDistances(order, null).at(0)).toBeNull();
  });
});

describe('search from a prepared index', () => {
  /** The search as it was: every place, every term normalised and scored per query, then sorted. */
  function scanFind(
    places: Place[],
    query: string,
    keys: (term: string, position: number) => PinyinKeys | undefined,
    limit: number,
  ): Hit[] {
    const q = norm(query);
    if (!q) return [];
    const score = (term: string) => (term === q ? 3 : term.startsWith(q) ? 2 : term.includes(q) ? 1 : 0);
    const hits: Hit[] = [];
    let position = 0;
    for (const place of places) {
      let best: Hit | null = null;
      for (const term of [place.name, ...place.aliases]) {
        let s = score(norm(term));
        const k = keys(term, position++);
        if (!s && k && isLatin(q)) s = Math.max(score(k.full), score(k.initials)) * 0.9;
        if (s && (!best || s > best.score)) best = { place, term, score: s };
      }
      if (best) hits.push(best);
    }
    return hits
      .sort((a, b) => b.score - a.score || a.term.length - b.term.length || zhCompare(a.term, b.term))
      .slice(0, limit);
  }

  const QUERIES = [
    '意风区',
    '意风',
    '洋货',
    '道',
    '路',
    '五大道',
    '和平区',
    '1',
    '区 3',
    '肯尼亚',
    'y',
    'yf',
    'yfq',
    'yifengqu',
    'YangHuo',
    'wdd',
    'dao',
    'ji',
    'zx',
    ' ',
    '·',
    "xi'an",
  ];
  const slim = (hits: Hit[]) => hits.map((h) => [h.place.id, h.term, h.score]);

  for (const [name, places] of Object.entries(CORPORA)) {
    test(`the same hits, in the same order, as the scan (${name})`, () => {
      const index = new SearchIndex(places);
      const keys = index.terms.map((t) => pinyinKeys(pinyin, t));
      for (const q of QUERIES)
        for (const limit of [8, 20])
          expect(slim(index.find(q, limit)), q).toEqual(slim(scanFind(places, q, () => undefined, limit)));
      // The pinyin arrives in batches: a query in between matches the terms that have it.
      const half = Math.floor(keys.length / 2);
      index.addPinyin(keys.slice(0, half));
      for (const q of QUERIES)
        expect(slim(index.find(q, 8)), `${q}, half the pinyin`).toEqual(
          slim(scanFind(places, q, (_, i) => (i < half ? keys[i] : undefined), 8)),
        );
      index.addPinyin(keys.slice(half));
      for (const q of QUERIES)
        for (const limit of [8, 20])
          expect(slim(index.find(q, limit)), `${q} with pinyin`).toEqual(
            slim(scanFind(places, q, (_, i) => keys[i], limit)),
          );
    });
  }

  test('pinyin keys read words (full and initials), lower case, without separators', () => {
    expect(pinyinKeys(pinyin, '意风区')).toEqual({ full: 'yifengqu', initials: 'yfq' });
    expect(pinyinKeys(pinyin, '重庆道')).toEqual({ full: 'chongqingdao', initials: 'cqd' });
  });
});
