/** `npm run data [plansDir] [--out dir] [--allow-shrink] [--jobs N]`: run the pipeline, print progress and the summary, publish the output folder as one set. */
import { DEFAULTS, runPipeline } from './run.ts';
import { publish } from './write.ts';
import { PipelineError } from './errors.ts';
import { checkShrink } from './shrink.ts';

const args = process.argv.slice(2);
const allowShrink = args.includes('--allow-shrink');
const outAt = args.indexOf('--out');
const outDir = outAt >= 0 ? args[outAt + 1]! : DEFAULTS.outDir;
const jobsAt = args.indexOf('--jobs');
const jobs = jobsAt >= 0 ? Number(args[jobsAt + 1]) : 'auto';
if (jobs !== 'auto' && !(Number.isInteger(jobs) && jobs >= 1)) {
  console.error('npm run data: --jobs takes a whole number of worker threads, at least 1');
  process.exit(2);
}
const plansDir =
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out' && args[i - 1] !== '--jobs') ?? DEFAULTS.plansDir;
try {
  const { files, summary } = await runPipeline({ ...DEFAULTS, plansDir, outDir, jobs, log: (m) => console.log(m) });
  if (!allowShrink) checkShrink(outDir, files);
  publish(outDir, files);
  for (const line of summary) console.log(line);
  console.log(`wrote ${files.length} files`);
} catch (e) {
  if (e instanceof PipelineError) {
    console.error(`npm run data failed: ${e.message}\nNothing was written.`);
    process.exit(1);
  }
  throw e;
}
