/**
 * Load time, app vs. baseline, in one Chromium session: alternating pairs (order swapped every
 * pair), each load in a fresh context (cold cache). App: navigation → window.planAtlas.ready
 * (data loaded, map idle). Baseline: navigation → first idle of maplibre-gl with the same data.
 */
import { buildApp, buildBaseline, fmt, launchBrowser, median, serve, type Line } from './lib.ts';

export async function benchLoad(pairs = Number(process.env.BENCH_PAIRS ?? 21)): Promise<Line[]> {
  buildApp();
  buildBaseline();
  const app = await serve('dist');
  const base = await serve('.tmp/bench-baseline');
  const browser = await launchBrowser();
  const times = { app: [] as number[], base: [] as number[] };
  const marks: string[] = [];
  const once = async (which: 'app' | 'base') => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 860 } });
    const page = await ctx.newPage();
    await page.goto(which === 'app' ? app.url : base.url);
    const t =
      which === 'app'
        ? await page.evaluate(() => window.planAtlas.ready.then(() => window.planAtlas.readyAt!))
        : await page.waitForFunction(() => window.baselineReadyAt).then((h) => h.jsonValue() as Promise<number>);
    times[which].push(t);
    if (which === 'app')
      marks.push(
        await page.evaluate(() =>
          performance
            .getEntriesByType('mark')
            .filter((m) => m.name.startsWith('pa:'))
            .map((m) => `${m.name.slice(3)} ${m.startTime.toFixed(0)}`)
            .join(', '),
        ),
      );
    await ctx.close();
  };
  try {
    await once('app'); // warm-up of the browser process, not counted
    await once('base');
    times.app.length = 0;
    times.base.length = 0;
    for (let i = 0; i < pairs; i++) {
      const order: ('app' | 'base')[] = i % 2 ? ['base', 'app'] : ['app', 'base'];
      for (const w of order) await once(w);
    }
  } finally {
    await browser.close();
    await app.close();
    await base.close();
  }
  const a = median(times.app);
  const b = median(times.base);
  const ratio = a / b;
  // Each pair ran back to back; their ratios show how much of the spread is the machine's.
  const pairRatios = times.app.map((x, i) => x / times.base[i]!).sort((x, y) => x - y);
  console.log(`app load timeline (ms): ${marks.at(-1)}`);
  console.log(
    `per-pair ratios: median ${fmt(median(pairRatios), 2)}, range ${fmt(pairRatios[0]!, 2)}–${fmt(pairRatios.at(-1)!, 2)}`,
  );
  console.log(
    `load: app ${times.app.map((x) => fmt(x, 0)).join(' ')} ms; baseline ${times.base.map((x) => fmt(x, 0)).join(' ')} ms`,
  );
  return [
    { what: `load, median of ${pairs}: app (to ready)`, value: `${fmt(a, 0)} ms`, budget: '', ok: true },
    { what: `load, median of ${pairs}: baseline (to idle)`, value: `${fmt(b, 0)} ms`, budget: '', ok: true },
    { what: 'load ratio app / baseline', value: fmt(ratio, 2), budget: '≤ 1.3', ok: ratio <= 1.3 },
  ];
}

declare global {
  interface Window {
    baselineReadyAt: number | null;
  }
}
