import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Route } from 'playwright-core';
import { expectClean, gotoReady, launch, openPage, renderedPlaces, shot } from './harness.ts';
import { listSize } from './list.ts';

let browser: Browser;
let noWebgl: Browser;
beforeAll(async () => {
  browser = await launch();
  noWebgl = await launch(['--disable-webgl', '--disable-webgl2', '--disable-3d-apis']);
});
afterAll(async () => {
  await browser?.close();
  await noWebgl?.close();
});

const FAILED_LOAD = /Failed to load resource/;

describe('reliability', () => {
  test('malformed links (bad escapes, a latitude off the map, a centre off the earth) open the app, never a blank page', async () => {
    for (const [hash, note] of [
      ['#%%%', null],
      ['#/plan/%', null],
      ['#/?v=117.2,91,10', 'v=117.2,91,10'],
      ['#/?near=999,999&tab=near', 'near=999,999'],
      ['#/?plans=nope,heping-2016-fyp&sel=nope&basemap=nope&tab=x', 'plans=nope'],
    ] as const) {
      const t = await openPage(browser);
      await gotoReady(t, hash);
      expect(await t.page.evaluate(() => window.planAtlas.map !== null), hash).toBe(true);
      // A value the app cannot use is dropped with a note naming it; a bad escape is just ignored.
      if (note) {
        const box = t.page.getByTestId('map-error');
        await box.waitFor();
        expect(await box.textContent(), hash).toContain('链接中有无法使用的内容，已忽略');
        expect(await box.textContent(), hash).toContain(note);
      } else expect(await t.page.getByTestId('map-error').count(), hash).toBe(0);
      if (hash.includes('plans=nope')) {
        for (const x of ['sel=nope', 'basemap=nope', 'tab=x'])
          expect(await t.page.getByTestId('map-error').textContent()).toContain(x);
        // The known plan stays chosen; the unknown ones leave the link.
        await t.page.waitForFunction(() => !location.hash.includes('nope'));
        expect(await t.page.evaluate(() => location.hash)).toContain('plans=heping-2016-fyp');
        await t.page.getByTestId('dismiss-problem').click();
        expect(await t.page.getByTestId('map-error').count()).toBe(0);
      }
      expect(await t.page.locator('header').count(), hash).toBeGreaterThan(0);
      expectClean(t.problems);
      await t.context.close();
    }
  });

  test('without WebGL: a readable message, and the list, search and reader still work', async () => {
    const t = await openPage(noWebgl);
    await t.page.goto(`${t.baseUrl}#/?tab=list`);
    const msg = t.page.getByTestId('map-error');
    await msg.waitFor();
    expect(await msg.textContent()).toContain('WebGL');
    await t.page.getByTestId('list-item').first().waitFor();
    // Every place is listed (there is no view to be out of); only the rows in sight are drawn.
    expect(await listSize(t.page)).toBeGreaterThan(40);
    // The map's own controls are left out; the legend still keys the list's colours.
    expect(await t.page.getByTestId('basemap-select').count()).toBe(0);
    expect(await t.page.getByTestId('area-zoom').count()).toBe(0);
    await t.page.getByTestId('search-input').fill('yfq');
    await t.page.getByTestId('place-hit').first().click();
    await t.page.getByTestId('feature-panel').waitFor();
    expect(await t.page.getByTestId('feature-name').textContent()).toBe('意风区');
    await shot(t.page, 'no-webgl');
    await t.page.getByTestId('read-in-plan').first().click();
    await t.page.locator('[data-testid=reader-text] .s.target').waitFor();
    expect(
      await t.page.evaluate(() =>
        window.planAtlas.ready.then(
          () => 'ready',
          () => 'failed',
        ),
      ),
    ).toBe('failed');
    expectClean(t.problems);
    await t.context.close();
  });

  const BAD_JSON = [
    ['fails to load', { status: 500, body: 'boom' }],
    [
      'fails validation',
      { status: 200, contentType: 'application/json', body: '{"schema_version":3,"places":[{"id":"x"}]}' },
    ],
  ] as const;
  for (const [what, fulfil] of BAD_JSON) {
    test(`the place index ${what}: a readable error naming it, and the map still draws the plan layers`, async () => {
      const t = await openPage(browser, { allowConsoleError: FAILED_LOAD });
      const broken = (r: Route) => r.fulfill(fulfil);
      await t.context.route(/\/assets\/places-[\w-]+\.json$/, broken);
      await gotoReady(t);
      expect(
        await t.page.evaluate(() =>
          window.planAtlas.indexed.then(
            () => 'ok',
            () => 'failed',
          ),
        ),
      ).toBe('failed');
      const msg = t.page.getByTestId('map-error');
      await msg.waitFor();
      expect(await msg.textContent()).toContain('places.json');
      expect(await msg.textContent()).toContain('地点列表加载失败');
      const drawn = await renderedPlaces(t.page);
      expect(drawn).toContain('wudadao-zone');
      expect(drawn).toContain('yanghuoshichang');
      await shot(t.page, `index-${what.replace(/ /g, '-')}`);
      // Once the file is there again, the offered retry brings the list and search.
      await t.context.unroute(/\/assets\/places-[\w-]+\.json$/, broken);
      await t.page.getByTestId('problem-action').click();
      await t.page.getByTestId('search-input').fill('五大道');
      await t.page.getByTestId('place-hit').first().waitFor();
      expect(await t.page.getByTestId('map-error').count()).toBe(0);
      expectClean(t.problems);
      await t.context.close();
    });
  }

  for (const [what, fulfil] of [
    ['fails to load', { status: 500, body: 'boom' }],
    ['is not a PMTiles archive', { status: 200, contentType: 'application/octet-stream', body: 'not an archive' }],
  ] as const) {
    test(`the plan tile archive ${what}: a readable error naming it, and the list, search and panels still work`, async () => {
      // MapLibre reports the failed tiles as warnings too: provoked here on purpose.
      const t = await openPage(browser, {
        allowConsoleError: FAILED_LOAD,
        allowConsoleWarning: /map error .*(Bad response code: 500|Wrong magic number)/,
      });
      await t.context.route(/\/assets\/plan-(?!labels-)[\w-]+\.pmtiles$/, (r) => r.fulfill(fulfil));
      await gotoReady(t);
      const msg = t.page.getByTestId('map-error');
      await msg.waitFor();
      expect(await msg.textContent()).toContain('plan.pmtiles');
      expect(await renderedPlaces(t.page)).toEqual([]);
      await t.page.getByTestId('search-input').fill('五大道');
      await t.page.getByTestId('place-hit').first().click();
      await t.page.getByTestId('feature-panel').waitFor();
      await t.page.getByTestId('read-in-plan').first().waitFor();
      expectClean(t.problems);
      await t.context.close();
    });
  }

  for (const [what, fulfil] of [
    ['fails to load', { status: 500, body: 'boom' }],
    ['fails validation', { status: 200, contentType: 'application/json', body: '{"yanghuoshichang":{"method":"x"}}' }],
  ] as const) {
    test(`a place's detail file ${what}: its panel says so, naming the file, and tries again`, async () => {
      const t = await openPage(browser, { allowConsoleError: FAILED_LOAD });
      await gotoReady(t);
      const broken = (r: Route) => r.fulfill(fulfil);
      await t.context.route(/\/assets\/details\/[\w.-]+\.json$/, broken);
      await t.page.getByTestId('search-input').fill('洋货市场');
      await t.page.getByTestId('place-hit').first().click();
      const error = t.page.getByTestId('feature-detail-error');
      await error.waitFor();
      expect(await error.textContent()).toMatch(
        /规划原文和定位依据未能加载.*hangzhoudao-2021-fyp\.\d+\.[0-9a-f]{8}\.json/,
      );
      // What the index knows is still shown: the name, the kind, how precisely it is known.
      expect(await t.page.getByTestId('feature-name').textContent()).toBe('洋货市场');
      expect(await t.page.getByTestId('feature-precision').textContent()).toMatch(/±\d+/);
      await shot(t.page, `detail-${what.replace(/ /g, '-')}`);
      await t.context.unroute(/\/assets\/details\/[\w.-]+\.json$/, broken);
      await t.page.getByTestId('feature-detail-retry').click();
      await t.page.getByTestId('read-in-plan').first().waitFor();
      expect(await t.page.getByTestId('feature-detail-error').count()).toBe(0);
      expectClean(t.problems);
      await t.context.close();
    });
  }

  test('an online basemap whose tiles cannot be reached: the app says so and offers the built-in one', async () => {
    const t = await openPage(browser, {
      allowConsoleError: FAILED_LOAD,
      allowConsoleWarning: /map error AJAXError: Service Unavailable \(503\)/,
    });
    await t.context.route(/\/stub-tiles\//, (r) => r.fulfill({ status: 503, body: '' }));
    await gotoReady(t, '#/?basemap=osm');
    await t.page.getByTestId('ask-basemap-yes').click();
    await t.page.waitForFunction(() => window.planAtlas.map!.getLayer('online-base') !== undefined);
    expect((await renderedPlaces(t.page)).length).toBeGreaterThan(20);
    // Not a silent blank background: the user is told, and offered the built-in basemap.
    const problem = t.page.getByTestId('map-error');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('无法连接在线底图「OpenStreetMap」的瓦片服务器');
    await shot(t.page, 'basemap-unreachable');
    await t.page.getByTestId('problem-action').click();
    await t.page.waitForFunction(() => !location.hash.includes('basemap='));
    expect(await t.page.getByTestId('map-error').count()).toBe(0);
    expect(await t.page.getByTestId('basemap-select').inputValue()).toBe('offline');
    expect((await renderedPlaces(t.page)).length).toBeGreaterThan(20);
    expectClean(t.problems);
    await t.context.close();
  });

  test('a part of the app that fails to load (a tab left open across a redeploy) says so and offers a reload that works', async () => {
    const t = await openPage(browser, { allowConsoleError: FAILED_LOAD });
    await gotoReady(t);
    const gone = (r: Route) => r.fulfill({ status: 404, body: '' });
    await t.context.route(/\/assets\/Reader-[\w-]+\.js$/, gone);
    await t.page.getByTestId('plans-menu').click();
    await t.page.getByTestId('plan-link').first().click();
    const problem = t.page.getByTestId('map-error');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('页面的一部分未能加载');
    await shot(t.page, 'part-failed');
    // The redeploy is done: the reload brings the reader.
    await t.context.unroute(/\/assets\/Reader-[\w-]+\.js$/, gone);
    await t.page.getByTestId('reload').click();
    await t.page.waitForFunction(() => window.planAtlas !== undefined);
    await t.page.evaluate(() => window.planAtlas.ready);
    await t.page.getByTestId('reader').waitFor();
    expect(await t.page.getByTestId('map-error').count()).toBe(0);
    expectClean(t.problems);
    await t.context.close();
  });

  test('a map worker that fails to load: a readable message with a reload, and ready settles (rejects)', async () => {
    // MapLibre itself logs the failure as a console error: expected here.
    const t = await openPage(browser, {
      allowConsoleError: /Failed to load resource|Worker failed to load/,
      allowConsoleWarning: /map error Worker failed to load/,
    });
    await t.context.route(/maplibre-gl-worker[\w-]*\.mjs/, (r) => r.fulfill({ status: 404, body: '' }));
    await t.page.goto(t.baseUrl);
    await t.page.waitForFunction(() => window.planAtlas !== undefined);
    const settled = await t.page.evaluate(() =>
      window.planAtlas.ready.then(
        () => 'resolved',
        () => 'rejected',
      ),
    );
    expect(settled).toBe('rejected');
    const problem = t.page.getByTestId('map-error');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('地图组件未能加载');
    expect(await t.page.getByTestId('reload').count()).toBe(1);
    // The rest of the app still works: the list and search.
    await t.page.getByRole('tab', { name: /列表/ }).click();
    await t.page.getByTestId('list-item').first().waitFor();
    await shot(t.page, 'worker-failed');
    expectClean(t.problems);
    await t.context.close();
  });

  test('an invalid config.json is reported, naming what is wrong, and the defaults are used', async () => {
    for (const [body, why] of [
      ['{ "basemaps": ', 'not JSON'],
      ['{ "embed": { "allowedOrigins": "https://x.cn" } }', 'embed.allowedOrigins'],
      ['[1, 2]', 'not a JSON object'],
    ] as const) {
      const t = await openPage(browser);
      await t.context.route(/\/config\.json$/, (r) =>
        r.fulfill({ status: 200, contentType: 'application/json', body }),
      );
      // config.json is read by an embed (for its allowed origins) and when an online basemap is chosen.
      await gotoReady(t, '?embed=1#/');
      const problem = t.page.getByTestId('map-error');
      await problem.waitFor();
      expect(await problem.textContent(), body).toContain('config.json 无效');
      expect(await problem.textContent(), body).toContain(why);
      expectClean(t.problems);
      await t.context.close();
    }
  });

  test('layers that load slowly show that they are loading, until the map is ready', async () => {
    const t = await openPage(browser);
    await t.context.route(/\/assets\/plan-(?!labels-)[\w-]+\.pmtiles$/, async (r) => {
      await new Promise((ok) => setTimeout(ok, 2500));
      await r.continue();
    });
    await t.page.goto(t.baseUrl);
    const loading = t.page.getByTestId('loading');
    await loading.waitFor();
    expect(await loading.textContent()).toBe('正在加载地图图层…');
    await t.page.evaluate(() => window.planAtlas.ready);
    await loading.waitFor({ state: 'detached' });
    expectClean(t.problems);
    await t.context.close();
  });
});
