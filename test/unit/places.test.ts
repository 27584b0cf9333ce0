import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { toFeature, type DetailFile, type PlaceIndex } from '../../src/lib/contracts/places.ts';
import { tileFeatures } from '../../src/lib/contracts/tiles.ts';
import type { PlaceFeature, UnlocatedFeature } from '../../src/lib/contracts/features.ts';
import { validateDetailFile, validatePlaceIndex } from '../../src/lib/contracts/validate.ts';
import { buildCatalog } from '../../src/lib/explore/catalog.ts';
import { applyFilters, emptyFilters, filterExpression, type Filters } from '../../src/lib/explore/filters.ts';
import { buildPlaces, DETAIL_BYTES } from '../../pipeline/stages/places.ts';

const layer = <T>(f: string) => JSON.parse(readFileSync(`data/geojson/${f}.geojson`, 'utf8')).features as T[];
const zones = layer<PlaceFeature>('zones');
const corridors = layer<PlaceFeature>('corridors');
const sites = layer<PlaceFeature>('sites');
const unlocated = layer<UnlocatedFeature>('unlocated');
const index = JSON.parse(readFileSync('data/geojson/places.json', 'utf8')) as PlaceIndex;
const details: DetailFile = Object.assign(
  {},
  ...readdirSync('data/geojson/details').map((n) => JSON.parse(readFileSync(`data/geojson/details/${n}`, 'utf8'))),
);

describe('place index and detail files', () => {
  test('pass the checks the app runs on them', () => {
    expect(validatePlaceIndex(index, 'places.json', index.schema_version)).toEqual([]);
    for (const n of readdirSync('data/geojson/details'))
      expect(validateDetailFile(JSON.parse(readFileSync(`data/geojson/details/${n}`, 'utf8')), n)).toEqual([]);
  });

  test('put back together, every place is exactly its feature in the GeoJSON layer files (exports stay complete)', () => {
    const features = [...zones, ...corridors.filter((f) => f.properties.role !== 'buffer'), ...sites, ...unlocated];
    expect(index.places.map((p) => p.id)).toEqual(features.map((f) => f.id));
    for (const [i, p] of index.places.entries()) expect(toFeature(p, details[p.id]!), p.id).toEqual(features[i]);
  });

  test('a corridor and its buffered area are one place, drawn as two map features', () => {
    const places = buildCatalog(index.places);
    expect(places.find((p) => p.id === 'nanjinglu-belt')!.fids).toEqual(['nanjinglu-belt', 'nanjinglu-belt-buffer']);
    expect(places.filter((p) => p.status === 'not-located').every((p) => p.fids.length === 0)).toBe(true);
  });

  test('detail files are small, filed under the first plan that names the place, named by their content', () => {
    for (const n of readdirSync('data/geojson/details')) {
      const text = readFileSync(`data/geojson/details/${n}`, 'utf8');
      expect(Buffer.byteLength(text), n).toBeLessThanOrEqual(DETAIL_BYTES + 16_384);
      const plan = n.split('.')[0];
      for (const id of Object.keys(JSON.parse(text)))
        expect(index.places.find((p) => p.id === id)!.plans[0]).toBe(plan);
    }
    // A smaller limit cuts more files; each place is still in exactly one.
    const small = buildPlaces(
      { zones, corridors, sites, unlocated },
      ['hangzhoudao-2021-fyp', 'hangzhoudao-2023-action', 'hebei-2022-fyp', 'jinzhong-2021-fyp', 'heping-2016-fyp'],
      8_192,
    );
    expect(small.details.size).toBeGreaterThan(readdirSync('data/geojson/details').length);
    const ids = [...small.details.values()].flatMap((d) => Object.keys(d));
    expect(ids.sort()).toEqual(index.places.map((p) => p.id).sort());
  });

  test("the index's shape of a line or area stays within 10 m of its geometry", () => {
    const wudadao = index.places.find((p) => p.id === 'wudadao-zone')!;
    const full = JSON.stringify(details['wudadao-zone']!.geometry).length;
    expect(JSON.stringify(wudadao.shape).length).toBeLessThanOrEqual(full);
    expect(wudadao.shape!.type).toBe(details['wudadao-zone']!.geometry!.type);
  });
});

describe('filters on the tiles', () => {
  // The labels are filtered on the tiles' properties: the same places as the list's filters.
  const places = buildCatalog(index.places);
  const props = new Map(
    Object.values(tileFeatures({ zones, corridors, sites }))
      .flat()
      .map((f) => [f.properties.id, f.properties]),
  );
  const cases: Partial<Filters>[] = [
    { plans: ['heping-2016-fyp'] },
    { plans: ['heping-2016-fyp', 'hebei-2022-fyp'], kinds: ['area', 'site'] },
    { themes: ['生态'] },
    { themes: ['商贸', '交通'], districts: ['和平区'] },
    { kinds: ['road'], districts: ['河北区', '东丽区'] },
  ];
  test.each(cases)('%o leaves the same places on the map as in the list', (c) => {
    const f = { ...emptyFilters(), ...c };
    const expr = featureFilter(filterExpression(f) as FilterSpecification, 'filter');
    const onMap = places
      .filter((p) => p.bbox)
      .filter((p) => expr.filter({ zoom: 14 }, { type: 1, properties: props.get(p.id)!, geometry: [] } as never))
      .map((p) => p.id);
    expect(onMap).toEqual(
      applyFilters(places, f)
        .filter((p) => p.bbox)
        .map((p) => p.id),
    );
    expect(onMap.length).toBeGreaterThan(0);
  });
  test('no filter, no expression', () => expect(filterExpression(emptyFilters())).toBeNull());
});
