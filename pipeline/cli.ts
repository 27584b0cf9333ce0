/** `npm run data`: run the pipeline, print progress and the summary, write atomically. */
import { runPipeline } from './run.ts';
import { writeAtomically } from './write.ts';
import { PipelineError } from './errors.ts';

const plansDir = process.argv[2] ?? 'data/plans';
try {
  const { files, summary } = runPipeline({ plansDir, log: (m) => console.log(m) });
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
