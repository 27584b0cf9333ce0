import { describe, expect, test } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { distance } from '@turf/turf';
import { bd09ToGcj02, gcj02ToBd09, gcj02ToWgs84, wgs84ToGcj02, type LngLat } from '../../src/lib/geo/gcj02.ts';

const metres = (a: LngLat, b: LngLat) => distance(a, b, { units: 'meters' });
const SHARED = '../shared/geodata';

describe('WGS-84 ↔ GCJ-02', () => {
  test('round trip stays under 1 m across a grid over Tianjin', () => {
    let worst = 0;
    for (let lng = 116.7; lng <= 118.05; lng += 0.05) {
      for (let lat = 38.55; lat <= 40.25; lat += 0.05) {
        const p: LngLat = [lng, lat];
        worst = Math.max(worst, metres(p, gcj02ToWgs84(wgs84ToGcj02(p))));
      }
    }
    expect(worst).toBeLessThan(1);
  });

  test('in central Tianjin GCJ-02 sits about 550 m east of WGS-84', () => {
    const p: LngLat = [117.2, 39.13];
    const g = wgs84ToGcj02(p);
    expect(g[0] - p[0]).toBeGreaterThan(0.0055);
    expect(g[0] - p[0]).toBeLessThan(0.007);
    expect(metres(p, g)).toBeGreaterThan(450);
    expect(metres(p, g)).toBeLessThan(700);
  });

  test('BD-09 round trip under 1 m', () => {
    const p: LngLat = [117.2037, 39.1358];
    expect(metres(p, bd09ToGcj02(gcj02ToBd09(p)))).toBeLessThan(1);
  });

  // The metro station sits under the station's east side: 74 m from OSM's subway node 天津站 and
  // 180 m from OSM's railway node 天津 (the station complex is ~300 m across), so each is checked
  // against what it really is.
  test('the AMap metro station 天津站, converted, is within 150 m of OSM 天津站 (subway) and 250 m of the railway node 天津', () => {
    const stations = JSON.parse(readFileSync('data/reference/metro-stations.geojson', 'utf8'));
    const st = stations.features.find((f: { properties: { name: string } }) => f.properties.name === '天津站');
    expect(st).toBeDefined();
    expect(metres(st.geometry.coordinates, [117.2045428, 39.1367775])).toBeLessThan(150);
    expect(metres(st.geometry.coordinates, [117.2037, 39.1358])).toBeLessThan(250);
    expect(metres(gcj02ToWgs84(st.properties.gcj02), st.geometry.coordinates)).toBeLessThan(1);
  });
});

// Samples of the raw GCJ-02 files, committed so that this runs on any machine.
describe('our conversion reproduces the curated WGS-84 copies (committed samples)', () => {
  const pairs = JSON.parse(readFileSync('test/fixtures/gcj02/pairs.json', 'utf8')) as {
    stops: [LngLat, LngLat][];
    district_vertices: [LngLat, LngLat][];
  };
  test('bus stops and district vertices: each within 1 m of its WGS-84 copy', () => {
    expect(pairs.stops.length).toBeGreaterThan(200);
    expect(pairs.district_vertices.length).toBeGreaterThan(100);
    for (const [gcj, wgs] of [...pairs.stops, ...pairs.district_vertices])
      expect(metres(gcj02ToWgs84(gcj), wgs)).toBeLessThan(1);
  });
});

// The whole raw GCJ-02 files live in ../shared (beside the repo in CI and on the project's machines).
describe.runIf(existsSync(SHARED))('our conversion reproduces the curated WGS-84 copies', () => {
  test('bus stops: every converted stop within 1 m of its WGS-84 copy', () => {
    const gcj = JSON.parse(readFileSync(`${SHARED}/bus/stops_amap_2024_gcj02.geojson`, 'utf8'));
    const wgs = JSON.parse(readFileSync(`${SHARED}/bus/stops_amap_2024_wgs84.geojson`, 'utf8'));
    expect(gcj.features.length).toBe(wgs.features.length);
    let worst = 0;
    gcj.features.forEach((f: { geometry: { coordinates: LngLat } }, i: number) => {
      worst = Math.max(worst, metres(gcj02ToWgs84(f.geometry.coordinates), wgs.features[i].geometry.coordinates));
    });
    expect(worst).toBeLessThan(1);
  });

  test('district outlines: every vertex within 1 m', () => {
    const gcj = JSON.parse(readFileSync(`${SHARED}/districts/tianjin_districts_datav_gcj02.geojson`, 'utf8'));
    const wgs = JSON.parse(readFileSync(`${SHARED}/districts/tianjin_districts_datav_wgs84.geojson`, 'utf8'));
    let worst = 0;
    let n = 0;
    gcj.features.forEach((f: { geometry: { coordinates: LngLat[][][] } }, i: number) => {
      f.geometry.coordinates.forEach((poly, j) =>
        poly.forEach((ring, k) =>
          ring.forEach((p, m) => {
            n++;
            worst = Math.max(worst, metres(gcj02ToWgs84(p), wgs.features[i].geometry.coordinates[j][k][m]));
          }),
        ),
      );
    });
    expect(n).toBeGreaterThan(1000);
    expect(worst).toBeLessThan(1);
  });
});
