/**
 * Resolution: a name found in a plan → the place of the city index it denotes, inside the plan's
 * area first, and how precisely that locates it. A name that only matches a bus stop or metro
 * station named after it is a landmark near that stop, not on it; a name that matches nothing is
 * still a place, "not located".
 */
import { booleanPointInPolygon, centroid, convex, buffer, featureCollection, point } from '@turf/turf';
import type { Feature, Geometry, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { FeatureKind } from '../../src/lib/contracts/features.ts';
import type { CityIndex, IndexKind, IndexPlace } from './city-index.ts';
import type { Roads } from './roads.ts';
import { metres } from './roads.ts';
import { cite, said } from './evidence.ts';
import type { Evidence } from '../../src/lib/contracts/features.ts';

/**
 * Claimed radii by method, in metres. Calibrated against the evaluation set (test/fixtures/eval,
 * `npm run eval`): at least 9 in 10 true positions must lie within them.
 */
export const PRECISION = {
  district: 100,
  streetOutline: 300,
  streetHull: 600,
  streetCentre: 1500,
  community: 500,
  village: 1000,
  station: 150,
  stop: 100,
  school: 300,
  /** A landmark known only by the stop or station named after it: often 300–900 m away. */
  landmark: 900,
  metroLine: 50,
  riverArea: 60,
  /** National 1:4M lines: 180–520 m off at city scale (../shared/geodata README), more where they bend. */
  riverLine: 800,
} as const;

export interface Fix {
  geometry: Geometry;
  method: string;
  precision_m: number;
  evidence: Evidence[];
  kind: FeatureKind;
  district: string | null;
  /** The index place it rests on (its key), shared by every plan that names it. */
  key: string;
  name: string;
}

export interface PlanArea {
  districts: string[];
  street: string | null;
  /** The districts' union, and grown by 1 km for roads and stations on or near the boundary. */
  shape: Feature<Polygon | MultiPolygon>;
  near: Feature<Polygon | MultiPolygon>;
}

const KIND_OF: Record<IndexKind, FeatureKind> = {
  district: 'admin',
  street: 'admin',
  community: 'admin',
  village: 'admin',
  station: 'station',
  'metro-line': 'rail',
  stop: 'site',
  school: 'site',
  road: 'road',
  river: 'river',
};

/** Which index kinds a name with this ending may denote, best first. */
function kindsFor(kind: FeatureKind | undefined, name: string): IndexKind[] {
  if (/(?:地铁站|站)$/.test(name)) return ['station', 'stop'];
  if (/(?:街道)$/.test(name)) return ['street'];
  if (/(?:片区|地区|街区|区域)$/.test(name)) return ['street', 'community', 'station', 'stop', 'school', 'village'];
  // 金钟街 is the street 金钟街道 before it is a road named after it.
  if (/[^大]街$/.test(name)) return ['street', 'road'];
  if (kind === 'road') return ['road', 'street'];
  if (kind === 'river') return ['river'];
  if (kind === 'rail') return ['metro-line'];
  if (/(?:社区)$/.test(name)) return ['community'];
  if (/(?:村|庄|镇)$/.test(name)) return ['village', 'community', 'street', 'station', 'stop'];
  if (/区$/.test(name)) return ['district'];
  return ['school', 'community', 'village', 'station', 'stop', 'district', 'river', 'street', 'road'];
}

/** A representative position of a geometry: the point itself, else its centroid. */
export const at = (g: Geometry): Position => (g.type === 'Point' ? g.coordinates : centroid(g).geometry.coordinates);

export class Resolver {
  #streets = new Map<string, Fix | null>();
  constructor(
    private index: CityIndex,
    private roads: Roads,
    private qualifiers: string[],
  ) {}

  /** The forms a name may be known by: itself, without 天津市 or a district prefix, without a qualifier. */
  forms(name: string): string[] {
    const out = [name];
    const push = (f: string) => f.length >= 2 && !out.includes(f) && out.push(f);
    // Growing as it goes: 天津市滨海新区杭州道街道 → 滨海新区杭州道街道 → 杭州道街道.
    for (let i = 0; i < out.length; i++) {
      const f = out[i]!;
      push(f.replace(/^天津市?/, ''));
      for (const d of this.index.districts)
        if (f.startsWith(d.properties.name)) push(f.slice(d.properties.name.length));
    }
    // 第一中心医院 is called 一中心医院.
    for (const f of [...out]) if (/^第[一二三四五六七八九十]/.test(f)) push(f.slice(1));
    for (const f of [...out]) for (const q of this.qualifiers) if (f.endsWith(q)) push(f.slice(0, -q.length));
    // An area named like its 街道 (五大道, 小白楼): the street.
    for (const f of [...out]) if (!/(?:街道|区|站)$/.test(f)) push(`${f}街道`);
    return out;
  }

  #inArea(p: IndexPlace, area: PlanArea, allowed: Set<string>): boolean {
    if (p.kind === 'metro-line' || (p.kind === 'river' && p.district === null)) return true;
    if (p.kind === 'road') return true; // limited to the area when its geometry is derived
    if (p.district && (area.districts.includes(p.district) || allowed.has(p.district))) return true;
    if (!p.geometry) return false;
    if (p.kind === 'station' || p.kind === 'stop') return booleanPointInPolygon(at(p.geometry), area.near);
    return false;
  }

  /**
   * The best place for `name` (ending kind `kind`), or null. `allowed` adds districts the sentence
   * names; `near` is where the other places of the sentence are, to break ties.
   */
  resolve(
    name: string,
    kind: FeatureKind | undefined,
    area: PlanArea,
    allowed: Set<string>,
    near?: Position,
  ): Fix | null {
    const kinds = kindsFor(kind, name);
    for (const form of this.forms(name)) {
      const cands = (this.index.byName.get(form) ?? []).filter(
        (p) => kinds.includes(p.kind) && this.#inArea(p, area, allowed),
      );
      if (cands.length === 0) continue;
      const ranked = cands
        .map((p) => ({
          p,
          k: kinds.indexOf(p.kind),
          // Inside the plan's own street first, when the plan has one.
          s: area.street && p.town !== area.street ? 1 : 0,
          d: near && p.geometry ? metres(at(p.geometry), near) : 0,
        }))
        .sort((a, b) => a.k - b.k || a.s - b.s || a.d - b.d || (a.p.key < b.p.key ? -1 : 1));
      // "X片区", "X地块": the area named after X, not X itself.
      const around = this.qualifiers.some((q) => name.endsWith(q) && !form.endsWith(q));
      for (const { p } of ranked) {
        const fix = this.#fix(p, form, name, area);
        if (
          fix &&
          around &&
          fix.precision_m < PRECISION.landmark &&
          (p.kind === 'station' || p.kind === 'stop' || p.kind === 'school')
        )
          return {
            ...fix,
            name,
            kind: 'site',
            key: `near:${p.key}:${name}`,
            method: p.kind === 'station' ? 'named-after-station' : 'named-after-stop',
            precision_m: PRECISION.landmark,
            evidence: [
              said(
                `以${p.name}命名（${p.source.dataset}）；其周边片区或地块可能距其300–900米`,
                `named after ${p.name} (${p.source.dataset}); the area or plot around it may reach 300–900 m from it`,
                p.source,
                PRECISION.landmark,
              ),
            ],
          };
        if (fix) return fix;
      }
    }
    return null;
  }

  #fix(p: IndexPlace, form: string, name: string, area: PlanArea): Fix | null {
    const src = cite(p.source);
    const from = p.source;
    // Districts, streets, stations and schools go by their own name; the plan's form is an alias.
    const own = ['district', 'street', 'station', 'school', 'metro-line'].includes(p.kind);
    const base = { key: p.key, kind: KIND_OF[p.kind], district: p.district, name: own ? p.name : name };
    switch (p.kind) {
      case 'district':
        return {
          ...base,
          geometry: p.geometry!,
          method: 'district',
          precision_m: PRECISION.district,
          evidence: [said(`区界轮廓，${src}`, `district outline, ${src}`, from)],
        };
      case 'street': {
        // One hull per street, however often the plans name it.
        if (!this.#streets.has(p.key)) this.#streets.set(p.key, this.#street(p, base, src));
        const fix = this.#streets.get(p.key)!;
        return fix && { ...fix, name: base.name };
      }
      case 'community':
      case 'village': {
        const m = p.kind === 'community' ? PRECISION.community : PRECISION.village;
        return {
          ...base,
          geometry: p.geometry!,
          method: 'admin-centre',
          precision_m: m,
          evidence: [
            said(
              `${p.kind === 'community' ? '社区居委会' : '村委会'}的中心点，${src}；${p.kind === 'community' ? '社区' : '村'}的范围在其周围`,
              `the committee's centre point, ${src}; the ${p.kind} extends around it`,
              from,
            ),
          ],
        };
      }
      case 'station': {
        // 鼓楼站 names the station; 天津鼓楼 (form 鼓楼) names the landmark it is named after.
        const self = /站$/.test(form);
        if (self)
          return {
            ...base,
            kind: 'station',
            geometry: p.geometry!,
            method: 'metro-station',
            precision_m: PRECISION.station,
            evidence: [said(`地铁站，${src}`, `metro station, ${src}`, from)],
          };
        return {
          ...base,
          name,
          kind: 'site',
          key: `near:${p.key}:${name}`,
          geometry: p.geometry!,
          method: 'named-after-station',
          precision_m: PRECISION.landmark,
          evidence: [
            said(
              `地铁站${p.name}以其命名（${src}）；以地标命名的车站常距该地标300–900米`,
              `metro station ${p.name} is named after it (${src}); a station named after a landmark is often 300–900 m from it`,
              from,
              PRECISION.landmark,
            ),
          ],
        };
      }
      case 'stop': {
        if (/站$/.test(name) && !/(?:地铁站)$/.test(p.name))
          return {
            ...base,
            geometry: p.geometry!,
            method: 'bus-stop',
            precision_m: PRECISION.stop,
            evidence: [said(`公交站，${src}`, `bus stop, ${src}`, from)],
          };
        return {
          ...base,
          key: `near:${p.key}:${name}`,
          geometry: p.geometry!,
          method: 'named-after-stop',
          precision_m: PRECISION.landmark,
          evidence: [
            said(
              `公交站${p.name}以其命名（${src}）；以地标命名的站点常距该地标300–900米`,
              `bus stop ${p.name} is named after it (${src}); a stop named after a landmark is often 300–900 m from it`,
              from,
              PRECISION.landmark,
            ),
          ],
        };
      }
      case 'school':
        return {
          ...base,
          geometry: p.geometry!,
          method: 'school',
          precision_m: PRECISION.school,
          evidence: [
            said(
              `学校，${src}（按其名称在所在区内地理编码）`,
              `school, ${src} (a geocode of its name in its district)`,
              from,
            ),
          ],
        };
      case 'road': {
        const fix = this.roads.road(p.name, area.near);
        if (!fix) return null;
        return {
          ...base,
          key: `${p.key}@${area.districts.join('+')}`,
          district: area.districts[0] ?? null,
          geometry: fix.geometry,
          method: fix.method,
          precision_m: fix.precision_m,
          evidence: fix.evidence,
        };
      }
      case 'river': {
        if (p.geometry!.type.endsWith('Polygon'))
          return {
            ...base,
            geometry: p.geometry!,
            method: 'water',
            precision_m: PRECISION.riverArea,
            evidence: [said(`河道水面，${src}`, `river water area, ${src}`, from)],
          };
        // A river line runs through many districts: the parts near the plan's area, or nothing.
        const lines = (p.geometry as MultiLineString).coordinates.filter((l) =>
          l.some((c) => booleanPointInPolygon(c, area.near)),
        );
        if (!lines.length) return null;
        return {
          ...base,
          key: `${p.key}@${area.districts.join('+')}`,
          geometry: { type: 'MultiLineString', coordinates: lines },
          method: 'water',
          precision_m: PRECISION.riverLine,
          evidence: [said(`${src}，取规划范围附近的河段`, `${src}, the parts near the plan's area`, from)],
        };
      }
      case 'metro-line':
        return {
          ...base,
          geometry: p.geometry!,
          method: 'metro-line',
          precision_m: PRECISION.metroLine,
          evidence: [said(`OpenStreetMap 地铁线路走向，${src}`, `OpenStreetMap route of the line, ${src}`, from)],
        };
    }
  }

  /** A 街道: its outline where known, else the hull of its communities' centres, else its office. */
  #street(p: IndexPlace, base: Omit<Fix, 'geometry' | 'method' | 'precision_m' | 'evidence'>, src: string): Fix | null {
    const from = p.source;
    if (p.geometry && p.geometry.type !== 'Point')
      return {
        ...base,
        geometry: p.geometry,
        method: 'street-outline',
        precision_m: PRECISION.streetOutline,
        evidence: [said(`街道轮廓，${src}`, `street outline, ${src}`, from)],
      };
    const own = this.index.places.filter(
      (c) => c.kind === 'community' && c.town === (p.town ?? p.name) && c.district === p.district && c.geometry,
    );
    if (own.length >= 3) {
      const hull = convex(featureCollection(own.map((c) => point(at(c.geometry!)))));
      if (hull) {
        const grown = buffer(hull, 300, { units: 'meters', steps: 4 })!;
        return {
          ...base,
          key: `street:${p.district}/${p.name}`,
          geometry: grown.geometry,
          method: 'street-communities',
          precision_m: PRECISION.streetHull,
          evidence: [
            said(
              `其所辖${own.length}个社区中心点的外包多边形（data/reference/admin-centres.geojson），外扩300米：没有该街道的轮廓数据`,
              `the hull of the centres of its ${own.length} communities (data/reference/admin-centres.geojson), grown by 300 m: no outline of the street is available`,
              { dataset: 'data/reference/admin-centres.geojson', feature: p.town ?? p.name },
            ),
          ],
        };
      }
    }
    if (!p.geometry) return null;
    return {
      ...base,
      geometry: p.geometry,
      method: 'admin-centre',
      precision_m: PRECISION.streetCentre,
      evidence: [
        said(
          `街道办事处的中心点，${src}；没有该街道的轮廓数据`,
          `the street office's centre point, ${src}; no outline of the street is available`,
          from,
        ),
      ],
    };
  }
}
