/**
 * The pipeline as a library: read → segment → (extract → locate → build → validate) → write.
 * `runPipeline` computes every output in memory and returns it; `cli.ts` writes it atomically.
 */
import { join } from 'node:path';
import { readPlans } from './stages/read.ts';
import { segment } from './stages/segment.ts';
import { validateOutline } from './stages/validate-outline.ts';
import { json, type OutFile } from './write.ts';

export interface PipelineOptions {
  plansDir: string;
  log?: (msg: string) => void;
}

export interface PipelineResult {
  files: OutFile[];
  summary: string[];
}

export function runPipeline(opts: PipelineOptions): PipelineResult {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const lap = (stage: string, t: number) =>
    log(`${stage.padEnd(10)} ${(performance.now() - t).toFixed(0).padStart(5)} ms`);

  let t = performance.now();
  const plans = readPlans(opts.plansDir);
  lap('read', t);

  t = performance.now();
  const outlines = plans.map((p) => segment(p.meta.id, p.text, p.meta.sha256));
  outlines.forEach((o, i) => validateOutline(o, plans[i]!.text));
  lap('segment', t);

  const files: OutFile[] = outlines.map((o) => ({
    path: join(opts.plansDir, `${o.plan}.outline.json`),
    content: json(o),
  }));
  const summary = outlines.map((o) => {
    const n = (k: string) => o.blocks.filter((b) => b.kind === k).length;
    const sentences = o.blocks.reduce((s, b) => s + (b.sentences?.length ?? 0), 0);
    return `${o.plan}: ${n('part')} parts, ${n('chapter')} chapters, ${n('section')} sections, ${n('column')} columns, ${n('paragraph')} paragraphs, ${sentences} sentences, ${n('chrome')} chrome`;
  });
  log(`total      ${(performance.now() - t0).toFixed(0).padStart(5)} ms`);
  return { files, summary };
}
