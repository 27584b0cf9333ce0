/** One `npm run data` run in a process of its own, so that its peak memory is its own: prints {ms, rss_mb}. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULTS, runPipeline } from '../pipeline/run.ts';

const [plansDir, jobs] = process.argv.slice(2);
const t0 = performance.now();
await runPipeline({
  ...DEFAULTS,
  plansDir: plansDir!,
  outDir: mkdtempSync(join(tmpdir(), 'out-')),
  jobs: jobs === 'auto' ? 'auto' : Number(jobs),
});
const ms = performance.now() - t0;
// maxRSS covers every thread of the process (the workers are threads of it), in kilobytes.
console.log(JSON.stringify({ ms, rss_mb: process.resourceUsage().maxRSS / 1024 }));
