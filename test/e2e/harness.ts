/**
 * The e2e harness: Debian's Chromium through playwright-core, with SwiftShader WebGL. Every page
 * records page errors, console errors and warnings (MapLibre reports map errors as warnings), any
 * request to a host other than 127.0.0.1 (those are aborted) and every Content-Security-Policy
 * violation, from the page or a worker (the e2e server's CSP reports them to a path intercepted
 * here). After each test every page it opened is checked; `expectClean` checks one sooner.
 * Screenshots go to test-results/screenshots/.
 */
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, inject } from 'vitest';
import { CSP_REPORT_PATH } from './csp-report.ts';
import { CHROMIUM } from '../../scripts/test-deps.ts';

export { CHROMIUM };
export const SHOTS = 'test-results/screenshots';

export const VIEWPORTS = {
  desktop: { width: 1366, height: 860 },
  phone: { width: 390, height: 844 },
} as const;

export function chromiumArgs(extra: string[] = []): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
    ...extra,
  ];
}

export async function launch(extraArgs: string[] = []): Promise<Browser> {
  // playwright gives every launch a fresh, empty profile: nothing is shared between test files.
  return chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs(extraArgs) });
}

export interface Problems {
  pageErrors: string[];
  consoleErrors: string[];
  /** Warnings too: MapLibre reports bad style expressions as console warnings. */
  consoleWarnings: string[];
  externalRequests: string[];
  cspViolations: string[];
  mapErrors: string[];
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  problems: Problems;
  baseUrl: string;
}

/** Chromium's own notes about software WebGL, not the app's: they are the machine's, not a fault. */
const CHROMIUM_NOISE = /GPU stall due to ReadPixels|Automatic fallback to software WebGL/;

export function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

export async function openPage(
  browser: Browser,
  opts: {
    viewport?: keyof typeof VIEWPORTS;
    isMobile?: boolean;
    allowConsoleError?: RegExp;
    /** Warnings a test provokes on purpose (a failing tile, a message to a stranger's frame). */
    allowConsoleWarning?: RegExp;
    contextOptions?: Parameters<Browser['newContext']>[0];
  } = {},
): Promise<TestPage> {
  const vp = VIEWPORTS[opts.viewport ?? 'desktop'];
  const phone = opts.viewport === 'phone';
  const context = await browser.newContext({
    viewport: vp,
    deviceScaleFactor: 1,
    isMobile: phone,
    hasTouch: phone,
    locale: 'zh-CN',
    ...opts.contextOptions,
  });
  const problems: Problems = {
    pageErrors: [],
    consoleErrors: [],
    consoleWarnings: [],
    externalRequests: [],
    cspViolations: [],
    mapErrors: [],
  };
  opened.push(problems);
  // Map errors through the app's test hook, as they happen (the page may be closed before the check).
  await context.exposeBinding('__paMapError', (_source, message: string) => {
    if (!opts.allowConsoleWarning?.test(message)) problems.mapErrors.push(message);
  });
  await context.addInitScript(() =>
    addEventListener('planatlas:maperror', (e) =>
      (window as unknown as { __paMapError: (m: string) => void }).__paMapError(String((e as CustomEvent).detail)),
    ),
  );
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).pathname === CSP_REPORT_PATH) {
      problems.cspViolations.push(cspReport(route.request().postData()));
      return route.fulfill({ status: 204 });
    }
    if (isLocal(url)) return route.continue();
    problems.externalRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !opts.allowConsoleError?.test(m.text())) problems.consoleErrors.push(m.text());
    if (m.type() === 'warning' && !CHROMIUM_NOISE.test(m.text()) && !opts.allowConsoleWarning?.test(m.text()))
      problems.consoleWarnings.push(m.text());
  });
  return { page, context, problems, baseUrl: inject('baseUrl') };
}

/** The pages opened by the running test, checked after it. */
const opened: Problems[] = [];

/** "violated directive: blocked URI" from a CSP report body. */
function cspReport(body: string | null): string {
  try {
    const r = (JSON.parse(body ?? '{}') as { 'csp-report'?: Record<string, string> })['csp-report'] ?? {};
    return `${r['violated-directive'] ?? r['effective-directive'] ?? '?'}: ${r['blocked-uri'] ?? '?'} (${r['source-file'] ?? r['document-uri'] ?? ''})`;
  } catch {
    return String(body);
  }
}

export function expectClean(p: Problems): void {
  expect(p.pageErrors, 'page errors').toEqual([]);
  expect(p.consoleErrors, 'console errors').toEqual([]);
  expect(p.consoleWarnings, 'console warnings').toEqual([]);
  expect(p.externalRequests, 'requests that left 127.0.0.1').toEqual([]);
  expect(p.cspViolations, 'Content-Security-Policy violations').toEqual([]);
  expect(p.mapErrors, 'map errors (test hook)').toEqual([]);
}

// Every page a test opened is checked after it, whether or not the test called expectClean.
// (Only under vitest: the benchmarks use this module's browser set-up too.)
if (process.env.VITEST)
  afterEach(() => {
    const pages = opened.splice(0);
    for (const p of pages) expectClean(p);
  });

/**
 * Navigate and wait for `window.planAtlas.ready` (the first view drawn) and for the place index
 * (`indexed`, loaded after the first view: list, search and filters work). A failed index is the
 * test's to check (the app says so), not an error here.
 */
export async function gotoReady(t: TestPage, path = ''): Promise<void> {
  await t.page.goto(t.baseUrl + path);
  await t.page.waitForFunction(() => window.planAtlas !== undefined);
  await t.page.evaluate(() => window.planAtlas.ready);
  await t.page.evaluate(() => window.planAtlas.indexed.catch(() => {}));
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Waits until the map has rendered the latest changes (a repaint is forced so 'idle' always comes). */
export async function mapIdle(page: Page | Frame): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((ok) => {
        const map = window.planAtlas.map!;
        map.once('idle', () => ok());
        map.triggerRepaint();
      }),
  );
}

/** The distinct place ids drawn in the plan layers now. */
export async function renderedPlaces(page: Page | Frame): Promise<string[]> {
  await mapIdle(page);
  return page.evaluate(() => {
    const map = window.planAtlas.map!;
    const layers = ['plan-admin-fill', 'plan-zones-fill', 'plan-corridors', 'plan-sites'].filter((l) =>
      map.getLayer(l),
    );
    const ids = map.queryRenderedFeatures({ layers }).map((f) => window.planAtlas.placeId(f));
    return [...new Set(ids.filter((x): x is string => !!x))].sort();
  });
}
