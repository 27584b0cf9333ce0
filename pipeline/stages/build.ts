/**
 * Stage "build": one feature per place the plans name, with every citing passage, split into the
 * layers (zones, corridors, sites) and the places not located (geometry null).
 */
import { truncate, rewind } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import { pinyin } from 'pinyin-pro';
import {
  UNCERTAIN_M,
  type PlaceFeature,
  type PlaceProperties,
  type SourceRef,
  type UnlocatedFeature,
} from '../../src/lib/contracts/features.ts';
import type { GeoPlace } from '../geocode/geocode.ts';

export interface Layers {
  zones: PlaceFeature[];
  corridors: PlaceFeature[];
  sites: PlaceFeature[];
  unlocated: UnlocatedFeature[];
}

const clean = (g: Geometry): Geometry => {
  const f = truncate({ type: 'Feature', properties: {}, geometry: g } as Feature, { precision: 6, coordinates: 2 });
  return ((g.type.includes('Polygon') ? rewind(f, { reverse: false }) : f) as Feature).geometry;
};

/** A URL-safe id from a Chinese name: its pinyin (南开大学 → nankaidaxue). */
export function slug(name: string): string {
  const py = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[];
  return (
    py
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'place'
  );
}

export function sourcesOf(p: GeoPlace, texts: Map<string, string>, planOrder: string[]): SourceRef[] {
  const seen = new Set<string>();
  const sources: SourceRef[] = [];
  for (const m of p.mentions) {
    const key = `${m.plan}|${m.quote.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sources.push({
      plan: m.plan,
      anchor: m.anchor,
      start: m.quote.start,
      end: m.quote.end,
      quote: texts.get(m.plan)!.slice(m.quote.start, m.quote.end),
    });
  }
  return sources.sort((a, b) => planOrder.indexOf(a.plan) - planOrder.indexOf(b.plan) || a.start - b.start);
}

/** Stable ids: curated places keep theirs; others get their name's pinyin, then the district's on a clash. */
export function assignIds(places: GeoPlace[]): Map<GeoPlace, string> {
  const ids = new Map<GeoPlace, string>();
  const used = new Set<string>();
  for (const p of places) if (p.curated) used.add(p.curated.id);
  const sorted = [...places].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const p of sorted) {
    if (p.curated) {
      ids.set(p, p.curated.id);
      continue;
    }
    let id = slug(p.name);
    if (used.has(id)) id = `${id}-${slug(p.district.replace(/区$/, ''))}`;
    for (let n = 2; used.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
    used.add(id);
    ids.set(p, id);
  }
  return ids;
}

export function buildLayers(places: GeoPlace[], texts: Map<string, string>, planOrder: string[]): Layers {
  const layers: Layers = { zones: [], corridors: [], sites: [], unlocated: [] };
  const ids = assignIds(places);
  const ordered = [...places].sort((a, b) => (ids.get(a)! < ids.get(b)! ? -1 : 1));
  for (const p of ordered) {
    const id = ids.get(p)!;
    const sources = sourcesOf(p, texts, planOrder);
    const base = {
      name: p.name,
      aliases: [...p.names].filter((n) => n !== p.name).sort(),
      kind: p.kind,
      district: p.district,
      plans: planOrder.filter((x) => sources.some((s) => s.plan === x)),
      themes: [...p.themes].sort(),
      method: p.method,
      evidence: p.evidence,
      sources,
      ...(p.figures ? { figures: p.figures } : {}),
    };
    if (!p.geometry || p.precision_m === null) {
      layers.unlocated.push({
        type: 'Feature',
        id,
        properties: { ...base, precision_m: null, status: 'not-located' },
        geometry: null,
      });
      continue;
    }
    const props: PlaceProperties = {
      ...base,
      precision_m: p.precision_m,
      status: p.precision_m > UNCERTAIN_M ? 'approximate' : 'located',
    };
    const main: PlaceFeature = { type: 'Feature', id, properties: props, geometry: clean(p.geometry) };
    const t = p.geometry.type;
    if (t === 'Point') layers.sites.push(main);
    else if (t.includes('Polygon')) layers.zones.push(main);
    else {
      layers.corridors.push({ ...main, properties: { ...props, role: 'line' } });
      if (p.area)
        layers.corridors.push({
          type: 'Feature',
          id: `${id}-buffer`,
          properties: { ...props, role: 'buffer' },
          geometry: clean(p.area),
        });
    }
  }
  return layers;
}
