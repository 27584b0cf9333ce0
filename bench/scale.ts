/**
 * The first view as the corpus grows. For each scale (×1, ×10, ×100; ×1000 with
 * BENCH_SCALE_MAX=1000) the corpus is multiplied by the pipeline's own output stage (scale-data.ts),
 * the app and the bare MapLibre page (bench/baseline, the same GeoJSON as plain layers, framed like
 * the app's first view) are built over it, and both are loaded in turn in one Chromium, each load
 * in a fresh context, BENCH_SCALE_ROUNDS rounds (default 5, order swapped each round). Per load:
 * navigation → ready (app: `planAtlas.ready`, the first view drawn; bare page: first idle); the
 * bytes of every request started before that, the page's and its workers' (as received:
 * compressed); the JS heap of the page and its workers after a garbage collection (CDP); the
 * longest main-thread task before ready. Medians.
 */
import { gzipSync } from 'node:zlib';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { fmt, launchBrowser, median, serve, type Line } from './lib.ts';
import { buildScaled } from './scale-build.ts';

export interface LoadSample {
  ready: number;
  /** As sent (the server compresses with brotli or gzip, as the browser accepts). */
  bytes: number;
  /** Uncompressed: the files' sizes (a range request: its range). */
  raw: number;
  heap: number;
  longest: number;
}

interface ScaleRow {
  times: number;
  features: number;
  places: number;
  app: LoadSample;
  bare: LoadSample;
}

/** Long tasks on the main thread, recorded from the start of the page: [start, duration] in ms. */
const LONG_TASKS = `
  window.__tasks = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
`;

/** The used JS heap of the page and of each of its workers, after a garbage collection, in bytes. */
async function heapOf(page: Page, browser: Browser, cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  let total = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  // Workers are other targets: reached through the browser's session, one message at a time.
  const b = await browser.newBrowserCDPSession();
  const { targetInfos } = await b.send('Target.getTargets');
  const origin = new URL(page.url()).origin;
  for (const w of targetInfos.filter((x) => x.type === 'worker' && x.url.startsWith(origin))) {
    const { sessionId } = await b.send('Target.attachToTarget', { targetId: w.targetId, flatten: false });
    const ask = (id: number, method: string) =>
      new Promise<Record<string, unknown>>((ok) => {
        const on = (e: { sessionId: string; message: string }) => {
          const m = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown> };
          if (e.sessionId === sessionId && m.id === id) {
            b.off('Target.receivedMessageFromTarget', on);
            ok(m.result ?? {});
          }
        };
        b.on('Target.receivedMessageFromTarget', on);
        void b.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await ask(1, 'HeapProfiler.collectGarbage');
    total += Number((await ask(2, 'Runtime.getHeapUsage')).usedSize ?? 0);
    await b.send('Target.detachFromTarget', { sessionId });
  }
  await b.detach();
  return total;
}

async function loadOnce(browser: Browser, url: string, root: string, which: 'app' | 'bare'): Promise<LoadSample> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  await ctx.addInitScript(LONG_TASKS);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  // Every request of the page and of its workers: when it started (wall clock) and the bytes of its
  // body as received (compressed where the server compresses). Where Chromium gives no size (a
  // worker's own script), its body gzip'd as the server does it stands in.
  const requests: Promise<{ start: number; bytes: number; raw: number }>[] = [];
  let readyAt = Infinity;
  ctx.on('requestfinished', (r) =>
    requests.push(
      (async () => {
        // A request that starts once ready is not the first view's: its start is all that counts.
        if (r.timing().startTime > readyAt) return { start: r.timing().startTime, bytes: 0, raw: 0 };
        const sizes = await r.sizes();
        const response = await r.response();
        let bytes = sizes.responseBodySize;
        if (!bytes) bytes = gzipSync((await response?.body()) ?? Buffer.alloc(0)).length;
        const path = decodeURIComponent(new URL(r.url()).pathname);
        const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
        const raw = response?.status() === 206 || !existsSync(file) ? sizes.responseBodySize : statSync(file).size;
        return { start: r.timing().startTime, bytes: bytes + sizes.responseHeadersSize, raw };
      })().catch(() => ({ start: Infinity, bytes: 0, raw: 0 })),
    ),
  );
  await page.goto(url);
  const readyWall =
    which === 'app'
      ? await page.evaluate(async () => {
          await window.planAtlas.ready;
          return performance.timeOrigin + window.planAtlas.readyAt!;
        })
      : await page
          .waitForFunction(() => window.baselineReadyAt, undefined, { timeout: 600_000 })
          .then(() => page.evaluate(() => performance.timeOrigin + window.baselineReadyAt!));
  readyAt = readyWall;
  const ready = readyWall - (await page.evaluate(() => performance.timeOrigin));
  // Everything the first view asked for has arrived by the time it is drawn.
  const first = (await Promise.all(requests)).filter((r) => r.start <= readyWall);
  const sum = first.reduce((n, r) => n + r.bytes, 0);
  const raw = first.reduce((n, r) => n + r.raw, 0);
  const longest = await page.evaluate(
    (r) =>
      Math.max(
        0,
        ...(window as unknown as { __tasks: [number, number][] }).__tasks.filter(([t]) => t < r).map(([, d]) => d),
      ),
    ready,
  );
  const heap = await heapOf(page, browser, cdp);
  await ctx.close();
  return { ready, bytes: sum, raw, heap, longest };
}

const med = (xs: LoadSample[]): LoadSample => ({
  ready: median(xs.map((x) => x.ready)),
  bytes: median(xs.map((x) => x.bytes)),
  raw: median(xs.map((x) => x.raw)),
  heap: median(xs.map((x) => x.heap)),
  longest: median(xs.map((x) => x.longest)),
});

const mb = (n: number) => (n >= 1e6 ? `${fmt(n / 1e6, 1)} MB` : `${fmt(n / 1e3, 0)} KB`);

export async function benchScale(
  scales = [1, 10, 100, ...(Number(process.env.BENCH_SCALE_MAX ?? 100) >= 1000 ? [1000] : [])],
  rounds = Number(process.env.BENCH_SCALE_ROUNDS ?? 5),
): Promise<Line[]> {
  const rows: ScaleRow[] = [];
  for (const times of scales) {
    const b = buildScaled(times);
    const app = await serve(b.app);
    const bare = await serve(b.bare);
    const browser = await launchBrowser();
    const samples = { app: [] as LoadSample[], bare: [] as LoadSample[] };
    try {
      await loadOnce(browser, app.url, b.app, 'app'); // warm-up of the browser process, not counted
      for (let i = 0; i < rounds; i++) {
        const order: ('app' | 'bare')[] = i % 2 ? ['bare', 'app'] : ['app', 'bare'];
        for (const w of order)
          samples[w].push(await loadOnce(browser, w === 'app' ? app.url : bare.url, w === 'app' ? b.app : b.bare, w));
      }
    } finally {
      await browser.close();
      await app.close();
      await bare.close();
    }
    const row = { times, features: b.features, places: b.places, app: med(samples.app), bare: med(samples.bare) };
    rows.push(row);
    console.log(
      `scale ×${times}: app ${samples.app.map((s) => fmt(s.ready, 0)).join(' ')} ms; bare ${samples.bare.map((s) => fmt(s.ready, 0)).join(' ')} ms`,
    );
  }
  const base = rows.find((r) => r.times === 1)!.app.ready;
  const table = [
    '| scale | features (places) | app ready, × the app at ×1 | app / bare page, same data | bytes for the first view, app / bare: as sent (br) · uncompressed | main + worker heap, app / bare | longest task, app / bare |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ×${r.times} | ${r.features.toLocaleString('en')} (${r.places.toLocaleString('en')}) | ${fmt(r.app.ready, 0)} ms = ${fmt(r.app.ready / base, 2)}× | ${fmt(r.app.ready, 0)} / ${fmt(r.bare.ready, 0)} ms = ${fmt(r.app.ready / r.bare.ready, 2)} | ${mb(r.app.bytes)} / ${mb(r.bare.bytes)} · ${mb(r.app.raw)} / ${mb(r.bare.raw)} | ${mb(r.app.heap)} / ${mb(r.bare.heap)} | ${fmt(r.app.longest, 0)} / ${fmt(r.bare.longest, 0)} ms |`,
    ),
  ].join('\n');
  console.log(`\nfirst view by corpus size (medians of ${rounds}):\n${table}\n`);
  // The bars: ×100 within 1.5× of ×1 and faster than the bare page; ×1000 within 3×.
  const bar = (times: number, within: number) => {
    const r = rows.find((x) => x.times === times);
    if (!r) return [];
    const ratio = r.app.ready / base;
    return [
      {
        what: `first view at ×${times}: app ready / app at ×1`,
        value: fmt(ratio, 2),
        budget: `≤ ${within}`,
        ok: ratio <= within,
      },
      {
        what: `first view at ×${times}: app / bare page, same data`,
        value: fmt(r.app.ready / r.bare.ready, 2),
        budget: '< 1',
        ok: r.app.ready < r.bare.ready,
      },
    ];
  };
  return [
    ...bar(100, 1.5),
    ...bar(1000, 3),
    { what: 'first view by corpus size', value: `\n\n${table}\n`, budget: 'reported', ok: true },
  ];
}

if (process.argv[1]?.endsWith('scale.ts')) {
  const lines = await benchScale();
  for (const l of lines.slice(0, -1)) console.log(`${l.what}: ${l.value} (${l.budget}) ${l.ok ? 'ok' : 'OVER'}`);
}
