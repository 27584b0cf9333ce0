import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectClean, gotoReady, launch, openPage } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const IMG = '<img src=x onerror="window.__pwned=1">';
const LINK = '<a href="javascript:window.__pwned=2">x</a>';
const PAYLOAD = IMG + LINK;

/** The Heping plan with the payload written over part of a cited sentence (same length, so offsets hold). */
const original = readFileSync('data/plans/heping-2016-fyp.txt', 'utf8');
const at = original.indexOf('进一步强化南京路商务商贸带') + 2;
const hostileText = original.slice(0, at) + PAYLOAD + original.slice(at + PAYLOAD.length);
const hostileSha = createHash('sha256').update(hostileText, 'utf8').digest('hex');

/** Serves the hostile plan text, its matching sha256, and a place whose every text field is hostile. */
async function hostile(context: BrowserContext): Promise<void> {
  await context.route(/\/assets\/heping-2016-fyp-[\w-]+\.txt$/, (r) =>
    r.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: hostileText }),
  );
  await context.route(/\/assets\/plans-[\w-]+\.json$/, async (r) => {
    const plans = (await (await r.fetch()).json()) as { id: string; sha256: string }[];
    for (const p of plans) if (p.id === 'heping-2016-fyp') p.sha256 = hostileSha;
    await r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(plans) });
  });
  // The place index (what the list, search and panel heading show) and the place's detail file
  // (its method, evidence and passages).
  await context.route(/\/assets\/places-[\w-]+\.json$/, async (r) => {
    const index = (await (await r.fetch()).json()) as { places: { id: string; name: string; aliases: string[] }[] };
    const p = index.places.find((x) => x.id === 'yanghuoshichang')!;
    p.name = `洋货市场${IMG}`;
    p.aliases = [LINK];
    await r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(index) });
  });
  await context.route(/\/assets\/details\/[\w.-]+\.json$/, async (r) => {
    const file = (await (await r.fetch()).json()) as Record<
      string,
      { method: string; evidence: unknown[]; sources: { quote: string }[] }
    >;
    const d = file['yanghuoshichang'];
    if (d) {
      d.method = `javascript:window.__pwned=3`;
      d.evidence = [
        { zh: PAYLOAD, en: PAYLOAD, feature: PAYLOAD },
        { zh: 'javascript:window.__pwned=4', en: 'javascript:window.__pwned=4' },
      ];
      // A quote must keep its length (the app checks it against the offsets), so the payload overwrites the longest.
      const src = d.sources.reduce((a, b) => (b.quote.length > a.quote.length ? b : a));
      src.quote = (PAYLOAD + src.quote).slice(0, src.quote.length);
    }
    await r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(file) });
  });
}

async function noMarkup(page: Page): Promise<void> {
  const found = await page.evaluate(() => ({
    imgs: document.querySelectorAll('img[src="x"]').length,
    js: [...document.querySelectorAll('a')].filter((a) => a.href.startsWith('javascript:')).length,
    pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
  }));
  expect(found).toEqual({ imgs: 0, js: 0, pwned: null });
}

describe('hostile text renders as plain text everywhere', () => {
  test('reader, search, feature panel, list, place search and export', async () => {
    const t = await openPage(browser);
    const dialogs: string[] = [];
    t.page.on('dialog', (d) => void d.dismiss().then(() => dialogs.push(d.message())));
    await hostile(t.context);

    await gotoReady(t, '#/plan/heping-2016-fyp/ch3.p1.s2');
    const reader = t.page.getByTestId('reader-text');
    await reader.locator('.s.target').waitFor();
    expect(await reader.locator('.s.target').textContent()).toContain(PAYLOAD);
    await noMarkup(t.page);

    await t.page.goto(`${t.baseUrl}#/search?q=${encodeURIComponent('onerror')}`);
    await t.page.getByTestId('search-hit').first().waitFor();
    expect(await t.page.getByTestId('search-hit').first().textContent()).toContain('<img src=x');
    await noMarkup(t.page);

    await t.page.goto(`${t.baseUrl}#/?sel=yanghuoshichang&tab=list&v=117.65,39.03,12`);
    await t.page.getByTestId('feature-panel').waitFor();
    expect(await t.page.getByTestId('feature-name').textContent()).toBe(`洋货市场${IMG}`);
    await t.page.getByTestId('feature-evidence').first().waitFor();
    expect(await t.page.getByTestId('feature-panel').textContent()).toContain('javascript:window.__pwned=4');
    expect(await t.page.getByTestId('list-item').filter({ hasText: IMG }).count()).toBe(1);
    await t.page.getByTestId('search-input').fill('javascript');
    await t.page.getByTestId('place-hit').first().waitFor();
    expect(await t.page.getByTestId('place-hit').first().textContent()).toContain(LINK);
    await noMarkup(t.page);

    await t.page.getByTestId('export').locator('summary').click();
    const [d] = await Promise.all([t.page.waitForEvent('download'), t.page.getByTestId('export-csv').click()]);
    const csv = readFileSync((await d.path())!, 'utf8');
    expect(csv).toContain('"javascript:window.__pwned=3"');
    expect(csv).toContain(`"洋货市场${IMG.replace(/"/g, '""')}"`);
    await noMarkup(t.page);
    expect(dialogs).toEqual([]);
    expectClean(t.problems);
    await t.context.close();
  });

  test('the embed panel', async () => {
    const t = await openPage(browser);
    await hostile(t.context);
    await t.page.goto(`${t.baseUrl}?embed=1#/?sel=yanghuoshichang`);
    await t.page.evaluate(() => window.planAtlas.ready);
    await t.page.getByTestId('feature-panel').waitFor();
    expect(await t.page.getByTestId('feature-name').textContent()).toBe(`洋货市场${IMG}`);
    // Its passages (the hostile quote among them) come with its detail file.
    await t.page.getByTestId('read-in-plan').first().waitFor();
    await noMarkup(t.page);
    expectClean(t.problems);
    await t.context.close();
  });
});

describe('the e2e guard itself', () => {
  test('a request a worker makes against the CSP is reported to the harness, not lost', async () => {
    const t = await openPage(browser);
    await gotoReady(t);
    // connect-src is 'self' (and the online basemaps): another port on 127.0.0.1 is not allowed.
    await t.page.evaluate(() => {
      const src = "fetch('http://127.0.0.1:9/probe').catch(() => {});";
      new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
    });
    await expect.poll(() => t.problems.cspViolations.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(t.problems.cspViolations[0]).toMatch(/connect-src.*127\.0\.0\.1:9/);
    // The violation was provoked on purpose: cleared, so that the check after the test passes.
    t.problems.cspViolations.length = 0;
    await t.context.close();
  });
});
