/**
 * The pipeline as a library: read → segment → geocode (extract, resolve, locate) → build → validate →
 * outputs (GeoJSON layers, tile archives, place index, detail files, manifest) → (write).
 * `runPipeline` computes every output in memory and returns it; `cli.ts` writes it atomically.
 */
import { join } from 'node:path';
import { readPlans } from './stages/read.ts';
import { segment } from './stages/segment.ts';
import { validateOutline } from './stages/validate-outline.ts';
import { readGazetteer, checkLocated } from './stages/gazetteer.ts';
import { loadReference } from './stages/reference.ts';
import { readLexicon } from './geocode/lexicon.ts';
import { geocodeContext, geocodePlan, planArea } from './geocode/geocode.ts';
import { mergePlaces } from './geocode/merge.ts';
import { buildLayers, type Layers } from './stages/build.ts';
import { validateLayers } from './stages/validate.ts';
import { readDatasets, nameDatasets } from './stages/datasets.ts';
import { report, sizeChecks, type SizeCheck } from './stages/report.ts';
import type { PlanMeta } from '../src/lib/contracts/plan.ts';
import { dataFiles } from './stages/outputs.ts';
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
  layers: Layers;
}

/** Colours for plans that name none in plans.json, distinguishable on the light basemap. */
const SPARE_COLOURS = ['#e69f00', '#f0e442', '#8c564b', '#984ea3', '#4daf4a', '#377eb8', '#e41a1c', '#a65628'];

export function planColours(metas: PlanMeta[]): Record<string, string> {
  const used = new Set(metas.map((m) => m.colour).filter(Boolean));
  const spare = SPARE_COLOURS.filter((c) => !used.has(c));
  let next = 0;
  return Object.fromEntries(metas.map((m) => [m.id, m.colour ?? spare[next++ % spare.length]!]));
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
  const lex = readLexicon(join(opts.gazetteerDir, 'lexicon.json'));
  for (const o of outOfScope) lex.notPlaces.set(o.name, o.reason);
  const reference = loadReference(opts.referenceDir);
  const datasets = readDatasets(opts.referenceDir);
  const ctx = geocodeContext(lex, reference, entries);
  lap('index');

  const results = plans.map((p, i) =>
    geocodePlan(ctx, {
      id: p.meta.id,
      text: p.text,
      outline: outlines[i]!,
      area: planArea(ctx, p.meta.districts ?? [p.meta.district], p.meta.street, `plans.json: plan ${p.meta.id}`),
    }),
  );
  const places = mergePlaces(results.map((r) => r.places));
  for (const p of places) if (p.curated) checkLocated(p.curated, ctx.located.get(p.curated.id)!);
  lap('geocode');

  const layers = buildLayers(places, texts, planOrder);
  lap('build');

  const layerFiles = {
    'zones.geojson': layers.zones,
    'corridors.geojson': layers.corridors,
    'sites.geojson': layers.sites,
    'unlocated.geojson': layers.unlocated,
  };
  for (const [f, fs] of Object.entries(layerFiles)) nameDatasets(fs, datasets, f);
  validateLayers(layerFiles, texts);
  lap('validate');

  const checks = sizeChecks(places, layers);
  const out = dataFiles(
    layers,
    { planOrder, planColours: planColours(plans.map((p) => p.meta)), datasets },
    opts.outDir,
  );
  lap('tiles');
  const files: OutFile[] = [
    ...outlines.map((o) => ({ path: join(opts.outDir, 'outlines', `${o.plan}.outline.json`), content: json(o) })),
    ...out.files,
    { path: join(opts.outDir, 'report.md'), content: report(planOrder, results, layers, checks, entries) },
  ];
  const summary = [
    ...outlines.map((o, i) => {
      const n = (k: string) => o.blocks.filter((b) => b.kind === k).length;
      const r = results[i]!;
      const located = r.places.filter((p) => p.geometry).length;
      return `${o.plan}: ${n('chapter')} chapters, ${n('paragraph')} paragraphs; ${r.places.length} places (${located} located, ${r.places.length - located} not located), ${r.notPlaces.length} names that are not places`;
    }),
    `features: ${layers.zones.length} zones, ${layers.corridors.length} corridor parts, ${layers.sites.length} sites, ${layers.unlocated.length} not located`,
    ...out.summary,
    ...checks.map(
      (c) =>
        `check ${c.name} ${c.what}: stated ${c.stated}, measured ${c.measured.toFixed(2)} ${c.fitted ? 'fitted to the figure (not a check)' : c.ok ? 'ok' : 'OUT OF RANGE (±20%)'}`,
    ),
  ];
  log(`total      ${(performance.now() - t0).toFixed(0).padStart(5)} ms`);
  return { files, summary, checks, layers };
}
