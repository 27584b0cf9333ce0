/**
 * Export of what is filtered (GeoJSON, CSV with the citations) and a PNG of the current map view
 * with its legend and attribution. Loaded on demand; text is only ever written as text.
 */
import { centroid } from '@turf/turf';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';
import type { PlaceFeature, UnlocatedFeature } from '../contracts/features.ts';

/** A place as the GeoJSON layer files have it (data/details.ts `featuresOf` puts it together). */
export type FullFeature = PlaceFeature | UnlocatedFeature;

export function toGeoJSON(features: FullFeature[]): FeatureCollection<Geometry | null> {
  return { type: 'FeatureCollection', features };
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
  'kind_label',
  'district',
  'plans',
  'plans_label',
  'themes',
  'lon',
  'lat',
  'precision_m',
  'method',
  'method_label',
  'evidence_zh',
  'evidence_en',
  'evidence_data',
  'citations',
] as const;

/** How the UI names codes (kinds, methods, plans), for the columns beside them. */
export interface CsvLabels {
  kind: (k: string) => string;
  method: (m: string) => string;
  plan: (id: string) => string;
}
const SAME: CsvLabels = { kind: (k) => k, method: (m) => m, plan: (p) => p };

/** The codes (for machines) and, beside each, the label the UI shows (for people). */
export function toCSV(features: FullFeature[], labels: CsvLabels = SAME): string {
  const rows = features.map((f) => {
    const q = f.properties;
    const [lon, lat] = f.geometry ? centroid(f as PlaceFeature).geometry.coordinates : [undefined, undefined];
    return [
      f.id,
      q.name,
      q.aliases.join('; '),
      q.kind,
      labels.kind(q.kind),
      q.district,
      q.plans.join('; '),
      q.plans.map(labels.plan).join('; '),
      q.themes.join('; '),
      lon?.toFixed(6),
      lat?.toFixed(6),
      q.precision_m,
      q.method,
      labels.method(q.method),
      q.evidence.map((e) => e.zh).join(' | '),
      q.evidence.map((e) => e.en).join(' | '),
      q.evidence
        .map((e) =>
          [e.dataset, e.feature, e.distance_m === undefined ? '' : `${e.distance_m} m`].filter(Boolean).join(' '),
        )
        .join(' | '),
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

export interface PngInfo {
  title: string;
  /** What the map shows: the filters in words, and how many places. */
  note: string;
  date: string;
  legend: LegendEntry[];
  attribution: string;
}

/** A scale bar's length: the largest 1, 2 or 5 × 10ⁿ metres that fits in `maxPx`. */
export function scaleBar(metresPerPx: number, maxPx: number): { metres: number; px: number } {
  const max = metresPerPx * maxPx;
  const pow = 10 ** Math.floor(Math.log10(max));
  const metres = [5, 2, 1].map((k) => k * pow).find((m) => m <= max) ?? pow;
  return { metres, px: metres / metresPerPx };
}

/** Lines of `text` no wider than `width` (CJK breaks anywhere, other text at spaces). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+/g) ?? []) {
    const next = line + part;
    if (ctx.measureText(next).width > width && line.trim()) {
      lines.push(line.trimEnd());
      line = part.trimStart();
    } else line = next;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

/**
 * The map as drawn, at twice the screen's resolution, for a report: a box with the title, what is
 * shown (the filters), the date and the legend of what is shown; a scale bar; and the whole
 * attribution, wrapped, never cut.
 */
export function mapPng(map: MapLibreMap, info: PngInfo): Promise<Blob> {
  const ratio = map.getPixelRatio();
  map.setPixelRatio(2);
  return new Promise<Blob>((resolve, reject) => {
    map.once('render', () => {
      try {
        const src = map.getCanvas();
        const out = document.createElement('canvas');
        out.width = src.width;
        out.height = src.height;
        const ctx = out.getContext('2d')!;
        ctx.drawImage(src, 0, 0);
        ctx.scale(src.width / src.clientWidth, src.height / src.clientHeight);
        const w = src.clientWidth;
        const h = src.clientHeight;
        const font = '"Noto Sans CJK SC", "Noto Sans SC", sans-serif';
        const pad = 8;
        const lh = 18;
        const ink = '#1f2a30';

        // Title, what is shown, the date, and the legend.
        ctx.font = `12px ${font}`;
        const boxW = Math.min(w * 0.45, 340);
        const noteLines = wrap(ctx, info.note, boxW - 2 * pad);
        const rows = 1 + noteLines.length + 1 + info.legend.length;
        ctx.fillStyle = 'rgba(255,255,255,0.93)';
        ctx.fillRect(10, 10, boxW, pad * 2 + lh * rows);
        let y = 10 + pad + 13;
        ctx.fillStyle = ink;
        ctx.font = `bold 13px ${font}`;
        ctx.fillText(info.title, 10 + pad, y);
        ctx.font = `12px ${font}`;
        for (const l of noteLines) ctx.fillText(l, 10 + pad, (y += lh));
        ctx.fillStyle = '#5b6870';
        ctx.fillText(info.date, 10 + pad, (y += lh));
        for (const l of info.legend) {
          y += lh;
          ctx.fillStyle = l.colour;
          ctx.fillRect(10 + pad, y - 10, 12, 12);
          ctx.fillStyle = ink;
          ctx.fillText(wrap(ctx, l.label, boxW - 2 * pad - 20)[0] ?? '', 10 + pad + 20, y);
        }

        // The scale bar, measured at the map's centre.
        const c = map.getCenter();
        const metresPerPx = (40_075_016.686 * Math.cos((c.lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
        const bar = scaleBar(metresPerPx, 120);
        const label = bar.metres >= 1000 ? `${bar.metres / 1000} km` : `${bar.metres} m`;
        ctx.fillStyle = 'rgba(255,255,255,0.9)';
        ctx.fillRect(10, h - 34, bar.px + 16, 26);
        ctx.strokeStyle = ink;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(18, h - 22);
        ctx.lineTo(18, h - 14);
        ctx.lineTo(18 + bar.px, h - 14);
        ctx.lineTo(18 + bar.px, h - 22);
        ctx.stroke();
        ctx.fillStyle = ink;
        ctx.font = `11px ${font}`;
        ctx.fillText(label, 22, h - 18);

        // The whole attribution, wrapped over as many lines as it needs, at the bottom right.
        ctx.font = `11px ${font}`;
        const aw = Math.min(w - bar.px - 60, Math.max(w * 0.55, 260));
        const lines = wrap(ctx, info.attribution, aw - 12);
        const ah = lines.length * 14 + 8;
        ctx.fillStyle = 'rgba(255,255,255,0.9)';
        ctx.fillRect(w - aw, h - ah, aw, ah);
        ctx.fillStyle = '#333';
        lines.forEach((l, i) => ctx.fillText(l, w - aw + 6, h - ah + 15 + i * 14));
        out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png');
      } catch (e) {
        reject(e as Error);
      }
    });
    map.triggerRepaint();
  }).finally(() => map.setPixelRatio(ratio));
}
