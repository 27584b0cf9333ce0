/** Shared by the benchmarks: statistics, builds, local servers and the browser. */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
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
