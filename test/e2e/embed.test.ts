import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { examplePage } from './host-page.ts';
import { startStaticServer, type RunningServer } from '../../scripts/static-server.ts';
import { expectClean, launch, mapIdle, openPage, renderedPlaces, shot } from './harness.ts';

/** Host pages on their own ports, i.e. other origins than the app's. */
let host: RunningServer;
let stranger: RunningServer;
let browser: Browser;
const app = inject('baseUrl').replace(/\/$/, '');

beforeAll(async () => {
  browser = await launch();
  const example = examplePage(app);
  host = await startStaticServer({
    root: 'docs',
    routes: (p) => (p === '/host.html' ? { type: 'text/html; charset=utf-8', body: example } : null),
  });
  // A page the map was not told about: it frames the map (claiming the real host) and messages it.
  stranger = await startStaticServer({
    root: 'docs',
    routes: (p) =>
      p === '/stranger.html'
        ? {
            type: 'text/html; charset=utf-8',
            body: `<!doctype html><meta charset="utf-8"><iframe id="f" style="width:800px;height:500px" src="${app}/?embed=1&host=${encodeURIComponent(host.url)}#/"></iframe>`,
          }
        : null,
  });
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await stranger?.close();
});

type HostEvent = { type: string; id?: string | null; name?: string | null; height?: number };
const events = (page: Page) => page.evaluate(() => (window as unknown as { events: HostEvent[] }).events);

/**
 * Resolves once the frame has received the message 'sentinel', which the caller posts after the
 * messages under test: the app's listener was added first, so by then it has handled them all.
 */
async function armSentinel(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const w = window as unknown as { sentinel?: Promise<void> };
    w.sentinel = new Promise((ok) => addEventListener('message', (e) => e.data === 'sentinel' && ok()));
  });
}
const sentinelSeen = (frame: Frame) =>
  frame.evaluate(() => (window as unknown as { sentinel: Promise<void> }).sentinel);

async function mapFrame(page: Page): Promise<Frame> {
  await page.waitForFunction(() =>
    (window as unknown as { events?: { type: string }[] }).events?.some((e) => e.type === 'ready'),
  );
  const frame = page.frames().find((f) => f.url().startsWith(app))!;
  await frame.evaluate(() => window.planAtlas.ready);
  return frame;
}

describe('embedding', () => {
  test('a host page on another origin embeds the map, gets ready and select, drives it with setFilters and select, and resizes it', async () => {
    const t = await openPage(browser);
    await t.page.goto(`${host.url}host.html`);
    const frame = await mapFrame(t.page);
    const historyAtStart = await t.page.evaluate(() => history.length);

    // Chrome-less: no header, no explore panel; the state from data-plan-atlas applies.
    expect(await frame.locator('header.bar').count()).toBe(0);
    expect(await frame.getByTestId('explore').count()).toBe(0);
    expect(await frame.getByTestId('legend').count()).toBe(1);
    const heping = await renderedPlaces(frame);
    expect(heping).toContain('wudadao-zone');
    expect(heping).not.toContain('yifengqu');
    const full = await frame.getByTestId('full-map').getAttribute('href');
    expect(full).toMatch(new RegExp(`^${app}/#/\\?.*plans=heping-2016-fyp`));
    expect(full).not.toContain('embed=1');

    // A click on the map inside the iframe reaches the host as a select event, and the iframe grows.
    const before = (await t.page.locator('iframe').boundingBox())!.height;
    const p = await frame.evaluate(
      () =>
        new Promise<{ x: number; y: number }>((ok) => {
          const map = window.planAtlas.map!;
          map.jumpTo({ center: [117.197, 39.108], zoom: 14 });
          map.once('idle', () => ok(map.project([117.197, 39.108])));
          map.triggerRepaint();
        }),
    );
    const box = (await t.page.locator('iframe').boundingBox())!;
    await t.page.mouse.click(box.x + p.x, box.y + p.y);
    await t.page.waitForFunction(() => document.getElementById('selected')!.textContent !== '（无）');
    expect(await t.page.locator('#selected').textContent()).toBe('五大道小洋楼历史文化体验区');
    expect((await events(t.page)).find((e) => e.type === 'select')).toMatchObject({ id: 'wudadao-zone' });
    await t.page.waitForFunction(
      (h) => document.querySelector('iframe')!.getBoundingClientRect().height > h + 200,
      before,
    );
    const link = frame.getByTestId('read-in-plan').first();
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${app}/#/plan/heping-2016-fyp/`));
    await shot(t.page, 'embed-host-selected');

    // The host drives the map.
    await t.page.click('#show-hebei');
    await frame.waitForFunction(() => location.hash.includes('plans=hebei-2022-fyp'));
    const hebei = await renderedPlaces(frame);
    expect(hebei).not.toContain('wudadao-zone');
    await frame.evaluate(() => window.planAtlas.map!.fitBounds([117.15, 39.1, 117.3, 39.2], { animate: false }));
    expect(await renderedPlaces(frame)).toContain('yifengqu');
    await t.page.click('#select-yifengqu');
    await frame.getByTestId('feature-name').filter({ hasText: '意风区' }).waitFor();
    await t.page.waitForFunction(() => document.getElementById('selected')!.textContent === '意风区');
    await t.page.click('#english');
    await frame.waitForFunction(() => document.documentElement.lang === 'en');
    // Selecting, filtering and moving the map add no entries to the host's history.
    expect(await t.page.evaluate(() => history.length)).toBe(historyAtStart);
    expectClean(t.problems);
    await t.context.close();
  });

  test('messages from an origin the map was not given are ignored', async () => {
    // The map posts its events to its own host only; Chromium notes each one it withholds from the stranger.
    const t = await openPage(browser, {
      allowConsoleWarning: /Failed to execute 'postMessage' on 'DOMWindow': The target origin provided/,
    });
    await t.page.goto(`${stranger.url}stranger.html`);
    const frame = t.page.frames().find((f) => f.url().startsWith(app))!;
    await frame.waitForFunction(() => window.planAtlas !== undefined);
    await frame.evaluate(() => window.planAtlas.ready);
    const before = await renderedPlaces(frame);
    await armSentinel(frame);
    await t.page.evaluate((target) => {
      const w = (document.getElementById('f') as HTMLIFrameElement).contentWindow!;
      w.postMessage({ planAtlas: 1, type: 'setFilters', filters: { plans: ['hebei-2022-fyp'] } }, target);
      w.postMessage({ planAtlas: 1, type: 'select', id: 'yifengqu' }, target);
      w.postMessage('sentinel', target);
    }, app);
    await sentinelSeen(frame);
    expect(await frame.evaluate(() => location.hash)).not.toMatch(/plans=|sel=/);
    expect(await renderedPlaces(frame)).toEqual(before);
    expectClean(t.problems);
    await t.context.close();
  });

  test('malformed and hostile messages from the allowed host break nothing and run nothing', async () => {
    const t = await openPage(browser);
    const dialogs: string[] = [];
    t.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await t.page.goto(`${host.url}host.html`);
    const frame = await mapFrame(t.page);
    const hash = await frame.evaluate(() => location.hash);
    await armSentinel(frame);
    await t.page.evaluate((target) => {
      const w = document.querySelector('iframe')!.contentWindow!;
      const xss = '<img src=x onerror="alert(1)">';
      const hostile: unknown[] = [
        null,
        42,
        'setFilters',
        [],
        { type: 'select', id: 'yifengqu' },
        { planAtlas: 2, type: 'select', id: 'yifengqu' },
        { planAtlas: '1', type: 'select', id: 'yifengqu' },
        { planAtlas: 1, type: 'select', id: xss },
        { planAtlas: 1, type: 'select', id: 'javascript:alert(1)' },
        { planAtlas: 1, type: 'select', id: 'x'.repeat(5000) },
        { planAtlas: 1, type: 'setFilters', filters: { plans: 'hebei-2022-fyp' } },
        { planAtlas: 1, type: 'setFilters', filters: { plans: [xss] } },
        { planAtlas: 1, type: 'setFilters', filters: { __proto__: { polluted: true }, evil: ['x'] } },
        { planAtlas: 1, type: 'setFilters', filters: { plans: Array(1000).fill('a') } },
        { planAtlas: 1, type: 'fitTo', bbox: [1, 2, 3] },
        { planAtlas: 1, type: 'fitTo', bbox: [200, 100, -200, -100] },
        { planAtlas: 1, type: 'fitTo', bbox: ['117', 39, 118, 40] },
        { planAtlas: 1, type: 'setLanguage', lang: xss },
        { planAtlas: 1, type: 'eval', code: 'alert(1)' },
        JSON.parse('{"planAtlas":1,"type":"select","__proto__":{"id":"yifengqu"}}'),
      ];
      for (const m of hostile) w.postMessage(m, target);
      w.postMessage('sentinel', target);
    }, app);
    await sentinelSeen(frame);
    expect(await frame.evaluate(() => location.hash)).toBe(hash);
    // A message the app does act on, sent last, has taken effect: the ones before it were handled and dropped.
    await t.page.evaluate((target) => {
      const w = document.querySelector('iframe')!.contentWindow!;
      w.postMessage({ planAtlas: 1, type: 'setLanguage', lang: 'en' }, target);
    }, app);
    await frame.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await frame.evaluate(() => ({}) as Record<string, unknown>).then((o) => o.polluted)).toBeUndefined();
    expect(await frame.evaluate(() => document.querySelectorAll('img[src=x]').length)).toBe(0);
    expect(dialogs).toEqual([]);
    await mapIdle(frame);
    expectClean(t.problems);
    await t.context.close();
  });
});

describe('embed dialog', () => {
  test('the full app gives iframe code for the current state, with sizes and a responsive option', async () => {
    const t = await openPage(browser);
    await t.page.goto(`${app}/#/?plans=heping-2016-fyp&sel=wudadao-zone&tab=list`);
    await t.page.evaluate(() => window.planAtlas.ready);
    await t.page.getByTestId('embed-open').click();
    const code = t.page.getByTestId('embed-code');
    await code.waitFor();
    const iframe = await code.inputValue();
    expect(iframe).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&amp;h=500#\/\?/);
    expect(iframe).toContain('plans=heping-2016-fyp');
    expect(iframe).toContain('sel=wudadao-zone');
    expect(iframe).not.toContain('tab=');
    // A selection frames itself at the embed's size: the full app's view is not passed on.
    expect(iframe).not.toContain('v=');
    expect(iframe).toContain('width="800"');
    await t.page.getByLabel('1000 × 650').check();
    expect(await code.inputValue()).toContain('width="1000" height="650"');
    await t.page.getByTestId('embed-responsive').check();
    expect(await code.inputValue()).toMatch(
      /data-plan-atlas="plans=heping-2016-fyp&amp;sel=wudadao-zone"[\s\S]*embed\.js/,
    );
    await shot(t.page, 'embed-dialog');
    await t.page.keyboard.press('Escape');
    await t.page.getByTestId('embed-dialog').waitFor({ state: 'detached' });
    expectClean(t.problems);
    await t.context.close();
  });
});
