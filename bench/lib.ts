/** Shared by the benchmarks: statistics, builds, local servers and the browser. */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startStaticServer, type RunningServer } from '../scripts/static-server.ts';
import { cspHeader } from '../scripts/csp.ts';
import { chromiumArgs, CHROMIUM } from '../test/e2e/harness.ts';

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const fmt = (x: number, d = 1): string => x.toFixed(d);

export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

export function buildApp(): void {
  if (process.env.BENCH_SKIP_BUILD === '1') return;
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

export function buildBaseline(): void {
  execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.baseline.config.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export const serve = (root: string): Promise<RunningServer> =>
  startStaticServer({ root, headers: { 'content-security-policy': cspHeader } });

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs() });

/**
 * tsx (esbuild, keepNames) wraps named functions in the benchmarks' page.evaluate callbacks in
 * `__name(...)`, which does not exist in the page: define it there as the identity.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name = (f) => f;';

/** A result line: the measured value against its budget. */
export interface Line {
  what: string;
  value: string;
  budget: string;
  ok: boolean;
}

export const table = (lines: Line[]): string =>
  [
    '| measure | value | budget | |',
    '|---|---|---|---|',
    ...lines.map((l) => `| ${l.what} | ${l.value} | ${l.budget} | ${l.ok ? 'ok' : 'OVER'} |`),
  ].join('\n');

/**
 * The app at `url` opened on its list of every place (not only those in view), desktop size, with
 * function names kept for the page's scripts (`extraScripts` run first too): ready, indexed, listed.
 * Returns the page and how many places the list says it holds.
 */
export async function openWholeList(
  browser: Browser,
  url: string,
  extraScripts: string[] = [],
): Promise<{ ctx: BrowserContext; page: Page; listed: number }> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  for (const s of [KEEP_NAMES_SHIM, ...extraScripts]) await ctx.addInitScript(s);
  const page = await ctx.newPage();
  await page.goto(`${url}#/?tab=list&v=117.3,39.1,10`);
  await page.evaluate(() => window.planAtlas.ready);
  await page.evaluate(() => window.planAtlas.indexed);
  await page.getByTestId('in-view-only').uncheck();
  await page.getByTestId('list-item').first().waitFor();
  // The list's own count (its tab says how many places it lists; it draws only the rows in sight).
  const listed = Number((await page.getByTestId('tab-list').textContent())!.replace(/\D/g, ''));
  return { ctx, page, listed };
}
