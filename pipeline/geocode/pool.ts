/**
 * Plans geocoded in parallel on worker threads. Each worker builds its own city index (it is not
 * shareable across threads and takes about half a second), then takes the next plan as soon as it
 * is free, so a long plan does not hold up the short ones. A worker keeps to the plans of one area
 * while there are any: their names repeat (the same roads, communities, zones), so its caches of
 * resolved names serve them, where spreading them over the workers would resolve each name once
 * per worker (measured: twice the CPU time with copies of the corpus spread over two workers). The results are the serial run's, in plan
 * order (test/unit/pipeline.test.ts compares the files byte for byte).
 */
import { Worker } from 'node:worker_threads';
import type { Located } from '../stages/locate.ts';
import { PipelineError } from '../errors.ts';
import type { PlanDone, PlanJob } from './plan-job.ts';

export interface PoolOptions {
  gazetteerDir: string;
  referenceDir: string;
  workers: number;
}

export interface PoolResult {
  done: PlanDone[];
  located: Map<string, Located>;
}

type Reply =
  | { ready: true }
  | { i: number; done: PlanDone; located: [string, Located][] }
  | { i?: number; error: string; pipeline: boolean };

export function geocodeInParallel(jobs: PlanJob[], opts: PoolOptions): Promise<PoolResult> {
  const done: PlanDone[] = new Array(jobs.length);
  const located = new Map<string, Located>();
  const queues = byArea(jobs);
  const n = Math.max(1, Math.min(opts.workers, jobs.length));
  let finished = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const retired = new WeakSet<Worker>();
    let failed = false;
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(err);
    };
    const areaOf = new Map<Worker, string>();
    const next = (w: Worker) => {
      const i = take(queues, areaOf, w);
      if (i !== undefined) return w.postMessage({ i, job: jobs[i] });
      retired.add(w);
      void w.terminate();
    };
    for (let k = 0; k < n; k++) {
      const w = new Worker(new URL('./pool-worker-boot.mjs', import.meta.url), {
        workerData: { gazetteerDir: opts.gazetteerDir, referenceDir: opts.referenceDir },
      });
      workers.push(w);
      w.on('message', (m: Reply) => {
        if ('error' in m) {
          const where = m.i === undefined ? '' : `${jobs[m.i]!.id}: `;
          return fail(m.pipeline ? new PipelineError(m.error) : new Error(`${where}${m.error}`));
        }
        if ('done' in m) {
          done[m.i] = m.done;
          for (const [id, loc] of m.located) located.set(id, loc);
          if (++finished === jobs.length) {
            for (const x of workers) {
              retired.add(x);
              void x.terminate();
            }
            return resolve({ done, located });
          }
        }
        next(w);
      });
      w.on('error', (e) => fail(e));
      w.on('exit', (code) => {
        if (!retired.has(w) && finished < jobs.length) fail(new Error(`a geocoding worker exited with code ${code}`));
      });
    }
    if (jobs.length === 0) resolve({ done, located });
  });
}

const areaKey = (j: PlanJob) => `${j.districts.join('+')}/${j.street ?? ''}`;

/** The plans of each area, longest first (the last plan handed out is then a short one). */
function byArea(jobs: PlanJob[]): Map<string, number[]> {
  const queues = new Map<string, number[]>();
  jobs.forEach((j, i) => queues.set(areaKey(j), [...(queues.get(areaKey(j)) ?? []), i]));
  for (const q of queues.values()) q.sort((a, b) => jobs[b]!.text.length - jobs[a]!.text.length || a - b);
  return queues;
}

/** The next plan for worker `w`: of the area it is on, else of the area with most plans left that no worker is on, else of the largest. */
function take(queues: Map<string, number[]>, areaOf: Map<Worker, string>, w: Worker): number | undefined {
  const mine = areaOf.get(w);
  let area = mine !== undefined && queues.get(mine)?.length ? mine : undefined;
  if (area === undefined) {
    const taken = new Set(areaOf.values());
    const open = [...queues].filter(([, q]) => q.length > 0);
    const pick = (xs: [string, number[]][]) =>
      xs.sort(([ka, a], [kb, b]) => b.length - a.length || (ka < kb ? -1 : 1))[0]?.[0];
    area = pick(open.filter(([k]) => !taken.has(k))) ?? pick(open);
  }
  if (area === undefined) return undefined;
  areaOf.set(w, area);
  return queues.get(area)!.shift();
}
