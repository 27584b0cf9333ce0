/** `npm run data [plansDir] [--allow-shrink]`: run the pipeline, print progress and the summary, write atomically. */
import { DEFAULTS, runPipeline } from './run.ts';
import { writeAtomically } from './write.ts';
import { PipelineError } from './errors.ts';
import { checkShrink } from './shrink.ts';

const args = process.argv.slice(2);
const allowShrink = args.includes('--allow-shrink');
const plansDir = args.find((a) => !a.startsWith('--')) ?? DEFAULTS.plansDir;
try {
  const { files, summary } = runPipeline({ ...DEFAULTS, plansDir, log: (m) => console.log(m) });
  if (!allowShrink) checkShrink(DEFAULTS.outDir, files);
  writeAtomically(files);
  for (const line of summary) console.log(line);
  console.log(`wrote ${files.length} files`);
} catch (e) {
  if (e instanceof PipelineError) {
    console.error(`npm run data failed: ${e.message}\nNothing was written.`);
    process.exit(1);
  }
  throw e;
}
