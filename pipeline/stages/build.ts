/**
 * Stage "build": one feature per gazetteer place that the plans name, with every citing passage,
 * split into the three layers (zones, corridors, sites).
 */
import { truncate, rewind } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import type { GazetteerEntry } from '../../src/lib/contracts/gazetteer.ts';
import type { PlaceFeature, PlaceProperties, SourceRef } from '../../src/lib/contracts/features.ts';
import type { Mention } from './extract.ts';
import type { Located } from './locate.ts';

export interface Layers {
  zones: PlaceFeature[];
  corridors: PlaceFeature[];
  sites: PlaceFeature[];
}

const clean = (g: Geometry): Geometry => {
  const f = truncate({ type: 'Feature', properties: {}, geometry: g } as Feature, { precision: 6, coordinates: 2 });
  return ((g.type.includes('Polygon') ? rewind(f, { reverse: false }) : f) as Feature).geometry;
};

export function buildLayers(
  entries: GazetteerEntry[],
  located: Map<string, Located>,
  mentions: Mention[],
  texts: Map<string, string>,
  planOrder: string[],
): Layers {
  const layers: Layers = { zones: [], corridors: [], sites: [] };
  for (const e of entries) {
    const ms = mentions.filter((m) => m.entry === e.id);
    if (ms.length === 0) continue;
    const seen = new Set<string>();
    const sources: SourceRef[] = [];
    for (const m of ms) {
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
    sources.sort((a, b) => planOrder.indexOf(a.plan) - planOrder.indexOf(b.plan) || a.start - b.start);
    const loc = located.get(e.id)!;
    const props: PlaceProperties = {
      name: e.name,
      aliases: e.aliases,
      kind: e.kind,
      district: e.district,
      plans: planOrder.filter((p) => sources.some((s) => s.plan === p)),
      themes: e.themes,
      method: e.geometry.type,
      precision_m: e.precision_m,
      evidence: e.evidence,
      sources,
    };
    if (e.figures) props.figures = e.figures;
    const main: PlaceFeature = { type: 'Feature', id: e.id, properties: props, geometry: clean(loc.main) };
    if (loc.main.type === 'Point') layers.sites.push(main);
    else if (loc.main.type.includes('Polygon')) layers.zones.push(main);
    else {
      layers.corridors.push({ ...main, properties: { ...props, role: 'line' } });
      if (loc.area)
        layers.corridors.push({
          type: 'Feature',
          id: `${e.id}-buffer`,
          properties: { ...props, role: 'buffer' },
          geometry: clean(loc.area),
        });
    }
  }
  return layers;
}
