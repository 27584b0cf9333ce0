/**
 * The city-wide gazetteer, generated from the reference data (never typed): one entry for every
 * named thing — districts and streets, community and village centres, metro stations and lines,
 * bus stops, schools, roads (the OSM main roads and the roads bus stops are named after), rivers —
 * each with its kind, district (by point in polygon), geometry, source, and the name forms it is
 * known by (站/地铁站/公交站 forms, 社区/村 forms, 第N中学 → N中).
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { Reference } from '../stages/reference.ts';

export type IndexKind =
  'district' | 'street' | 'community' | 'village' | 'station' | 'metro-line' | 'stop' | 'school' | 'road' | 'river';

export interface IndexPlace {
  /** Unique and stable: dataset and feature. */
  key: string;
  name: string;
  kind: IndexKind;
  district: string | null;
  /** Street (街道) of a community centre, from the admin data. */
  town?: string;
  /** Null for roads until their geometry is derived (roads.ts). */
  geometry: Geometry | null;
  source: { dataset: string; feature: string };
}

export interface CityIndex {
  places: IndexPlace[];
  /** Name form → the places known by it. */
  byName: Map<string, IndexPlace[]>;
  districts: Feature<Polygon | MultiPolygon, { name: string }>[];
  districtOf: (p: Position) => string | null;
  /** Road names a bus stop's name is made of (马场道香港路 → 马场道, 香港路). */
  roadsInStop: Map<string, string[]>;
}

const ROAD_TOKEN = /[\u4e00-\u9fa5]{1,6}?(?:大街|大道|路|道|街)/g;
const STOP_TAIL = /(?:公交站|地铁站|火车站|站)$/;
const DIRECTION = /[东西南北]$/;

/**
 * The road names inside a stop's name, in order. A stop named after a metro station (和平路地铁站)
 * names the station, which may not be on that road (the 和平路 station is on 营口道).
 */
export function roadTokens(stopName: string): string[] {
  if (/地铁站$/.test(stopName)) return [];
  const base = stopName.replace(STOP_TAIL, '');
  return [...base.matchAll(ROAD_TOKEN)].map((m) => m[0]).filter((r) => r.length >= 3 || /^[^地]大?[路道街]$/.test(r));
}

/** The base of a stop's name: without 公交站/地铁站/站, and without a direction (洋货市场北). */
export function stopForms(name: string): string[] {
  const base = name.replace(STOP_TAIL, '');
  const forms = [name, base];
  if (base.length >= 4 && DIRECTION.test(base)) forms.push(base.slice(0, -1));
  // 南开大学西门: the stop at a gate of what it names.
  const gate = /^(.{2,})(?:东门|西门|南门|北门|正门)$/.exec(base);
  if (gate) forms.push(gate[1]!);
  return [...new Set(forms)];
}

function stationForms(name: string): string[] {
  const base = name.replace(/站$/, '');
  return [...new Set([name, base, `${base}站`, `${base}地铁站`, `地铁${base}站`])];
}

function adminForms(name: string, level: string): string[] {
  if (level === 'county') return [name];
  if (level === 'town') {
    const base = name.replace(/(?:街道办事处|街道|镇人民政府|镇|乡)$/, '');
    // 大直沽街道 is the street of 大直沽: a three-character base names the area too.
    return name.endsWith('街道')
      ? [name, `${base}街`, ...(base.length >= 3 && !/[路道街]$/.test(base) ? [base] : [])]
      : [name];
  }
  const m = /^(.+?)(社区|村)(?:居委会|村委会|委员会|居民委员会|村民委员会)?$/.exec(name);
  if (!m) return [name.replace(/(?:居委会|村委会)$/, '')];
  return [...new Set([`${m[1]}${m[2]}`, m[1]!.length >= 2 ? m[1]! : `${m[1]}${m[2]}`])];
}

const CN_NUM = '一二三四五六七八九十';

function schoolForms(name: string, district: string): string[] {
  const forms = new Set([name]);
  const bare = name.replace(/^天津市/, '').replace(new RegExp(`^${district}`), '');
  forms.add(bare);
  const n = new RegExp(`^第([${CN_NUM}]{1,4})中学$`).exec(bare);
  if (n) forms.add(`${n[1]}中`);
  return [...forms].filter((f) => f.length >= 3);
}

export function buildCityIndex(r: Reference): CityIndex {
  const districts = r.districts.filter((d) => d.geometry.type.endsWith('Polygon')) as Feature<
    Polygon | MultiPolygon,
    { name: string }
  >[];
  const districtOf = (p: Position) => districts.find((d) => booleanPointInPolygon(p, d))?.properties.name ?? null;
  const places: IndexPlace[] = [];
  const byName = new Map<string, IndexPlace[]>();
  const add = (p: IndexPlace, forms: string[]) => {
    places.push(p);
    for (const f of new Set(forms)) {
      if (f.length < 2) continue;
      const list = byName.get(f) ?? [];
      list.push(p);
      byName.set(f, list);
    }
  };

  for (const d of districts)
    add(
      {
        key: `district:${d.properties.name}`,
        name: d.properties.name,
        kind: 'district',
        district: d.properties.name,
        geometry: d.geometry,
        source: { dataset: 'data/reference/districts.geojson', feature: d.properties.name },
      },
      [d.properties.name],
    );
  for (const s of r.streets)
    add(
      {
        key: `street-outline:${s.properties.name}`,
        name: s.properties.name,
        kind: 'street',
        district: s.properties.district,
        geometry: s.geometry,
        source: { dataset: 'data/reference/streets.geojson', feature: s.properties.name },
      },
      adminForms(s.properties.name, 'town'),
    );
  for (const c of r.centres) {
    const { name, level, town, county } = c.properties;
    if (level === 'province' || level === 'city' || level === 'county') continue;
    const kind: IndexKind = level === 'town' ? 'street' : /村/.test(name) ? 'village' : 'community';
    add(
      {
        key: `centre:${county}/${town}/${name}`,
        name,
        kind,
        district: county || districtOf(c.geometry.coordinates),
        town: town || undefined,
        geometry: c.geometry,
        source: { dataset: 'data/reference/admin-centres.geojson', feature: name },
      },
      adminForms(name, level),
    );
  }
  // Streets known only by their communities (no office point in the admin data): one entry each.
  const towns = new Map<string, string>();
  for (const c of r.centres)
    if (c.properties.level === 'village' && c.properties.town) towns.set(c.properties.town, c.properties.county);
  const hasTown = new Set(r.centres.filter((c) => c.properties.level === 'town').map((c) => c.properties.name));
  for (const [town, county] of [...towns].sort())
    if (!hasTown.has(town))
      add(
        {
          key: `street:${town}`,
          name: town,
          kind: 'street',
          district: county,
          town,
          geometry: null,
          source: { dataset: 'data/reference/admin-centres.geojson', feature: town },
        },
        adminForms(town, 'town'),
      );
  for (const s of r.stations)
    add(
      {
        key: `station:${s.properties.name}`,
        name: s.properties.name.replace(/站$/, '') + '站',
        kind: 'station',
        district: districtOf(s.geometry.coordinates),
        geometry: s.geometry,
        source: { dataset: 'data/reference/metro-stations.geojson', feature: s.properties.name },
      },
      stationForms(s.properties.name),
    );
  const lineNames = new Set(r.metroLines.map((l) => l.properties.name));
  for (const name of [...lineNames].sort()) {
    const parts = r.metroLines.filter((l) => l.properties.name === name);
    const coords = parts.flatMap((l) =>
      l.geometry.type === 'MultiLineString'
        ? l.geometry.coordinates
        : l.geometry.type === 'LineString'
          ? [l.geometry.coordinates]
          : [],
    );
    add(
      {
        key: `metro-line:${name}`,
        name: name.startsWith('地铁') ? name : `地铁${name}`,
        kind: 'metro-line',
        district: null,
        geometry: { type: 'MultiLineString', coordinates: coords },
        source: { dataset: 'data/reference/metro-lines.geojson', feature: name },
      },
      [name, `地铁${name}`, `轨道交通${name}`],
    );
  }
  const roadsInStop = new Map<string, string[]>();
  const stopsSeen = new Map<string, number>();
  for (const s of r.stops) {
    const n = s.properties.name;
    const k = (stopsSeen.get(n) ?? 0) + 1;
    stopsSeen.set(n, k);
    roadsInStop.set(n, roadTokens(n));
    add(
      {
        key: `stop:${n}${k > 1 ? `#${k}` : ''}`,
        name: n,
        kind: 'stop',
        district: districtOf(s.geometry.coordinates),
        geometry: s.geometry,
        source: { dataset: 'data/reference/bus-stops.geojson', feature: n },
      },
      stopForms(n),
    );
  }
  for (const s of r.schools)
    add(
      {
        key: `school:${s.properties.district}/${s.properties.name}`,
        name: s.properties.name,
        kind: 'school',
        district: s.properties.district,
        geometry: s.geometry,
        source: { dataset: 'data/reference/schools.geojson', feature: s.properties.name },
      },
      schoolForms(s.properties.name, s.properties.district),
    );
  // Roads: every OSM main road, and every road a bus stop is named after; geometry comes later.
  const roadNames = new Set<string>(r.roads.map((x) => x.properties.name));
  for (const tokens of roadsInStop.values()) for (const t of tokens) roadNames.add(t);
  for (const name of [...roadNames].sort())
    add(
      {
        key: `road:${name}`,
        name,
        kind: 'road',
        district: null,
        geometry: null,
        source: {
          dataset: 'data/reference/roads.geojson, bus-stops.geojson, bus-lines.json, bus-traces.geojson',
          feature: name,
        },
      },
      [name],
    );
  const riverNames = new Set(r.water.filter((w) => w.properties.kind !== 'label').map((w) => w.properties.name));
  for (const name of [...riverNames].sort()) {
    const area = r.water.find((w) => w.properties.name === name && w.properties.kind === 'river-area');
    const lines = r.water.filter((w) => w.properties.name === name && w.properties.kind === 'river-line');
    const geometry: Geometry = area
      ? area.geometry
      : {
          type: 'MultiLineString',
          coordinates: lines.map((l) => (l.geometry as { coordinates: Position[] }).coordinates),
        };
    add(
      {
        key: `river:${name}`,
        name,
        kind: 'river',
        // Rivers run through many districts: a plan names them wherever it is.
        district: null,
        geometry,
        source: {
          dataset: 'data/reference/water.geojson',
          feature: name,
        },
      },
      [name],
    );
  }
  return { places, byName, districts, districtOf, roadsInStop };
}
