import { readFileSync } from 'node:fs';
import { bbox } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectClean, gotoReady, launch, mapIdle, openPage, shot } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Where the map draws 天津站 (from its source), after the map settles. */
async function stationLngLat(page: Page): Promise<[number, number]> {
  await settle(page);
  return page.evaluate(() => {
    const map = window.planAtlas.map!;
    const f = map.querySourceFeatures('ref-metro-stations').find((x) => x.properties.name === '天津站');
    return (f!.geometry as GeoJSON.Point).coordinates as [number, number];
  });
}

/** Where the map draws a plan site (from its tiles): the first loaded one, or the one with this id. */
async function siteLngLat(page: Page, id?: string): Promise<{ id: string; at: [number, number] }> {
  await settle(page);
  return page.evaluate((want) => {
    const map = window.planAtlas.map!;
    const fs = map.querySourceFeatures('plan', { sourceLayer: 'sites' });
    const f = want ? fs.find((x) => x.id === want) : fs[0];
    return { id: String(f!.id), at: (f!.geometry as GeoJSON.Point).coordinates as [number, number] };
  }, id);
}

/** Wait for the map's next idle (a repaint is forced so that an idle map still reports one). */
function settle(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((ok) => {
        const map = window.planAtlas.map!;
        map.once('idle', () => ok());
        map.triggerRepaint();
      }),
  );
}

async function idleAfter(page: Page, act: () => Promise<unknown>): Promise<void> {
  const idle = page.evaluate(
    () =>
      new Promise<void>((ok) => {
        const map = window.planAtlas.map!;
        map.once('data', () => map.once('idle', () => ok()));
      }),
  );
  await act();
  await idle;
}

describe('basemaps', () => {
  test('the offline basemap renders labels (Chinese, drawn locally) with zero external requests', async () => {
    const t = await openPage(browser);
    await gotoReady(t);
    await t.page.evaluate(() => window.planAtlas.map!.jumpTo({ center: [117.2, 39.13], zoom: 13.5 }));
    await settle(t.page);
    const labels = await t.page.evaluate(() =>
      window.planAtlas
        .map!.queryRenderedFeatures({ layers: ['metro-stations-label', 'districts-label'] })
        .map((f) => f.properties.name),
    );
    expect(labels).toEqual(expect.arrayContaining(['和平区', '小白楼']));
    const attribution = await t.page.locator('.maplibregl-ctrl-attrib').textContent();
    expect(attribution).toContain('OpenStreetMap contributors');
    await shot(t.page, 'basemap-offline-labels');
    expectClean(t.problems);
    await t.context.close();
  });

  for (const viewport of ['desktop', 'phone'] as const)
    test(`at street level the offline basemap draws streets and their names, fetched only then (${viewport})`, async () => {
      const t = await openPage(browser, { viewport, isMobile: viewport === 'phone' });
      const asked: string[] = [];
      t.page.on('request', (r) => asked.push(r.url()));
      // The overview does not fetch the streets; 意风区 close up must show them (its centre from the data file).
      await gotoReady(t);
      expect(asked.filter((u) => u.includes('street-net'))).toEqual([]);
      const zone = JSON.parse(readFileSync('data/geojson/zones.geojson', 'utf8')).features.find(
        (f: { id: string }) => f.id === 'yifengqu',
      );
      const [x0, y0, x1, y1] = bbox(zone);
      await t.page.evaluate((c) => window.planAtlas.map!.jumpTo({ center: c, zoom: 15.5 }), [
        (x0 + x1) / 2,
        (y0 + y1) / 2,
      ] as [number, number]);
      await t.page.waitForFunction(() => window.planAtlas.map!.querySourceFeatures('ref-street-net').length > 0);
      await settle(t.page);
      expect(asked.filter((u) => u.includes('street-net'))).toHaveLength(1);
      const drawn = await t.page.evaluate(
        () => window.planAtlas.map!.queryRenderedFeatures({ layers: ['street-net'] }).length,
      );
      expect(drawn).toBeGreaterThan(5);
      await shot(t.page, `street-level-yifengqu-${viewport}`);
      // 洋货市场 in 滨海新区, far from the main roads, as well.
      const yanghuo = JSON.parse(readFileSync('data/geojson/sites.geojson', 'utf8')).features.find(
        (f: { id: string }) => f.id === 'yanghuoshichang',
      );
      await t.page.evaluate(
        (c) => window.planAtlas.map!.jumpTo({ center: c, zoom: 15.5 }),
        yanghuo.geometry.coordinates,
      );
      await settle(t.page);
      expect(
        await t.page.evaluate(() => window.planAtlas.map!.queryRenderedFeatures({ layers: ['street-net'] }).length),
      ).toBeGreaterThan(5);
      // A road named by the geocoder (from the stops named after it) is labelled along its line.
      const named = JSON.parse(readFileSync('data/reference/street-net.geojson', 'utf8')).features.find(
        (f: { properties: { kind: string; name?: string } }) => f.properties.name === '营口道',
      );
      const mid = named.geometry.coordinates[0][Math.floor(named.geometry.coordinates[0].length / 2)];
      await t.page.evaluate((c) => window.planAtlas.map!.jumpTo({ center: c, zoom: 15.5 }), mid);
      await settle(t.page);
      const names = await t.page.evaluate(() =>
        window.planAtlas.map!.queryRenderedFeatures({ layers: ['street-net-label'] }).map((f) => f.properties.name),
      );
      expect(names).toContain('营口道');
      await shot(t.page, `street-level-named-${viewport}`);
      expectClean(t.problems);
      await t.context.close();
    });

  test('switching to a stubbed GCJ-02 basemap shifts overlays ~550 m east, and back', async () => {
    const t = await openPage(browser);
    const tiles: string[] = [];
    t.page.on('request', (r) => {
      if (r.url().includes('/stub-tiles/')) tiles.push(r.url());
    });
    await gotoReady(t);
    await t.page.evaluate(() => window.planAtlas.map!.jumpTo({ center: [117.2, 39.135], zoom: 14 }));
    const before = await stationLngLat(t.page);
    const site = await siteLngLat(t.page);
    const viewBefore = await t.page.evaluate(() => window.planAtlas.map!.getCenter().toArray());

    await idleAfter(t.page, () => t.page.getByTestId('basemap-select').selectOption('amap'));
    const after = await stationLngLat(t.page);
    const dLng = after[0] - before[0];
    const dLat = after[1] - before[1];
    const east = dLng * 111_320 * Math.cos((39.135 * Math.PI) / 180);
    expect(east).toBeGreaterThan(450);
    expect(east).toBeLessThan(650);
    expect(Math.abs(dLat * 110_540)).toBeLessThan(200);
    // The plan layers move with the basemap too: their tiles come shifted into GCJ-02.
    const siteAfter = await siteLngLat(t.page, site.id);
    expect(Math.abs(siteAfter.at[0] - site.at[0] - dLng) * 111_320 * Math.cos((39.135 * Math.PI) / 180)).toBeLessThan(
      5,
    );
    expect(Math.abs(siteAfter.at[1] - site.at[1] - dLat) * 110_540).toBeLessThan(5);
    expect(tiles.some((u) => u.includes('/stub-tiles/amap/'))).toBe(true);
    expect(await t.page.evaluate(() => location.hash)).toContain('basemap=amap');
    // The camera moved with the overlays: the same place stays in the middle of the screen.
    const viewAfter = await t.page.evaluate(() => window.planAtlas.map!.getCenter().toArray());
    expect(Math.abs(viewAfter[0]! - viewBefore[0]! - dLng)).toBeLessThan(2e-4);
    expect(Math.abs(viewAfter[1]! - viewBefore[1]! - dLat)).toBeLessThan(2e-4);
    await shot(t.page, 'basemap-amap-stub');

    await idleAfter(t.page, () => t.page.getByTestId('basemap-select').selectOption('offline'));
    const back = await stationLngLat(t.page);
    expect(Math.abs(back[0] - before[0])).toBeLessThan(1e-4);
    expect(Math.abs((await siteLngLat(t.page, site.id)).at[0] - site.at[0])).toBeLessThan(1e-4);
    expectClean(t.problems);
    await t.context.close();
  });

  test('a basemap named by a link alone is asked for first; once accepted it loads from its configured tiles', async () => {
    const t = await openPage(browser);
    const tiles: string[] = [];
    t.page.on('request', (r) => {
      if (r.url().includes('/stub-tiles/')) tiles.push(r.url());
    });
    await gotoReady(t, '#/?basemap=osm');
    // Nothing online is contacted until the user says so; the built-in basemap is shown meanwhile.
    await t.page.getByTestId('ask-basemap').waitFor();
    expect(await t.page.getByTestId('ask-basemap').textContent()).toContain('OpenStreetMap');
    expect(await t.page.getByTestId('basemap-select').inputValue()).toBe('offline');
    await mapIdle(t.page);
    expect(tiles).toEqual([]);
    await shot(t.page, 'basemap-ask');
    await t.page.getByTestId('ask-basemap-yes').click();
    await expect.poll(() => tiles.length).toBeGreaterThan(0);
    expect(await t.page.getByTestId('basemap-select').inputValue()).toBe('osm');
    const layers = await t.page.evaluate(() => window.planAtlas.map!.getStyle().layers.map((l) => l.id));
    expect(layers).toContain('online-base');
    expectClean(t.problems);
    await t.context.close();
  });

  test('declining keeps the built-in basemap and drops it from the link', async () => {
    const t = await openPage(browser);
    await gotoReady(t, '#/?basemap=osm');
    await t.page.getByTestId('ask-basemap-no').click();
    await t.page.waitForFunction(() => !location.hash.includes('basemap=osm'));
    expect(await t.page.getByTestId('ask-basemap').count()).toBe(0);
    const layers = await t.page.evaluate(() => window.planAtlas.map!.getStyle().layers.map((l) => l.id));
    expect(layers).not.toContain('online-base');
    await t.context.close();
  });

  test('a shared link with 高德 (GCJ-02) keeps its place: the camera moves with the overlays', async () => {
    const t = await openPage(browser);
    // 营口道 station (WGS-84, OSM) at the centre of a link's view.
    await gotoReady(t, '#/?basemap=amap&v=117.1915,39.11747,15');
    await t.page.getByTestId('ask-basemap-yes').click();
    await t.page.waitForFunction(() => window.planAtlas.map!.getLayer('online-base') !== undefined);
    await settle(t.page);
    // The map's own centre is now in GCJ-02 (~550 m east); the view in the link is still the same place.
    const c = await t.page.evaluate(() => window.planAtlas.map!.getCenter().toArray());
    expect(c[0] - 117.1915).toBeGreaterThan(0.004);
    const v = async () => (await t.page.evaluate(() => new URLSearchParams(location.hash.split('?')[1]).get('v')))!;
    await expect.poll(async () => Math.abs(Number((await v()).split(',')[0]) - 117.1915)).toBeLessThan(1e-4);
    expect(Math.abs(Number((await v()).split(',')[1]) - 39.11747)).toBeLessThan(1e-4);
    await t.context.close();
  });

  test("a deployment's config.json adds an intranet basemap and makes it the default, without asking", async () => {
    const t = await openPage(browser);
    await t.context.route(/\/config\.json$/, (r) =>
      r.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          basemaps: {
            intranet: {
              label: '政务内网底图',
              labelEn: 'Intranet basemap',
              crs: 'WGS84',
              tiles: ['/stub-tiles/osm/{z}/{x}/{y}.png'],
              attribution: '© 测试单位',
            },
          },
          defaultBasemap: 'intranet',
        }),
      }),
    );
    const tiles: string[] = [];
    t.page.on('request', (r) => {
      if (r.url().includes('/stub-tiles/')) tiles.push(r.url());
    });
    await gotoReady(t);
    await t.page.waitForFunction(() => location.hash.includes('basemap=intranet'));
    expect(await t.page.getByTestId('ask-basemap').count()).toBe(0);
    await expect.poll(() => tiles.length).toBeGreaterThan(0);
    await expect.poll(() => t.page.getByTestId('basemap-select').inputValue()).toBe('intranet');
    expect(await t.page.locator('[data-testid=basemap-select] option[value=intranet]').textContent()).toBe(
      '政务内网底图',
    );
    expect(await t.page.locator('.maplibregl-ctrl-attrib-inner').textContent()).toContain('© 测试单位');
    await t.context.close();
  });
});
