/**
 * Export of what is filtered (GeoJSON, CSV with the citations) and a PNG of the current map view
 * with its legend and attribution. Loaded on demand; text is only ever written as text.
 */
import { centroid } from '@turf/turf';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';
import { isLocated, type Place } from './catalog.ts';

export function toGeoJSON(places: Place[]): FeatureCollection<Geometry | null> {
  return { type: 'FeatureCollection', features: places.map((p) => p.feature) };
}

/** A CSV cell: quoted, and neutralised if a spreadsheet would read it as a formula. */
export function csvCell(v: unknown): string {
  let s = v === undefined || v === null ? '' : String(v);
  // Spreadsheets read a formula after leading blanks too, and in fullwidth (＝SUM…).
  if (/^[\s\u3000]*[=+\-@＝＋－＠]/.test(s) || /^[\t\r\n]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export const CSV_COLUMNS = [
  'id',
  'name',
  'aliases',
  'kind',
  'district',
  'plans',
  'themes',
  'lon',
  'lat',
  'precision_m',
  'method',
  'evidence',
  'citations',
] as const;

export function toCSV(places: Place[]): string {
  const rows = places.map((p) => {
    const q = p.feature.properties;
    const [lon, lat] = isLocated(p) ? centroid(p.feature).geometry.coordinates : [undefined, undefined];
    return [
      p.id,
      q.name,
      q.aliases.join('; '),
      q.kind,
      q.district,
      q.plans.join('; '),
      q.themes.join('; '),
      lon?.toFixed(6),
      lat?.toFixed(6),
      q.precision_m,
      q.method,
      q.evidence.join(' | '),
      q.sources.map((s) => `[${s.plan} ${s.anchor} @${s.start}-${s.end}] ${s.quote}`).join(' ‖ '),
    ];
  });
  // The BOM makes spreadsheet programs read the Chinese text as UTF-8.
  return '\ufeff' + [CSV_COLUMNS, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface LegendEntry {
  label: string;
  colour: string;
}

/** The map as drawn, plus a legend box and the attribution, as a PNG. */
export function mapPng(map: MapLibreMap, title: string, legend: LegendEntry[], attribution: string): Promise<Blob> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      try {
        const src = map.getCanvas();
        const out = document.createElement('canvas');
        out.width = src.width;
        out.height = src.height;
        const ctx = out.getContext('2d')!;
        ctx.drawImage(src, 0, 0);
        const scale = src.width / src.clientWidth;
        ctx.scale(scale, scale);
        const font = '"Noto Sans CJK SC", sans-serif';
        const pad = 8;
        const lh = 18;
        const boxH = pad * 2 + lh * (legend.length + 1);
        ctx.font = `12px ${font}`;
        const boxW = Math.max(...[title, ...legend.map((l) => l.label)].map((s) => ctx.measureText(s).width)) + 40;
        ctx.fillStyle = 'rgba(255,255,255,0.92)';
        ctx.fillRect(10, 10, boxW, boxH);
        ctx.fillStyle = '#1f2a30';
        ctx.font = `bold 13px ${font}`;
        ctx.fillText(title, 10 + pad, 10 + pad + 13);
        ctx.font = `12px ${font}`;
        legend.forEach((l, i) => {
          const y = 10 + pad + lh * (i + 1);
          ctx.fillStyle = l.colour;
          ctx.fillRect(10 + pad, y + 4, 12, 12);
          ctx.fillStyle = '#1f2a30';
          ctx.fillText(l.label, 10 + pad + 20, y + 14);
        });
        const w = src.clientWidth;
        const h = src.clientHeight;
        ctx.font = `11px ${font}`;
        const aw = ctx.measureText(attribution).width + 12;
        ctx.fillStyle = 'rgba(255,255,255,0.9)';
        ctx.fillRect(w - aw, h - 20, aw, 20);
        ctx.fillStyle = '#333';
        ctx.fillText(attribution, w - aw + 6, h - 6);
        out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png');
      } catch (e) {
        reject(e as Error);
      }
    });
    map.triggerRepaint();
  });
}
