import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildCatalog, isLocated, planArea, type Place } from '../../src/lib/explore/catalog.ts';
import { applyFilters, emptyFilters, facetCounts, toggle } from '../../src/lib/explore/filters.ts';
import { distanceTo, nearby } from '../../src/lib/explore/near.ts';
import { SearchIndex } from '../../src/lib/explore/search-index.ts';
import { pinyinKeys } from '../../src/lib/explore/pinyin-keys.ts';
import { pinyin } from 'pinyin-pro';
import { csvCell, toCSV } from '../../src/lib/explore/export.ts';
import { linkPlaces } from '../../src/lib/plans/highlight.ts';
import { HEPING_ZONES } from './heping-zones.ts';
import { UNCERTAIN_M, type PlaceFeature, type UnlocatedFeature } from '../../src/lib/contracts/features.ts';
import { toFeature, type DetailFile, type PlaceIndex } from '../../src/lib/contracts/places.ts';

const index = JSON.parse(readFileSync('data/geojson/places.json', 'utf8')) as PlaceIndex;
const unlocatedFc = JSON.parse(readFileSync('data/geojson/unlocated.geojson', 'utf8')) as {
  features: UnlocatedFeature[];
};
const details: DetailFile = Object.assign(
  {},
  ...readdirSync('data/geojson/details').map((n) => JSON.parse(readFileSync(`data/geojson/details/${n}`, 'utf8'))),
);
const places = buildCatalog(index.places);
const byId = (id: string) => places.find((p) => p.id === id)!;
const byName = (n: string) => places.find((p) => p.name === n)!;
const onMap = places.filter(isLocated);
const names = (ps: { place: Place }[] | Place[]) => ps.map((x) => ('place' in x ? x.place : x).name);
/** Places as the complete features an export writes (data/details.ts). */
const full = (ps: Place[]) => ps.map((p) => toFeature(p, details[p.id]!));

describe('catalog', () => {
  test('one place per feature, a corridor and its buffer together', () => {
    const ids = places.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.some((id) => id.endsWith('-buffer'))).toBe(false);
    expect(byId('nanjinglu-belt').fids).toEqual(['nanjinglu-belt', 'nanjinglu-belt-buffer']);
  });

  test('a point known to ±1.5 km covers that circle, not a pin', () => {
    const b = byName('金钟街道').bbox!;
    expect((b[3] - b[1]) * 111_320).toBeGreaterThan(2900);
  });

  test('a place not located is in the catalogue, with no box and nothing drawn', () => {
    const u = places.filter((p) => !isLocated(p));
    expect(u.length).toBe(unlocatedFc.features.length);
    expect(u.every((p) => p.fids.length === 0 && p.shape === null)).toBe(true);
  });

  test('each plan area is found as an admin feature', () => {
    for (const n of ['杭州道街道', '河北区', '金钟街道', '和平区']) expect(planArea(places, n)?.kind).toBe('admin');
  });
});

describe('filters', () => {
  test('values within a facet are alternatives, facets combine', () => {
    const heping = applyFilters(places, { ...emptyFilters(), plans: ['heping-2016-fyp'] });
    expect(heping.length).toBeGreaterThan(5);
    expect(heping.every((p) => p.plans.includes('heping-2016-fyp'))).toBe(true);
    const two = applyFilters(places, { ...emptyFilters(), plans: ['heping-2016-fyp', 'hebei-2022-fyp'] });
    expect(two.length).toBeGreaterThan(heping.length);
    const zones = applyFilters(places, { ...emptyFilters(), plans: ['heping-2016-fyp'], kinds: ['area'] });
    expect(names(zones)).toEqual(expect.arrayContaining(HEPING_ZONES));
    expect(zones.every((p) => p.kind === 'area')).toBe(true);
  });

  test('counts of a facet apply the other facets only', () => {
    const f = { ...emptyFilters(), kinds: ['area'] };
    const plans = facetCounts(places, f, 'plans');
    for (const id of ['heping-2016-fyp', 'hebei-2022-fyp'])
      expect(plans[id]).toBe(applyFilters(places, { ...f, plans: [id] }).length);
    // The kind facet itself is not narrowed by its own choice.
    expect(facetCounts(places, f, 'kinds').site).toBe(
      applyFilters(places, { ...emptyFilters(), kinds: ['site'] }).length,
    );
  });

  test('toggle adds and removes a value', () => {
    const f = toggle(emptyFilters(), 'themes', '生态');
    expect(f.themes).toEqual(['生态']);
    expect(toggle(f, 'themes', '生态').themes).toEqual([]);
  });
});

describe('near', () => {
  const XIAOBAILOU: [number, number] = [117.20912, 39.1139];

  test('0 m inside a zone, true distance to a line or point outside', () => {
    expect(distanceTo(byId('xiaobailou-zone').shape!, [117.21, 39.117])).toBe(0);
    const d = distanceTo(
      {
        type: 'LineString',
        coordinates: [
          [117.2, 39.1],
          [117.2, 39.2],
        ],
      },
      [117.21, 39.15],
    );
    expect(d).toBeGreaterThan(850);
    expect(d).toBeLessThan(870);
  });

  test('at 小白楼, the zones containing it come first, the smaller one before its district', () => {
    const near = nearby(onMap, XIAOBAILOU, 1000).located;
    expect(names(near).slice(0, 2)).toEqual(['小白楼高端商业商务区', '和平区']);
    expect(near.every((n, i) => i === 0 || near[i - 1]!.metres <= n.metres)).toBe(true);
    expect(near.every((n) => n.metres <= 1000)).toBe(true);
    expect(names(nearby(onMap, XIAOBAILOU, 5000).located).length).toBeGreaterThan(near.length);
  });

  test('rough places are listed apart, when their circle reaches into the radius', () => {
    const { located, rough } = nearby(onMap, XIAOBAILOU, 1000);
    expect(located.every((n) => n.place.precision_m <= UNCERTAIN_M)).toBe(true);
    expect(rough.every((n) => n.place.precision_m > UNCERTAIN_M)).toBe(true);
    expect(rough.every((n) => n.metres - n.place.precision_m <= 1000)).toBe(true);
    // Shown at the 小白楼 zone's centre, ±1.2 km: near, but not as if its site were known.
    expect(names(rough)).toContain('信达广场');
    expect(names(located)).not.toContain('信达广场');
    expect(rough.every((n, i) => i === 0 || rough[i - 1]!.metres <= n.metres)).toBe(true);
  });
});

describe('place search', () => {
  const index = new SearchIndex(places);
  const findPlaces = (q: string) => index.find(q);
  test('Chinese names and aliases, best match first', () => {
    expect(names(findPlaces('意风区'))[0]).toBe('意风区');
    expect(names(findPlaces('洋货'))[0]).toBe('洋货市场');
    // A place not located is found too.
    const u = unlocatedFc.features[0]!;
    expect(findPlaces(u.properties.name)[0]!.place.id).toBe(u.id);
    const alias = findPlaces('意式风情')[0]!;
    expect(alias.place.id).toBe('yifengqu');
    // Out of scope (outside China): no place.
    expect(findPlaces('肯尼亚')).toEqual([]);
  });

  test('pinyin initials and full pinyin', () => {
    const withPinyin = new SearchIndex(places);
    // Without the pinyin (before the worker has sent it), Latin queries only match Latin text.
    expect(withPinyin.find('yfq')).toEqual([]);
    withPinyin.addPinyin(withPinyin.terms.map((term) => pinyinKeys(pinyin, term)));
    expect(names(withPinyin.find('yfq'))[0]).toBe('意风区');
    expect(names(withPinyin.find('yifengqu'))[0]).toBe('意风区');
    expect(names(withPinyin.find('YangHuo'))[0]).toBe('洋货市场');
    expect(names(withPinyin.find('wdd'))).toContain('五大道小洋楼历史文化体验区');
  });
});

describe('export', () => {
  test('CSV cells are quoted and formulas neutralised', () => {
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(undefined)).toBe('""');
    for (const f of [' =1+1', '\n=1+1', '＝SUM(A1)', '\u3000+1', '＠x', '－1'])
      expect(csvCell(f).startsWith(`"'`), JSON.stringify(f)).toBe(true);
    expect(csvCell('南京路 = 商贸带')).toBe('"南京路 = 商贸带"');
  });

  test('one row per place, with every citation', () => {
    const some = full(places.slice(0, 5));
    const csv = toCSV(some);
    const rows = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(rows).toHaveLength(6);
    for (const f of some) expect(csv).toContain(f.properties.sources[0]!.quote.replace(/"/g, '""'));
  });

  test('codes for machines, and beside each the label the UI shows', () => {
    const p = full([byId('wudadao-zone')])[0] as PlaceFeature;
    const csv = toCSV([p], { kind: (k) => `K:${k}`, method: (m) => `M:${m}`, plan: (id) => `P:${id}` });
    const [head, row] = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    const cols = head!.split(',').map((c) => c.replace(/"/g, ''));
    const cells = row!.match(/"(?:[^"]|"")*"/g)!.map((c) => c.slice(1, -1));
    const at = (c: string) => cells[cols.indexOf(c)];
    expect(at('kind')).toBe('area');
    expect(at('kind_label')).toBe('K:area');
    expect(at('plans_label')).toBe('P:heping-2016-fyp');
    expect(at('method_label')).toBe(`M:${p.properties.method}`);
    // How it was located, in both languages: the Chinese text is Chinese, the English one is not.
    expect(at('evidence_zh')).toMatch(/\p{Script=Han}/u);
    expect(at('evidence_zh')).toBe(p.properties.evidence.map((e) => e.zh).join(' | '));
    expect(at('evidence_en')).toBe(p.properties.evidence.map((e) => e.en).join(' | '));
  });
});

describe('reader place links', () => {
  test('names are split out longest first, with their place', () => {
    const parts = linkPlaces(
      [{ text: '打造大意风区龙头增长极，意风区', mark: false }],
      [
        { term: '意风区', place: 'a' },
        { term: '大意风区', place: 'a' },
      ],
    );
    expect(parts).toEqual([
      { text: '打造', mark: false },
      { text: '大意风区', mark: false, place: 'a' },
      { text: '龙头增长极，', mark: false },
      { text: '意风区', mark: false, place: 'a' },
    ]);
  });
});
