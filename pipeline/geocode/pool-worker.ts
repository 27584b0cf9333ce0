/** A worker thread of the geocoding pool (pool.ts): builds the city index once, then takes plans one by one. */
import { parentPort, workerData } from 'node:worker_threads';
import { defaultContext } from './one-plan.ts';
import { runJob, type PlanJob } from './plan-job.ts';
import { PipelineError } from '../errors.ts';

const { gazetteerDir, referenceDir } = workerData as { gazetteerDir: string; referenceDir: string };
const port = parentPort!;
let ctx: ReturnType<typeof defaultContext>;
try {
  ctx = defaultContext(gazetteerDir, referenceDir);
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ error: (e as Error).message, pipeline: e instanceof PipelineError });
}

port.on('message', ({ i, job }: { i: number; job: PlanJob }) => {
  try {
    const done = runJob(ctx, job);
    // The curated entries located on the way: the main thread checks them against their figures.
    port.postMessage({ i, done, located: [...ctx.located] });
  } catch (e) {
    port.postMessage({ i, error: (e as Error).message, pipeline: e instanceof PipelineError });
  }
});
