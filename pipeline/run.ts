/**
 * The pipeline as a library: read → segment → geocode (extract, resolve, locate) → build → validate →
 * outputs (GeoJSON layers, tile archives, place index, detail files, manifest) → (write).
 * `runPipeline` computes every output in memory and returns it; `cli.ts` writes it atomically.
 */
import { join } from 'node:path';
import { readPlans } from './stages/read.ts';
import { readGazetteer, checkLocated } from './stages/gazetteer.ts';
import { loadReference } from './stages/reference.ts';
import { readLexicon } from './geocode/lexicon.ts';
import { geocodeContext } from './geocode/geocode.ts';
import { runJob, type PlanDone, type PlanJob } from './geocode/plan-job.ts';
import { geocodeInParallel } from './geocode/pool.ts';
import type { Located } from './stages/locate.ts';
import { availableParallelism } from 'node:os';
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
  /**
   * Worker threads that geocode plans side by side; 'auto' uses them only for a corpus large enough
   * to repay their start-up (each builds its own city index), else the plans run in this thread.
   */
  jobs?: number | 'auto';
}

/** From this many plans 'auto' geocodes in parallel: below it, starting the workers costs more than it saves (bench/pipeline). */
export const PARALLEL_FROM_PLANS = 8;

function workersFor(jobs: PipelineOptions['jobs'], plans: number): number {
  if (typeof jobs === 'number') return Math.max(1, Math.floor(jobs));
  if (jobs === 'auto' && plans >= PARALLEL_FROM_PLANS) return availableParallelism();
  return 1;
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

export async function runPipeline(opts: PipelineOptions): Promise<PipelineResult> {
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

  const { entries, outOfScope } = readGazetteer(opts.gazetteerDir);
  const lex = readLexicon(join(opts.gazetteerDir, 'lexicon.json'));
  for (const o of outOfScope) lex.notPlaces.set(o.name, o.reason);
  const datasets = readDatasets(opts.referenceDir);
  const jobs: PlanJob[] = plans.map((p) => ({
    id: p.meta.id,
    text: p.text,
    sha256: p.meta.sha256,
    districts: p.meta.districts ?? [p.meta.district],
    street: p.meta.street,
  }));
  const workers = workersFor(opts.jobs, plans.length);
  let done: PlanDone[];
  let located: Map<string, Located>;
  if (workers > 1) {
    ({ done, located } = await geocodeInParallel(jobs, { ...opts, workers }));
    lap(`segment + geocode, ${workers} threads`);
  } else {
    const ctx = geocodeContext(lex, loadReference(opts.referenceDir), entries);
    lap('index');
    done = jobs.map((j) => runJob(ctx, j));
    located = ctx.located;
    lap('segment + geocode');
  }
  const outlines = done.map((d) => d.outline);
  const results = done.map((d) => d.result);
  const places = mergePlaces(results.map((r) => r.places));
  for (const p of places) if (p.curated) checkLocated(p.curated, located.get(p.curated.id)!);

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
