/**
 * The pipeline as a library: read → segment → extract → locate → build → validate → (write).
 * `runPipeline` computes every output in memory and returns it; `cli.ts` writes it atomically.
 */
import { join } from 'node:path';
import { readPlans } from './stages/read.ts';
import { segment } from './stages/segment.ts';
import { validateOutline } from './stages/validate-outline.ts';
import { readGazetteer, checkLocated } from './stages/gazetteer.ts';
import { loadReference } from './stages/reference.ts';
import { enclosuresOf, extract, termsOf, type Candidate, type Mention } from './stages/extract.ts';
import { locate, type Located } from './stages/locate.ts';
import { buildLayers } from './stages/build.ts';
import { validateLayers } from './stages/validate.ts';
import { report, sizeChecks, type SizeCheck } from './stages/report.ts';
import { SCHEMA_VERSION, type Manifest } from '../src/lib/contracts/features.ts';
import { featureExtent, roundBox, unionBox } from '../src/lib/contracts/extent.ts';
import { json, type OutFile } from './write.ts';

export interface PipelineOptions {
  plansDir: string;
  gazetteerDir: string;
  referenceDir: string;
  outDir: string;
  log?: (msg: string) => void;
}

export interface PipelineResult {
  files: OutFile[];
  summary: string[];
  checks: SizeCheck[];
}

export const DEFAULTS: PipelineOptions = {
  plansDir: 'data/plans',
  gazetteerDir: 'data/gazetteer',
  referenceDir: 'data/reference',
  outDir: 'data/geojson',
};

export function runPipeline(opts: PipelineOptions): PipelineResult {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  let t = t0;
  const lap = (stage: string) => {
    log(`${stage.padEnd(10)} ${(performance.now() - t).toFixed(0).padStart(5)} ms`);
    t = performance.now();
  };

  const plans = readPlans(opts.plansDir);
  const texts = new Map(plans.map((p) => [p.meta.id, p.text]));
  const planOrder = plans.map((p) => p.meta.id);
  lap('read');

  const outlines = plans.map((p) => segment(p.meta.id, p.text, p.meta.sha256));
  outlines.forEach((o, i) => validateOutline(o, plans[i]!.text));
  lap('segment');

  const { entries, outOfScope } = readGazetteer(opts.gazetteerDir);
  const terms = termsOf(entries, outOfScope);
  const enclosures = enclosuresOf(entries);
  const mentions: Mention[] = [];
  const candidates: Candidate[] = [];
  for (const o of outlines) {
    const r = extract(o, texts.get(o.plan)!, terms, enclosures);
    mentions.push(...r.mentions);
    candidates.push(...r.candidates);
  }
  lap('extract');

  const reference = loadReference(opts.referenceDir);
  const located = new Map<string, Located>();
  const mentioned = new Set(mentions.map((m) => m.entry));
  for (const e of entries) {
    if (!mentioned.has(e.id)) continue;
    const loc = locate(e, reference);
    checkLocated(e, loc);
    located.set(e.id, loc);
  }
  lap('locate');

  const layers = buildLayers(entries, located, mentions, texts, planOrder);
  lap('build');

  const layerFiles = {
    'zones.geojson': layers.zones,
    'corridors.geojson': layers.corridors,
    'sites.geojson': layers.sites,
  };
  validateLayers(layerFiles, texts);
  lap('validate');

  const lengths = new Map(
    [...located].filter(([, l]) => l.measured.length_km).map(([id, l]) => [id, l.measured.length_km!]),
  );
  const checks = sizeChecks(layers, lengths);
  const all = [...layers.zones, ...layers.corridors, ...layers.sites];
  const manifest: Manifest = {
    schema_version: SCHEMA_VERSION,
    bbox: roundBox(unionBox(all.map(featureExtent))),
    plans: planOrder,
    layers: Object.entries(layerFiles).map(([file, fs]) => ({ file, count: fs.length })),
    counts: Object.fromEntries(
      ['site', 'corridor', 'area', 'road', 'river', 'rail', 'station', 'admin'].map((k) => [
        k,
        [...layers.zones, ...layers.corridors, ...layers.sites].filter(
          (f) => f.properties.kind === k && f.properties.role !== 'buffer',
        ).length,
      ]),
    ),
  };
  const files: OutFile[] = [
    ...outlines.map((o) => ({ path: join(opts.plansDir, `${o.plan}.outline.json`), content: json(o) })),
    ...Object.entries(layerFiles).map(([f, features]) => ({
      path: join(opts.outDir, f),
      content: JSON.stringify({ type: 'FeatureCollection', features }) + '\n',
    })),
    { path: join(opts.outDir, 'manifest.json'), content: json(manifest) },
    { path: join(opts.outDir, 'report.md'), content: report(planOrder, mentions, candidates, layers, checks) },
  ];
  const summary = [
    ...outlines.map((o) => {
      const n = (k: string) => o.blocks.filter((b) => b.kind === k).length;
      return `${o.plan}: ${n('part')} parts, ${n('chapter')} chapters, ${n('section')} sections, ${n('column')} columns, ${n('paragraph')} paragraphs, ${mentions.filter((m) => m.plan === o.plan && m.entry).length} mentions`;
    }),
    `features: ${layers.zones.length} zones, ${layers.corridors.length} corridor parts, ${layers.sites.length} sites; ${candidates.filter((c) => !c.generic).length} candidates and ${candidates.filter((c) => c.generic).length} generic phrases in the report`,
    ...checks.map(
      (c) =>
        `check ${c.name} ${c.what}: stated ${c.stated}, measured ${c.measured.toFixed(2)} ${c.ok ? 'ok' : 'OUT OF RANGE (±20%)'}`,
    ),
  ];
  log(`total      ${(performance.now() - t0).toFixed(0).padStart(5)} ms`);
  return { files, summary, checks };
}
