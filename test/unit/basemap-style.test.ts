import { describe, expect, test } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { basemapStyle } from '../../src/lib/map/style/basemap.ts';
import { LAYER_ORDER, beforeId, ordered } from '../../src/lib/map/zorder.ts';
import { appStyle } from '../../src/lib/map/style/app-style.ts';
import { planSources } from '../../src/lib/map/style/plan-source-specs.ts';
import { filterExpression, emptyFilters } from '../../src/lib/explore/filters.ts';
import type { FilterSpecification } from 'maplibre-gl';
import { overlayLayers, overlaySources } from '../../src/lib/map/style/overlay-layers.ts';

const urls = {
  districts: 'http://127.0.0.1/d.geojson',
  streets: 'http://127.0.0.1/s.geojson',
  water: 'http://127.0.0.1/w.geojson',
  roads: 'http://127.0.0.1/r.geojson',
  metroLines: 'http://127.0.0.1/ml.geojson',
  metroStations: 'http://127.0.0.1/ms.geojson',
  streetNet: 'http://127.0.0.1/sn.geojson',
};

describe('basemap style', () => {
  test('validates against the MapLibre style spec', () => {
    expect(validateStyleMin(basemapStyle(urls))).toEqual([]);
  });

  test('has no glyph, sprite or tile URL (labels are drawn locally, nothing leaves the origin)', () => {
    const style = basemapStyle(urls);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const s of Object.values(style.sources)) {
      const { attribution: _a, ...fetched } = s as { attribution?: string };
      expect(JSON.stringify(fetched)).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    }
  });

  test('layers come in registry order and every id is registered', () => {
    const ids = basemapStyle(urls).layers.map((l) => l.id);
    const positions = ids.map((id) => LAYER_ORDER.indexOf(id as (typeof LAYER_ORDER)[number]));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

// The map is created with `validateStyle: false`: this is where its style is checked.
describe('app style', () => {
  const tiles = { plan: 'http://127.0.0.1/plan.pmtiles', labels: 'http://127.0.0.1/plan-labels.pmtiles' };
  const plan = planSources(tiles, [117, 38.5, 118, 39.5]);
  test.each(['plan', 'theme'] as const)('validates against the MapLibre style spec (colour by %s)', (colour) => {
    const style = appStyle(urls, plan, colour);
    expect(style.layers.some((l) => l.id === 'plan-sites')).toBe(true);
    expect(style.sources['plan']).toMatchObject({ type: 'vector', promoteId: 'id' });
    expect(validateStyleMin(style)).toEqual([]);
  });

  test("with the labels narrowed to a link's filters, and in GCJ-02, still validates", () => {
    const only = filterExpression({ ...emptyFilters(), plans: ['heping-2016-fyp'], kinds: ['area'] });
    const style = appStyle(
      urls,
      planSources(tiles, [117, 38.5, 118, 39.5], 'GCJ02'),
      'plan',
      only as FilterSpecification,
    );
    expect(validateStyleMin(style)).toEqual([]);
    expect(JSON.stringify(style.layers.find((l) => l.id === 'plan-labels'))).toContain('|heping-2016-fyp|');
  });

  test('with the overlays added, still validates', () => {
    const style = appStyle(urls, plan, 'plan');
    const full = {
      ...style,
      sources: { ...style.sources, ...overlaySources() },
      layers: ordered([...style.layers, ...overlayLayers()]),
    };
    expect(validateStyleMin(full)).toEqual([]);
  });

  test('a broken layer is caught', () => {
    const style = appStyle(urls, plan, 'plan');
    const broken = { ...style, layers: [...style.layers, { id: 'x', type: 'circle', source: 'nope' }] };
    expect(validateStyleMin(broken as typeof style).length).toBeGreaterThan(0);
  });
});

describe('layer registry', () => {
  test('beforeId finds the next present layer above', () => {
    expect(beforeId('districts-fill', ['background', 'water-area', 'roads'])).toBe('water-area');
    expect(beforeId('plan-labels', ['background'])).toBeUndefined();
  });
  test('an unknown id throws', () => {
    expect(() => beforeId('nope', [])).toThrow(/unknown map layer id/);
    expect(() => ordered([{ id: 'nope' }])).toThrow(/unknown map layer id/);
  });
});
