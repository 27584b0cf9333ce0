/**
 * One-off import of the reference geodata from ../shared/geodata into data/reference/ (WGS-84,
 * simplified, validated). The app and the pipeline only ever read data/reference/; rerun this
 * (`npx tsx pipeline/reference/build-reference.ts [shared-geodata-dir]`) when the sources change.
 * Sources, CRS handling and licences: data/reference/SOURCES.md.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  simplify,
  featureCollection,
  truncate,
  cleanCoords,
  booleanValid,
  unkinkPolygon,
  flatten,
  area,
  union,
  buffer,
  pointOnFeature,
  distance,
} from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
} from 'geojson';

const src = process.argv[2] ?? '../shared/geodata';
const out = 'data/reference';
mkdirSync(out, { recursive: true });

const read = (p: string): FeatureCollection => JSON.parse(readFileSync(join(src, p), 'utf8'));

/** Highlighted districts: the plan areas, as plans.json gives them. */
const PLAN_DISTRICTS = new Set(
  (JSON.parse(readFileSync('data/plans/plans.json', 'utf8')) as { district: string; districts?: string[] }[]).flatMap(
    (p) => p.districts ?? [p.district],
  ),
);

function tidy<T extends Geometry>(f: Feature<T>, tolerance: number): Feature<T> {
  const s = tolerance > 0 ? simplify(f, { tolerance, highQuality: true }) : f;
  return unkink(truncate(cleanCoords(s), { precision: 5, coordinates: 2 })) as Feature<T>;
}

/** Split self-intersecting rings (北辰区/宁河区 in the DataV file) into simple polygons. */
function unkink(f: Feature): Feature {
  if (booleanValid(f) || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) return f;
  const parts = flatten(f as Feature<Polygon | MultiPolygon>).features.flatMap((p) => {
    try {
      return unkinkPolygon(p).features;
    } catch {
      // Rings that touch themselves at a vertex: a zero-width buffer rebuilds them as simple rings.
      return flatten(buffer(p, 0, { units: 'meters' }) as Feature<Polygon | MultiPolygon>).features;
    }
  });
  const kept = parts.filter((p) => area(p) > 1000);
  const merged = kept.length === 1 ? kept[0] : union(featureCollection(kept));
  if (!merged) throw new Error(`cannot repair ${JSON.stringify(f.properties)}`);
  return { ...f, geometry: merged.geometry };
}

function write(name: string, features: Feature[]): void {
  for (const f of features) {
    if (!booleanValid(f)) throw new Error(`${name}: invalid geometry in ${JSON.stringify(f.properties)}`);
  }
  const text = JSON.stringify(featureCollection(features));
  writeFileSync(join(out, name), text + '\n');
  console.log(`${name}: ${features.length} features, ${(text.length / 1024).toFixed(1)} KB`);
}

// Districts: DataV 2019 outlines (GCJ-02 converted to WGS-84 by the geodata curator; the
// conversion is re-checked in test/unit/gcj02.test.ts).
const districts = read('districts/tianjin_districts_datav_wgs84.geojson').features.map((f) => {
  const name = String(f.properties?.name);
  const planArea =
    PLAN_DISTRICTS.has(name) || name === '河西区' || name === '河东区' || name === '南开区' || name === '红桥区';
  return tidy(
    {
      type: 'Feature',
      properties: { name, adcode: f.properties?.adcode, plan_area: PLAN_DISTRICTS.has(name) },
      geometry: f.geometry,
    },
    planArea ? 0.0002 : 0.001,
  );
});
// One label point per district (`kind: 'label'`): laying out a label on each polygon piece of every
// tile costs ~0.07 of the load ratio (bench/load); a point is placed once.
const districtLabels = districts.map((f) => ({
  type: 'Feature' as const,
  properties: { name: f.properties!.name, plan_area: f.properties!.plan_area, kind: 'label' },
  geometry: truncate(pointOnFeature(f), { precision: 5 }).geometry,
}));
write('districts.geojson', [...districts, ...districtLabels]);

// Streets (街道): 和平区 (hand-drawn, rough) and 河西区 (cadastral-like).
const heping = read('streets/heping_streets_handdrawn.geojson').features.map((f) =>
  tidy(
    {
      type: 'Feature',
      properties: { name: f.properties?.name_zh, district: '和平区', rough: true },
      geometry: f.geometry,
    },
    0,
  ),
);
const hexi = read('streets/hexi_streets.geojson').features.map((f) =>
  tidy(
    {
      type: 'Feature',
      properties: { name: f.properties?.name, district: '河西区', rough: false },
      geometry: f.geometry,
    },
    0.0001,
  ),
);
write('streets.geojson', [...heping, ...hexi]);

// Metro lines: OSM routes have one relation per direction; keep the longest per line.
const routes = read('metro/routes_osm.geojson').features as Feature<MultiLineString | LineString>[];
const byLine = new Map<string, Feature<MultiLineString | LineString>>();
const partKey = (f: Feature) => `${f.properties?.ref}|${/（(.段)）/.exec(String(f.properties?.name))?.[1] ?? ''}`;
for (const f of routes) {
  const k = partKey(f);
  const size = JSON.stringify(f.geometry).length;
  const prev = byLine.get(k);
  if (!prev || JSON.stringify(prev.geometry).length < size) byLine.set(k, f);
}
const lineColour = new Map<string, string>();
const metroLines = [...byLine.values()].map((f) => {
  const ref = String(f.properties?.ref);
  const name = /^\d+$/.test(ref) ? `${ref}号线` : ref === 'Z4' ? 'Z4线' : ref;
  lineColour.set(name, String(f.properties?.colour));
  return tidy(
    { type: 'Feature', properties: { ref, name, colour: f.properties?.colour }, geometry: f.geometry },
    0.00005,
  );
});
write('metro-lines.geojson', metroLines);

// Metro stations (AMap 2024, GCJ-02 converted to WGS-84 by the curator).
write(
  'metro-stations.geojson',
  read('metro/stations_amap_wgs84.geojson').features.map((f) => {
    const lines: string[] = f.properties?.lines ?? [];
    return tidy(
      {
        type: 'Feature',
        properties: {
          name: f.properties?.name,
          lines,
          transfer: !!f.properties?.transfer,
          gcj02: f.properties?.gcj02,
          colour: lineColour.get(lines[0] ?? '') ?? '#666666',
        },
        geometry: f.geometry,
      },
      0,
    );
  }),
);

// Water: the 海河 polygon (Landsat) and the national 1:4M river lines (context only).
// The Landsat mask touches itself at the bridges (387 kinks): a 1 m buffer makes it one valid shape.
const haihe = read('water/haihe_landsat_wgs84.geojson').features.map((f) => {
  const fixed = buffer(f, 1, { units: 'meters' }) as Feature<MultiPolygon>;
  return tidy({ type: 'Feature', properties: { name: '海河', kind: 'river-area' }, geometry: fixed.geometry }, 0.00003);
});
const rivers = read('water/rivers_1to4m_clip.geojson')
  .features.filter((f) => f.properties?.NAME && !String(f.properties.NAME).startsWith('海河'))
  .map((f) =>
    tidy(
      {
        type: 'Feature',
        properties: { name: String(f.properties?.NAME).replace(/\(.*\)/, ''), kind: 'river-line' },
        geometry: f.geometry,
      },
      0.0003,
    ),
  );
// Label points along the 海河, on its largest parts at least 4 km apart (the city-centre reach is
// split into small parts at the bridges). Labelling the polygon's outline instead costs ~0.06 of the
// load ratio (bench/load) and repeats the name along both banks.
const haiheLabels: Feature[] = [];
for (const part of haihe.flatMap((f) => flatten(f).features).sort((a, b) => area(b) - area(a))) {
  const at = truncate(pointOnFeature(part), { precision: 5 });
  // The mask also holds water above 三岔河口 (117.19, 39.155), where the 海河 begins: not labelled 海河.
  const [x, y] = at.geometry.coordinates as [number, number];
  if (y > 39.155 || x < 117.18) continue;
  if (haiheLabels.some((l) => distance(l as Feature<Point>, at, { units: 'kilometers' }) < 4)) continue;
  haiheLabels.push({ type: 'Feature', properties: { name: '海河', kind: 'label' }, geometry: at.geometry });
}
write('water.geojson', [...haihe, ...haiheLabels, ...rivers]);

// Main roads (OSM via Overpass, ODbL).
write(
  'roads.geojson',
  read('roads/osm_main_roads_wgs84.geojson').features.map((f) =>
    tidy(
      {
        type: 'Feature',
        properties: { name: f.properties?.name, express: !!f.properties?.express, ring: f.properties?.ring ?? null },
        geometry: f.geometry,
      },
      0.00008,
    ),
  ),
);

// Points the pipeline places things at (never shipped to the app): bus stops (AMap 2024) and admin
// centres (Vonng/adcode 2016), reduced to what the gazetteer refers to. Stops keep their GCJ-02 original.
const points = (file: string, keep: (p: Record<string, unknown>) => Record<string, unknown>): Feature[] =>
  read(file).features.map((f) => ({ type: 'Feature', properties: keep(f.properties ?? {}), geometry: f.geometry }));
write(
  'bus-stops.geojson',
  points('bus/stops_amap_2024_wgs84.geojson', (p) => ({ name: p.name, gcj02: p.gcj02 })),
);
write(
  'admin-centres.geojson',
  points('admin-centres/tianjin_admin_centers_2016_wgs84.geojson', (p) => ({
    name: p.name,
    level: p.level,
    county: p.county,
    town: p.town,
  })).filter((f) => f.geometry),
);
