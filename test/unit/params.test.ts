import { describe, expect, test } from 'vitest';
import { hashQuery, hashWith, keepParams, parseParams, DEFAULT_RADIUS } from '../../src/lib/state/params.ts';

describe('app state in the URL hash', () => {
  test('round trip of every parameter', () => {
    const hash =
      '#/?v=117.2,39.1,13.5&plans=a,b&kinds=area&themes=生态&districts=和平区&sel=x&near=117.2,39.11&radius=2000&basemap=osm&lang=en&colour=theme&tab=near';
    const p = parseParams(hashQuery(hash));
    expect(p).toEqual({
      view: [117.2, 39.1, 13.5],
      filters: { plans: ['a', 'b'], kinds: ['area'], themes: ['生态'], districts: ['和平区'] },
      sel: 'x',
      near: [117.2, 39.11],
      radius: 2000,
      basemap: 'osm',
      lang: 'en',
      colour: 'theme',
      tab: 'near',
    });
    expect(parseParams(hashQuery(hashWith('#/', p)))).toEqual(p);
  });

  test('a view or centre off the map is dropped, and a malformed escape does not throw', async () => {
    expect(parseParams(hashQuery('#/?v=117.2,91,10')).view).toBeNull();
    expect(parseParams(hashQuery('#/?v=117.2,39.1,40')).view).toBeNull();
    expect(parseParams(hashQuery('#/?near=999,999')).near).toBeNull();
    const { parseHash } = await import('../../src/lib/state/route.ts');
    expect(parseHash('#%%%')).toEqual({ view: 'map' });
    expect(parseHash('#/plan/%')).toMatchObject({ view: 'plan', plan: '%' });
  });

  test('defaults are left out and bad values ignored', () => {
    const p = parseParams(hashQuery('#/?v=abc&radius=99999999&lang=fr&tab=<img>'));
    expect(p.view).toBeNull();
    expect(p.radius).toBe(DEFAULT_RADIUS);
    expect(p.lang).toBe('zh');
    expect(p.tab).toBeNull();
    expect(hashWith('#/', p)).toBe('#/');
  });

  test('the route and its own parameters are kept', () => {
    const p = parseParams(hashQuery('#/?sel=x'));
    expect(hashWith('#/plan/heping-2016-fyp/ch3?q=五大道', p)).toBe(
      `#/plan/heping-2016-fyp/ch3?q=${encodeURIComponent('五大道')}&sel=x`,
    );
  });

  test('in-app links carry the app state but not the route parameters', () => {
    expect(keepParams('#/plan/p/a1?q=x', '#/?plans=a&v=1,2,3&q=old')).toBe('#/plan/p/a1?q=x&v=1%2C2%2C3&plans=a');
    expect(keepParams('#/?sel=new', '#/plan/p?sel=old&lang=en')).toBe('#/?sel=new&lang=en');
  });
});
