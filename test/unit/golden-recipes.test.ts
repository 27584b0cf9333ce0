/**
 * Golden fixtures: one small gazetteer entry per geometry recipe, located against the committed
 * reference data and compared with the geometry recorded in test/fixtures/golden/recipes.geojson.
 * A change to a recipe (or to the reference data) shows here as a diff; when it is intended,
 * rewrite the golden file with UPDATE_GOLDEN=1 npx vitest run test/unit/golden-recipes.test.ts
 * and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { truncate } from '@turf/turf';
import type { Feature } from 'geojson';
import * as v from 'valibot';
import { GazetteerEntrySchema } from '../../pipeline/stages/gazetteer-schema.ts';
import { locate, type LocateContext } from '../../pipeline/stages/locate.ts';
import { defaultContext } from '../../pipeline/geocode/one-plan.ts';
import type { GazetteerEntry } from '../../src/lib/contracts/gazetteer.ts';

const DIR = 'test/fixtures/golden';
const entries = v.parse(
  v.array(GazetteerEntrySchema),
  JSON.parse(readFileSync(`${DIR}/recipes.json`, 'utf8')),
) as GazetteerEntry[];
const ctx = defaultContext();
const lctx: LocateContext = { roads: ctx.roads, curated: entries, located: new Map() };

/** What a recipe produces, rounded to ~10 cm so that floating-point noise is not a change. */
function produce(e: GazetteerEntry): Feature {
  const loc = locate(e, ctx.ref, lctx);
  const round = (g: unknown) =>
    truncate({ type: 'Feature', properties: {}, geometry: g } as Feature, { precision: 6 }).geometry;
  return {
    type: 'Feature',
    id: e.id,
    properties: {
      recipe: e.geometry.type,
      measured: Object.fromEntries(Object.entries(loc.measured).map(([k, x]) => [k, Number(x!.toFixed(3))])),
      fitted: loc.fitted ?? [],
      radius_m: loc.radius_m ?? null,
      area: loc.area ? round(loc.area) : null,
    },
    geometry: round(loc.main) as Feature['geometry'],
  };
}

describe('every geometry recipe against its golden fixture', () => {
  const produced = entries.map(produce);
  const file = `${DIR}/recipes.geojson`;
  if (process.env.UPDATE_GOLDEN === '1')
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: produced }, null, 1) + '\n');
  const golden = JSON.parse(readFileSync(file, 'utf8')) as { features: Feature[] };

  test('the fixture has one entry for each recipe of the gazetteer schema', () => {
    const recipes = new Set(entries.map((e) => e.geometry.type));
    expect([...recipes].sort()).toEqual(
      [
        'centroid',
        'district',
        'district-bank',
        'enclosure',
        'line',
        'metro-line',
        'metro-segment',
        'point',
        'polygon',
        'road',
        'water',
        'within',
      ].sort(),
    );
  });
  for (const f of produced)
    test(`${String(f.id)} (${String(f.properties!.recipe)})`, () => {
      expect(f).toEqual(golden.features.find((g) => g.id === f.id));
    });
});
