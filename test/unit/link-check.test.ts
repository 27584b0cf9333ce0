import { describe, expect, test } from 'vitest';
import { known, unusable } from '../../src/lib/state/link-check.ts';
import { hashQuery, parseParams } from '../../src/lib/state/params.ts';
import type { Place } from '../../src/lib/explore/catalog.ts';

const place = (id: string, plan: string): Place =>
  ({
    id,
    fids: [id],
    bbox: [0, 0, 1, 1],
    plans: [plan],
    kind: 'site',
    themes: ['商贸'],
    district: '和平区',
  }) as unknown as Place;

describe('what a link asks for that cannot be shown', () => {
  test('values of the wrong form or out of range are named', () => {
    const q = hashQuery('#/?v=117.2,91,10&near=999,999&radius=5&tab=x&lang=fr&colour=red&sel=a');
    expect(unusable(q, parseParams(q))).toEqual([
      'v=117.2,91,10',
      'near=999,999',
      'radius=5',
      'tab=x',
      'lang=fr',
      'colour=red',
    ]);
    const ok = hashQuery('#/?v=117.2,39.1,10&radius=500&near=117.2,39.1&tab=list&lang=en&colour=theme');
    expect(unusable(ok, parseParams(ok))).toEqual([]);
  });

  test('plans, places and basemaps the data does not have are dropped and named; the rest kept', () => {
    const q = hashQuery('#/?plans=nope,p1&themes=商贸&sel=ghost&basemap=moon');
    const k = known(parseParams(q), [place('a', 'p1')], ['offline', 'osm']);
    expect(k.filters.plans).toEqual(['p1']);
    expect(k.filters.themes).toEqual(['商贸']);
    expect(k.sel).toBeNull();
    expect(k.basemap).toBeNull();
    expect(k.dropped).toEqual(['plans=nope', 'sel=ghost', 'basemap=moon']);
    expect(known(parseParams(hashQuery('#/?sel=a&basemap=osm')), [place('a', 'p1')], ['osm']).dropped).toEqual([]);
  });
});
