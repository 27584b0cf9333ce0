/** `npm run data [plansDir]`: run the pipeline, print progress and the summary, write atomically. */
import { DEFAULTS, runPipeline } from './run.ts';
import { writeAtomically } from './write.ts';
import { PipelineError } from './errors.ts';

const plansDir = process.argv[2] ?? DEFAULTS.plansDir;
try {
  const { files, summary } = runPipeline({ ...DEFAULTS, plansDir, log: (m) => console.log(m) });
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
