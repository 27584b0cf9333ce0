/**
 * Embedding as a portal does it (issue 18): host pages on another origin, desktop and phone, with
 * the Embed dialog's code pasted exactly as it is given.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { examplePage } from './host-page.ts';
import { startStaticServer, type RunningServer } from '../../scripts/static-server.ts';
import { expectClean, launch, mapIdle, openPage, shot, type TestPage } from './harness.ts';
import { expectRevealed, onScreen, placeBox } from './reveal.ts';

const app = inject('baseUrl').replace(/\/$/, '');
let browser: Browser;
let host: RunningServer;
/** The body of /pasted.html on the host: what a test pastes. */
let pasted = '';

const page = (body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>门户</title></head><body style="margin:0;padding:8px">${body}</body></html>`;

beforeAll(async () => {
  browser = await launch();
  const example = examplePage(app);
  host = await startStaticServer({
    root: 'docs',
    routes: (p) =>
      p === '/host.html'
        ? { type: 'text/html; charset=utf-8', body: example }
        : p === '/pasted.html'
          ? { type: 'text/html; charset=utf-8', body: page(pasted) }
          : null,
  });
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

async function frameOf(p: Page): Promise<Frame> {
  await p.waitForFunction((a) => [...document.querySelectorAll('iframe')].some((f) => f.src.startsWith(a)), app);
  let frame: Frame | undefined;
  await expect.poll(() => (frame = p.frames().find((f) => f.url().startsWith(app)))).toBeTruthy();
  await frame!.waitForFunction(() => window.planAtlas !== undefined);
  await frame!.evaluate(() => window.planAtlas.ready);
  return frame!;
}

const iframeHeight = (p: Page) => p.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height);

/** The dialog's code for a state, as a user copies it: the full app, "嵌入", a size, options. */
async function dialogCode(
  t: TestPage,
  hash: string,
  opts: { responsive?: boolean; host?: string; size?: string } = {},
): Promise<{ code: string; preview: string }> {
  await t.page.goto(`${app}/${hash}`);
  await t.page.evaluate(() => window.planAtlas.ready);
  await t.page.getByTestId('embed-open').click();
  const code = t.page.getByTestId('embed-code');
  await code.waitFor();
  if (opts.size) await t.page.getByLabel(opts.size).check();
  if (opts.responsive) await t.page.getByTestId('embed-responsive').check();
  if (opts.host) await t.page.getByTestId('embed-host').fill(opts.host);
  const preview = t.page.getByTestId('embed-preview');
  await preview.waitFor();
  return { code: await code.inputValue(), preview: (await preview.getAttribute('src'))! };
}

const unescape = (s: string) => s.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&lt;', '<');

for (const viewport of ['desktop', 'phone'] as const) {
  describe(`embedding on a portal (${viewport})`, () => {
    test('embed.js: the frame follows its content both ways, stays bounded, and the panel is compact', async () => {
      const t = await openPage(browser, { viewport });
      await t.page.goto(`${host.url}host.html`);
      const frame = await frameOf(t.page);
      const start = await iframeHeight(t.page);
      expect(start).toBeGreaterThanOrEqual(420);
      expect(start).toBeLessThanOrEqual(430);

      // 意风区 has 34 passages: the embed shows two and links to the full map for the rest.
      await t.page.click('#show-hebei');
      await t.page.click('#select-yifengqu');
      await frame.getByTestId('feature-name').filter({ hasText: '意风区' }).waitFor();
      await t.page.waitForFunction(
        (h) => document.querySelector('iframe')!.getBoundingClientRect().height > h + 100,
        start,
      );
      expect(await frame.getByTestId('read-in-plan').count()).toBeLessThanOrEqual(2);
      const more = frame.getByTestId('feature-more');
      expect(await more.textContent()).toMatch(/另有 32 处原文/);
      expect(await more.getAttribute('href')).toMatch(new RegExp(`^${app}/#/\\?.*sel=yifengqu`));
      // The frame shows the whole page: the last link is inside it, nothing scrolls inside the frame
      // (once the host has heard the page's last size: the passages arrive after the panel opens).
      await expect
        .poll(() => frame.evaluate(() => document.documentElement.scrollHeight - innerHeight))
        .toBeLessThanOrEqual(1);
      const open = await iframeHeight(t.page);
      expect(open).toBeLessThanOrEqual(420 + 600);
      await shot(t.page, `embed-portal-${viewport}-open`);

      // Closing the selection from the host shrinks the frame back to the map.
      await t.page.evaluate(() => {
        const w = window as unknown as { PlanAtlas: { get(e: Element): { select(id: null): void } } };
        w.PlanAtlas.get(document.getElementById('atlas')!).select(null);
      });
      await t.page.waitForFunction(
        (h) => document.querySelector('iframe')!.getBoundingClientRect().height <= h,
        start + 2,
      );

      // Resizing the window (desktop ↔ phone) never makes it run away.
      await t.page.click('#select-yifengqu');
      await frame.getByTestId('feature-more').waitFor();
      for (const size of [
        { width: 390, height: 844 },
        { width: 1366, height: 860 },
        { width: 320, height: 640 },
      ]) {
        await t.page.setViewportSize(size);
        await mapIdle(frame);
      }
      const heights = (await t.page.evaluate(() =>
        (window as unknown as { events: { type: string; height?: number }[] }).events
          .filter((e) => e.type === 'height')
          .map((e) => e.height!),
      )) as number[];
      expect(Math.max(...heights)).toBeLessThanOrEqual(420 + 600);
      expect(await iframeHeight(t.page)).toBeLessThanOrEqual(420 + 600);
      // Closing the panel inside the frame shrinks it too.
      await frame.getByTestId('feature-panel').getByRole('button', { name: '关闭' }).click();
      await t.page.waitForFunction(
        (h) => document.querySelector('iframe')!.getBoundingClientRect().height <= h,
        start + 2,
      );
      expectClean(t.problems);
      await t.context.close();
    });

    test("select() from the host brings the place into the map's visible part", async () => {
      const t = await openPage(browser, { viewport });
      await t.page.goto(`${host.url}host.html`);
      const frame = await frameOf(t.page);
      await t.page.click('#show-hebei');
      await t.page.click('#select-yifengqu');
      await frame.getByTestId('feature-name').filter({ hasText: '意风区' }).waitFor();
      await frame.waitForFunction(() => !window.planAtlas.map!.isMoving());
      expectRevealed(await onScreen(frame, placeBox('yifengqu')), '意风区 after select()');
      await shot(t.page, `embed-portal-${viewport}-select`);
      // Focus stays on the host page.
      expect(await t.page.evaluate(() => document.activeElement?.tagName)).not.toBe('IFRAME');
      expectClean(t.problems);
      await t.context.close();
    });

    test('an embed opens framed on what its filters show, with the legend folded and a compact attribution', async () => {
      const t = await openPage(browser, { viewport });
      pasted = `<iframe src="${app}/?embed=1&amp;h=500#/?plans=heping-2016-fyp" width="800" height="${viewport === 'phone' ? 420 : 500}" style="border:0;max-width:100%" title="规划图谱"></iframe>`;
      await t.page.goto(`${host.url}pasted.html`);
      const frame = await frameOf(t.page);
      const heping = await onScreen(frame, placeBox('heping-district'));
      // 和平区 fills the map rather than being a speck of Tianjin.
      expect(heping.zoom).toBeGreaterThan(12);
      expectRevealed(heping, '和平区 in its first view');
      expect(await frame.getByTestId('legend').getAttribute('open')).toBeNull();
      const attrib = frame.locator('.maplibregl-ctrl-attrib');
      expect(await attrib.getAttribute('class')).toContain('maplibregl-compact');
      expect((await attrib.boundingBox())!.height).toBeLessThan(40);
      // The licence text is one tap away.
      await frame.locator('.maplibregl-ctrl-attrib-button').click();
      await expect.poll(() => frame.locator('.maplibregl-ctrl-attrib-inner').isVisible()).toBe(true);
      expect(await frame.locator('.maplibregl-ctrl-attrib-inner').textContent()).toContain('OpenStreetMap');
      await shot(t.page, `embed-portal-${viewport}-first-view`);
      expectClean(t.problems);
      await t.context.close();
    });

    test("the dialog's responsive code works as pasted, and its host API works before embed.js has loaded", async () => {
      const t = await openPage(browser, { viewport });
      const { code, preview } = await dialogCode(t, '#/?plans=heping-2016-fyp&sel=wudadao-zone', { responsive: true });
      expect(code).toContain(' async></script>');
      expect(unescape(preview)).toMatch(new RegExp(`^${app}/\\?embed=1&h=500&auto=1#/\\?.*sel=wudadao-zone`));
      // Pasted as given, then the host's own code, written as the README shows, also before the script loads.
      pasted = `${code}
<p>选中：<output id="selected"></output></p>
<script>
  window.events = [];
  (window.PlanAtlas = window.PlanAtlas || []).push(function (PlanAtlas) {
    var atlas = PlanAtlas.get(document.getElementById('${/id="([^"]+)"/.exec(code)![1]}'));
    ['ready', 'select', 'height'].forEach(function (type) { atlas.on(type, function (e) { window.events.push(e); }); });
    atlas.on('select', function (e) { document.getElementById('selected').textContent = e.name || ''; });
    atlas.select('xiaobailou-zone');
  });
</script>`;
      const t2 = await openPage(browser, { viewport });
      await t2.page.goto(`${host.url}pasted.html`);
      const frame = await frameOf(t2.page);
      await t2.page.waitForFunction(() => document.getElementById('selected')!.textContent === '小白楼高端商业商务区');
      await frame.waitForFunction(() => !window.planAtlas.map!.isMoving());
      expectRevealed(await onScreen(frame, placeBox('xiaobailou-zone')), '小白楼 from the queued select()');
      // The frame grew for the panel below the map.
      expect(await iframeHeight(t2.page)).toBeGreaterThan(520);
      await shot(t2.page, `embed-portal-${viewport}-pasted-responsive`);
      expectClean(t.problems);
      expectClean(t2.problems);
      await t.context.close();
      await t2.context.close();
    });

    test('the plain iframe code shows the chosen place and its panel inside the frame, and takes a host for the API', async () => {
      const t = await openPage(browser, { viewport });
      const bad = await dialogCode(t, '#/?plans=heping-2016-fyp&sel=wudadao-zone', { host: 'javascript:alert(1)' });
      expect(bad.code).not.toContain('host=');
      expect(await t.page.locator('#embed-host-note').textContent()).toMatch(/不是有效的网址来源/);
      await t.page.getByTestId('embed-host').fill(host.url);
      await expect.poll(() => t.page.getByTestId('embed-code').inputValue()).toContain('host=');
      const code = await t.page.getByTestId('embed-code').inputValue();
      const src = unescape(/src="([^"]+)"/.exec(code)![1]!);
      // The preview is exactly what will be pasted.
      expect(await t.page.getByTestId('embed-preview').getAttribute('src')).toBe(src);
      expect(src).toContain(`host=${encodeURIComponent(new URL(host.url).origin)}`);
      // The preview is live: the map in it loads and shows the chosen place.
      let preview: Frame | undefined;
      await expect.poll(() => (preview = t.page.frames().find((f) => f.url() === src))).toBeTruthy();
      await preview!.waitForFunction(() => window.planAtlas !== undefined);
      await preview!.evaluate(() => window.planAtlas.ready);
      await preview!.getByTestId('feature-name').filter({ hasText: '五大道' }).waitFor();
      await mapIdle(preview!);
      await shot(t.page, `embed-portal-${viewport}-dialog`);

      pasted = code;
      const t2 = await openPage(browser, { viewport });
      await t2.page.goto(`${host.url}pasted.html`);
      const frame = await frameOf(t2.page);
      await frame.getByTestId('feature-name').waitFor();
      await frame.waitForFunction(() => !window.planAtlas.map!.isMoving());
      expectRevealed(await onScreen(frame, placeBox('wudadao-zone')), '五大道 in the 800×500 frame');
      // The panel is inside the frame's viewport: its heading and first passage can be seen without scrolling.
      const inView = await frame.evaluate(() => {
        const h = document.querySelector('[data-testid="feature-name"]')!.getBoundingClientRect();
        return h.top >= 0 && h.bottom <= innerHeight;
      });
      expect(inView).toBe(true);
      // host= lets the page drive the map with the message API.
      await t2.page.evaluate((target) => {
        document
          .querySelector('iframe')!
          .contentWindow!.postMessage({ planAtlas: 1, type: 'select', id: 'xiaobailou-zone' }, target);
      }, app);
      await frame.getByTestId('feature-name').filter({ hasText: '小白楼高端商业商务区' }).waitFor();
      await frame.waitForFunction(() => !window.planAtlas.map!.isMoving());
      expectRevealed(await onScreen(frame, placeBox('xiaobailou-zone')), '小白楼 after the host message');
      await shot(t2.page, `embed-portal-${viewport}-pasted-iframe`);
      expectClean(t.problems);
      expectClean(t2.problems);
      await t.context.close();
      await t2.context.close();
    });
  });
}

describe('two maps on one portal page', () => {
  test('the responsive code pasted twice: two maps, one API, each map drives its own frame', async () => {
    const t = await openPage(browser);
    const one = await dialogCode(t, '#/?plans=heping-2016-fyp', { responsive: true });
    await t.page.getByTestId('embed-dialog').getByRole('button', { name: '关闭' }).click();
    const two = await dialogCode(t, '#/?plans=hebei-2022-fyp', { responsive: true });
    const idOf = (code: string) => /id="([^"]+)"/.exec(code)![1]!;
    expect(idOf(one.code)).not.toBe(idOf(two.code));
    pasted = `${one.code}\n${two.code}
<script>
  window.seen = [];
  (window.PlanAtlas = window.PlanAtlas || []).push(function (PlanAtlas) {
    [['${idOf(one.code)}', 'xiaobailou-zone'], ['${idOf(two.code)}', 'yifengqu']].forEach(function (pair) {
      var atlas = PlanAtlas.get(document.getElementById(pair[0]));
      atlas.on('select', function (e) { if (e.id) window.seen.push(pair[0] + ':' + e.name); });
      atlas.select(pair[1]);
    });
  });
</script>`;
    const t2 = await openPage(browser);
    await t2.page.goto(`${host.url}pasted.html`);
    // The frames load lazily: the second, below the first, once it is scrolled into view.
    await t2.page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.length >= 1, undefined, {
      timeout: 60_000,
    });
    await t2.page.locator('iframe').nth(1).scrollIntoViewIfNeeded();
    await t2.page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.length >= 2, undefined, {
      timeout: 60_000,
    });
    const seen = await t2.page.evaluate(() => (window as unknown as { seen: string[] }).seen.sort());
    expect(seen).toEqual([`${idOf(one.code)}:小白楼高端商业商务区`, `${idOf(two.code)}:意风区`].sort());
    // embed.js was loaded twice; each frame was made once.
    expect(await t2.page.locator('iframe').count()).toBe(2);
    await t.context.close();
    await t2.context.close();
  });
});
