/**
 * Geocoding one plan: every sentence's candidate names (spans.ts) are resolved inside the plan's
 * area (resolve.ts) or by the curated gazetteer (what the plan's wording defines), and grouped into
 * places, each with every passage that names it. Used by `npm run data` and `npm run geocode` alike.
 */
import { featureCollection, union } from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { Outline } from '../../src/lib/contracts/plan.ts';
import type { Evidence, FeatureKind, StatedFigures } from '../../src/lib/contracts/features.ts';
import { joined, said } from './evidence.ts';
import type { GazetteerEntry } from '../../src/lib/contracts/gazetteer.ts';
import type { Reference } from '../stages/reference.ts';
import { PipelineError } from '../errors.ts';
import { buildCityIndex, type CityIndex } from './city-index.ts';
import { suffixOf, type Lexicon } from './lexicon.ts';
import { at, Resolver, type Fix, type PlanArea } from './resolve.ts';
import { enclosureOf, grow, Roads } from './roads.ts';
import { spansOf, type Span } from './spans.ts';
import { locate, LocateMiss, type Located } from '../stages/locate.ts';

export interface Mention {
  plan: string;
  anchor: string;
  /** The name: [start, end) in the plan text. */
  start: number;
  end: number;
  name: string;
  /** The sentence holding it: the passage cited. */
  quote: { start: number; end: number };
}

/** A place one or more plans name, located or not. */
export interface GeoPlace {
  key: string;
  name: string;
  names: Set<string>;
  kind: FeatureKind;
  district: string;
  geometry: Geometry | null;
  /** A corridor's buffered area. */
  area?: Polygon | MultiPolygon;
  method: string;
  precision_m: number | null;
  evidence: Evidence[];
  themes: Set<string>;
  figures?: StatedFigures;
  /** Figures the geometry was fitted to (cut to a stated length, widened to a stated area). */
  fitted?: ('length_km' | 'area_km2')[];
  measured?: { length_km?: number };
  curated?: GazetteerEntry;
  mentions: Mention[];
}

/** A name found that is not a place (stop-lists, figures of speech, a neighbouring district). */
export interface NotPlace extends Mention {
  reason: string;
}

/** A match outside the plan's area, for the report. */
export interface OutsideMatch extends Mention {
  district: string | null;
  why: string;
}

export interface GeocodeContext {
  lex: Lexicon;
  ref: Reference;
  index: CityIndex;
  roads: Roads;
  resolver: Resolver;
  curated: GazetteerEntry[];
  curatedNames: Map<string, string>;
  located: Map<string, Located>;
  /** Curated entries the reference data cannot build, with the reason. */
  missed: Map<string, string>;
}

export function geocodeContext(lex: Lexicon, ref: Reference, curated: GazetteerEntry[]): GeocodeContext {
  const index = buildCityIndex(ref);
  const roads = new Roads(ref, index);
  const curatedNames = new Map<string, string>();
  for (const e of curated) for (const n of [e.name, ...e.aliases]) curatedNames.set(n, e.id);
  return {
    lex,
    ref,
    index,
    roads,
    resolver: new Resolver(
      index,
      roads,
      lex.qualifiers.map((q) => q.text),
    ),
    curated,
    curatedNames,
    located: new Map(),
    missed: new Map(),
  };
}

/** The plan's area: its districts' outlines, and grown by 1 km. Unknown districts are an error. */
export function planArea(ctx: GeocodeContext, districts: string[], street: string | null, where: string): PlanArea {
  if (districts.length === 0) throw new PipelineError(`${where}: no district given`);
  const shapes = districts.map((d) => {
    const f = ctx.index.districts.find((x) => x.properties.name === d);
    if (!f) {
      const known = ctx.index.districts.map((x) => x.properties.name).join('、');
      throw new PipelineError(`${where}: unknown district "${d}" (known: ${known})`);
    }
    return f;
  });
  if (
    street &&
    !ctx.index.places.some((p) => p.kind === 'street' && p.name === street && districts.includes(p.district ?? ''))
  )
    throw new PipelineError(
      `${where}: unknown street "${street}" in ${districts.join('、')} (give its full name, e.g. 杭州道街道)`,
    );
  const shape = (shapes.length === 1 ? shapes[0]! : union(featureCollection(shapes))!) as Feature<
    Polygon | MultiPolygon
  >;
  return { districts, street, shape, near: grow(shape, 1000) };
}

/** The sentences of a plan (chrome left out), with their anchors. */
export function unitsOf(outline: Outline): { anchor: string; start: number; end: number }[] {
  const units: { anchor: string; start: number; end: number }[] = [];
  for (const b of outline.blocks) {
    if (b.kind === 'chrome' || b.kind === 'toc') continue;
    if (b.sentences)
      for (const s of b.sentences) {
        let from = s.start;
        for (const [gs, ge] of s.gaps ?? []) {
          units.push({ anchor: s.anchor, start: from, end: gs });
          from = ge;
        }
        units.push({ anchor: s.anchor, start: from, end: s.end });
      }
    else if (['column', 'heading', 'section', 'chapter', 'part', 'title'].includes(b.kind))
      units.push({ anchor: b.anchor, start: b.start, end: b.end });
  }
  return units;
}

const FIGURE =
  /^[（(]?(?:约|共|近|逾|超过|总|占地|面积|规划面积|用地)*(?:面积)?(?:约)?(\d+(?:\.\d+)?)\s*(平方公里|公顷|万平方米|亩)/;
const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 地铁6号线, 轨道交通六号线, 6号线 → 6号线. */
function lineName(s: string): string {
  const bare = s.replace(/^(?:地铁线路|地铁|轨道交通|轨道)/, '');
  const cn = /^([一二三四五六七八九十]{1,3})号线$/.exec(bare);
  if (!cn) return bare;
  const ds = [...cn[1]!].map((c) => CN_DIGIT[c]!);
  const n = ds.length === 1 ? ds[0]! : ds[0] === 10 ? 10 + (ds[1] ?? 0) : ds[0]! * 10 + (ds[2] ?? 0);
  return `${n}号线`;
}

function figuresAfter(text: string): StatedFigures | undefined {
  const m = FIGURE.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[2] === '亩') return { mu: n };
  if (m[2] === '公顷') return { area_km2: n / 100 };
  if (m[2] === '万平方米') return { area_km2: n / 100 };
  return { area_km2: n };
}

/**
 * The themes of a mention: those its own name says (…医院 民生, …地铁 交通), else the one or two the
 * words around it say most often.
 */
function themesOf(lex: Lexicon, name: string, around: string): string[] {
  const score = Object.entries(lex.themes).map(([theme, words]) => ({
    theme,
    own: words.some((w) => name.includes(w)),
    n: words.reduce((k, w) => k + (around.split(w).length - 1), 0),
  }));
  const own = score.filter((x) => x.own).map((x) => x.theme);
  if (own.length) return own;
  const best = Math.max(...score.map((x) => x.n));
  return best > 0
    ? score
        .filter((x) => x.n === best)
        .slice(0, 2)
        .map((x) => x.theme)
    : [];
}

/** The curated entry's geometry, located once per run; a reason when the reference data cannot build it. */
function curatedFix(ctx: GeocodeContext, e: GazetteerEntry): Located | string {
  if (ctx.missed.has(e.id)) return ctx.missed.get(e.id)!;
  let loc = ctx.located.get(e.id);
  if (!loc) {
    const lc = { roads: ctx.roads, curated: ctx.curated, located: ctx.located };
    try {
      loc = locate(e, ctx.ref, lc);
    } catch (err) {
      if (!(err instanceof LocateMiss)) throw err;
      if (!e.fallback) {
        ctx.missed.set(e.id, err.message);
        return err.message;
      }
      try {
        loc = {
          ...locate({ ...e, geometry: e.fallback }, ctx.ref, lc),
          fallback: {
            why: err.said,
            precision_m: e.fallback_precision_m ?? e.precision_m,
            evidence: e.fallback_evidence ?? e.evidence,
          },
        };
      } catch (again) {
        if (!(again instanceof LocateMiss)) throw again;
        ctx.missed.set(e.id, `${err.message}; fallback: ${again.message}`);
        return ctx.missed.get(e.id)!;
      }
    }
    ctx.located.set(e.id, loc);
  }
  return loc;
}

function inAreaCurated(e: GazetteerEntry, area: PlanArea): boolean {
  return area.districts.includes(e.district) || e.district === '跨区' || e.kind === 'river' || e.kind === 'rail';
}

/** An enclosure "以A、B、C…围合": the hull of the crossings of consecutive roads. */
function enclosure(ctx: GeocodeContext, roads: string[], area: PlanArea): Fix | null {
  const e = enclosureOf(ctx.roads, roads, area.near);
  if ('missing' in e) return null;
  return {
    geometry: e.hull,
    method: 'enclosure',
    precision_m: Math.max(...e.corners.map((c) => c.precision_m)) + 100,
    evidence: [
      joined(
        e.corners.map((c) => c.evidence),
        {
          zh: `相邻围合道路的${e.corners.length}个交口连成的外包多边形`,
          en: `the hull of the ${e.corners.length} crossings of consecutive enclosing roads`,
        },
      ),
    ],
    kind: 'area',
    district: area.districts[0] ?? null,
    key: `enclosure:${[...roads].sort().join('、')}`,
    name: `${roads.join('、')}围合区域`,
  };
}

const FOUND_BY: Record<string, { zh: string; en: string }> = {
  grammar: { zh: '地名构词规则', en: 'the place-name grammar' },
  index: { zh: '地名索引', en: 'the name index' },
  'metro-line': { zh: '地铁线路名', en: 'the metro line names' },
  crossing: { zh: '道路交口的说法', en: 'the wording of a road crossing' },
  enclosure: { zh: '围合道路的说法', en: 'the wording of enclosing roads' },
};

function notFound(sp: Span, area: PlanArea): Evidence {
  const where = `${area.districts.join('、')}${area.street ? ` (${area.street})` : ''}`;
  const by = FOUND_BY[sp.how] ?? { zh: sp.how, en: sp.how };
  return said(
    `未能定位：参考数据中${where}内没有名为“${sp.name}”的地点；由${by.zh}识别`,
    `not located: no place of the reference data is named "${sp.name}" inside ${where}; found by ${by.en}`,
  );
}

export interface PlanInput {
  id: string;
  text: string;
  outline: Outline;
  area: PlanArea;
}

export interface PlanResult {
  places: GeoPlace[];
  notPlaces: NotPlace[];
  outside: OutsideMatch[];
}

export function geocodePlan(ctx: GeocodeContext, plan: PlanInput): PlanResult {
  const places = new Map<string, GeoPlace>();
  const notPlaces: NotPlace[] = [];
  const outside: OutsideMatch[] = [];
  const { lex, resolver, index } = ctx;
  const area = plan.area;
  const home = area.districts[0]!;
  const known = { curated: ctx.curatedNames, indexed: (n: string) => index.byName.has(n) };

  const place = (key: string, init: () => Omit<GeoPlace, 'mentions' | 'names' | 'themes'>): GeoPlace => {
    let p = places.get(key);
    if (!p) places.set(key, (p = { ...init(), mentions: [], names: new Set(), themes: new Set() }));
    return p;
  };

  for (const u of unitsOf(plan.outline)) {
    const s = plan.text.slice(u.start, u.end);
    const spans = spansOf(s, lex, known);
    const mention = (sp: Span): Mention => ({
      plan: plan.id,
      anchor: u.anchor,
      start: u.start + sp.start,
      end: u.start + sp.end,
      name: sp.name,
      quote: { start: u.start, end: u.end },
    });
    const border = lex.border.test(s);
    // Districts the sentence names: places there are in scope for this sentence.
    const allowed = new Set<string>();
    for (const sp of spans)
      for (const d of index.districts) if (sp.name.includes(d.properties.name)) allowed.add(d.properties.name);
    const resolved: { sp: Span; p: GeoPlace }[] = [];
    const unresolved: Span[] = [];
    let near: Position | undefined;

    for (let sp of spans) {
      if (sp.how === 'not-place') {
        notPlaces.push({ ...mention(sp), reason: sp.reason! });
        continue;
      }
      let fix: Fix | null = null;
      let cur: GazetteerEntry | undefined;
      // 意风区商圈, 五大道地区: named after a curated place, and around it.
      if (sp.how === 'grammar' || sp.how === 'index') {
        const id = resolver
          .forms(sp.name)
          .map((f) => ctx.curatedNames.get(f))
          .find((x) => x);
        const e = id ? ctx.curated.find((x) => x.id === id) : undefined;
        if (e && inAreaCurated(e, area)) sp = { ...sp, how: 'curated', entry: e.id };
      }
      if (sp.how === 'curated' || sp.how === 'enclosure') {
        const e = sp.entry
          ? ctx.curated.find((x) => x.id === sp.entry)
          : ctx.curated.find(
              (x) =>
                x.enclosed_by &&
                sp.roads &&
                x.enclosed_by.length === sp.roads.length &&
                sp.roads.every((r) => x.enclosed_by!.includes(r)),
            );
        if (e && inAreaCurated(e, area)) cur = e;
        else if (e)
          outside.push({
            ...mention(sp),
            district: e.district,
            why: `curated entry ${e.id} lies in ${e.district}, outside the plan's area: resolved afresh`,
          });
      }
      const loc = cur ? curatedFix(ctx, cur) : undefined;
      if (typeof loc === 'string')
        outside.push({
          ...mention(sp),
          district: cur!.district,
          why: `curated entry ${cur!.id} cannot be built from the reference data (${loc}): resolved afresh`,
        });
      if (cur && loc && typeof loc !== 'string') {
        const p = place(`curated:${cur.id}`, () => ({
          key: `curated:${cur.id}`,
          name: cur.name,
          kind: cur.kind,
          district: cur.district,
          geometry: loc.main,
          area: loc.area,
          method: loc.fallback ? cur.fallback!.type : cur.geometry.type,
          precision_m: loc.fallback?.precision_m ?? loc.radius_m ?? cur.precision_m,
          evidence: loc.fallback
            ? [
                ...loc.fallback.evidence,
                said(`未按围合道路定位：${loc.fallback.why.zh}`, `not by its enclosing roads: ${loc.fallback.why.en}`),
              ]
            : cur.evidence,
          figures: cur.figures,
          fitted: loc.fitted,
          measured: loc.measured,
          curated: cur,
        }));
        for (const t of cur.themes) p.themes.add(t);
        p.mentions.push(mention(sp));
        p.names.add(sp.name);
        resolved.push({ sp, p });
        continue;
      }
      if (sp.how === 'enclosure') fix = enclosure(ctx, sp.roads!, area);
      else if (sp.how === 'crossing') {
        const c = ctx.roads.crossing(sp.roads![0]!, sp.roads![1]!, area.near);
        if (c)
          fix = {
            geometry: { type: 'Point', coordinates: c.at },
            method: 'crossing',
            precision_m: c.precision_m,
            evidence: [c.evidence],
            kind: 'site',
            district: index.districtOf(c.at),
            key: `crossing:${[...sp.roads!].sort().join('×')}`,
            name: sp.name,
          };
      } else if (sp.how === 'metro-line') {
        const line = index.byName.get(lineName(sp.name))?.find((x) => x.kind === 'metro-line');
        if (line) fix = resolver.resolve(lineName(sp.name), 'rail', area, allowed);
      } else fix = resolver.resolve(sp.name, sp.kind ?? suffixOf(lex, sp.name)?.kind, area, allowed, near);
      // "X区…" in a sentence on the plan's neighbours: the neighbour's, not a place of this plan.
      const other = index.districts.find(
        (d) => sp.name.startsWith(d.properties.name) && !area.districts.includes(d.properties.name),
      );
      if (border && other) {
        notPlaces.push({ ...mention(sp), reason: lex.border_words.reason });
        continue;
      }

      // Another district is context (a neighbour, a partner), not a place of this plan.
      if (fix && fix.method === 'district' && !area.districts.includes(fix.district ?? '')) {
        notPlaces.push({
          ...mention(sp),
          reason: border ? lex.border_words.reason : 'another district named as context: not a place of this plan',
        });
        continue;
      }
      if (fix) {
        if (fix.district && !area.districts.includes(fix.district) && fix.kind !== 'rail' && fix.kind !== 'river')
          outside.push({ ...mention(sp), district: fix.district, why: `${fix.method}: ${fix.evidence[0]?.en}` });
        const f = fix;
        const p = place(f.key, () => ({
          key: f.key,
          name: f.name,
          kind: f.kind,
          district: f.district ?? home,
          geometry: f.geometry,
          method: f.method,
          precision_m: f.precision_m,
          evidence: f.evidence,
        }));
        p.mentions.push(mention(sp));
        p.names.add(sp.name);
        resolved.push({ sp, p });
        if (!near && f.precision_m <= 300 && f.kind !== 'rail' && f.kind !== 'river' && f.kind !== 'admin')
          near = at(f.geometry);
      } else if (
        index.districts.some(
          (d) => sp.name.startsWith(d.properties.name) && !area.districts.includes(d.properties.name),
        )
      )
        notPlaces.push({ ...mention(sp), reason: 'about another district, and no place of that name is known there' });
      else if (
        index.districts.some(
          (d) => sp.name.startsWith(d.properties.name) && lex.notPlaces.has(sp.name.slice(d.properties.name.length)),
        )
      )
        notPlaces.push({ ...mention(sp), reason: `the district and a generic kind (${sp.name}): no particular place` });
      else if (sp.how !== 'index' || sp.kind) unresolved.push(sp);
      // An index name with no generic ending (蓝天, 建国) that resolves to nothing here is a word, not a place.
    }
    // An enclosure right after a name ("X片区：以A、B…围合") is that name's place.
    for (const sp of unresolved) {
      const next = resolved.find((r) => r.p.method === 'enclosure' && r.sp.start >= sp.end && r.sp.start - sp.end <= 6);
      const key = next ? next.p.key : `unlocated:${home}:${sp.name}`;
      const p = next
        ? next.p
        : place(key, () => ({
            key,
            name: sp.how === 'enclosure' ? `${sp.roads!.join('、')}围合区域` : sp.name,
            kind: sp.kind ?? 'site',
            district: home,
            geometry: null,
            method: 'not-located',
            precision_m: null,
            evidence: [notFound(sp, area)],
          }));
      if (next && p.name.endsWith('围合区域')) p.name = sp.name;
      p.mentions.push(mention(sp));
      p.names.add(sp.name);
      resolved.push({ sp, p });
    }
    // Figures stated right after a name belong to it; themes come from the sentence's words.
    for (const { sp, p } of resolved) {
      const fig = figuresAfter(s.slice(sp.end, sp.end + 20));
      if (fig && !p.curated) p.figures = { ...p.figures, ...fig };
      if (!p.curated)
        for (const t of themesOf(lex, p.name, s.slice(Math.max(0, sp.start - 20), sp.end + 20))) p.themes.add(t);
    }
  }
  return { places: [...places.values()], notPlaces, outside };
}
