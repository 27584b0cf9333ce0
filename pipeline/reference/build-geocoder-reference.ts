/**
 * Import of the reference data only the geocoder reads (never shipped to the app): schools, the
 * stop order of every bus line, and the bus route traces (real roads, 2018). From ../shared/geodata
 * into data/reference/ (WGS-84). Rerun: `npx tsx pipeline/reference/build-geocoder-reference.ts [dir]`.
 * Sources and licences: data/reference/SOURCES.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';

const src = process.argv[2] ?? '../shared/geodata';
const out = 'data/reference';
const read = (p: string) => readFileSync(join(src, p), 'utf8');
const r5 = (x: number) => Math.round(x * 1e5) / 1e5;

// Schools whose position is a real geocode of the name inside its stated district; the 226
// 'failed' ones are placeholders near a district centre and must never locate a school.
const schools = (JSON.parse(read('schools/schools_wgs84.geojson')) as FeatureCollection<Point>).features
  .filter((f) => f.properties!.geocode_confidence === 'name' && f.properties!.qa_in_stated_district === true)
  .map((f): Feature<Point> => ({
    type: 'Feature',
    properties: { name: f.properties!.name, district: f.properties!.district, level: f.properties!.level },
    geometry: { type: 'Point', coordinates: f.geometry.coordinates.map(r5) },
  }));
writeFileSync(join(out, 'schools.geojson'), JSON.stringify({ type: 'FeatureCollection', features: schools }) + '\n');

// Stop order of each line: { line: [[stop name, lon, lat], ...] } in travel order.
const rows = read('bus/line_stops_amap_2024.csv').trim().split('\n').slice(1);
const lines = new Map<string, [number, string, number, number][]>();
for (const row of rows) {
  const [, name, line, seq, , , lon, lat] = row.split(',');
  if (!lines.has(line!)) lines.set(line!, []);
  lines.get(line!)!.push([Number(seq), name!, r5(Number(lon)), r5(Number(lat))]);
}
const order = Object.fromEntries(
  [...lines]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([l, s]) => [l, s.sort((a, b) => a[0] - b[0]).map((x) => x.slice(1))]),
);
writeFileSync(join(out, 'bus-lines.json'), JSON.stringify(order) + '\n');

// Route traces, already quantised at 1e-4° by their source.
const traces = (JSON.parse(read('bus/route_traces_2018_wgs84.geojson')) as FeatureCollection<LineString>).features.map(
  (f, i): Feature<LineString> => ({
    type: 'Feature',
    properties: { trace: i },
    geometry: { type: 'LineString', coordinates: f.geometry.coordinates.map((c) => c.map(r5)) },
  }),
);
writeFileSync(join(out, 'bus-traces.geojson'), JSON.stringify({ type: 'FeatureCollection', features: traces }) + '\n');
console.log(`schools ${schools.length}, bus lines ${lines.size}, traces ${traces.length}`);
