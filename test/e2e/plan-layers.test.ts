import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { expectClean, gotoReady, launch, mapIdle, openPage, shot } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('plan layers', () => {
  test("zones, corridors and sites from data/geojson are drawn; a rough place's circle only when hovered or selected", async () => {
    const t = await openPage(browser);
    await gotoReady(t);
    const counts = await t.page.evaluate(() => {
      const map = window.planAtlas.map!;
      const n = (layer: string) => map.queryRenderedFeatures({ layers: [layer] }).length;
      return {
        zones: n('plan-zones-fill'),
        corridors: n('plan-corridors'),
        sites: n('plan-sites'),
      };
    });
    expect(counts.zones).toBeGreaterThan(0);
    expect(counts.corridors).toBeGreaterThan(0);
    expect(counts.sites).toBeGreaterThan(0);
    // No ring for every rough place, at any zoom: dozens would overlap in the city centre.
    const rings = await t.page.evaluate(
      () =>
        new Promise<number>((ok) => {
          const map = window.planAtlas.map!;
          map.jumpTo({ center: [117.209, 39.118], zoom: 12 });
          map.once('idle', () =>
            ok(
              map.getLayer('plan-selected-uncertainty')
                ? map.queryRenderedFeatures({ layers: ['plan-selected-uncertainty'] }).length
                : 0,
            ),
          );
        }),
    );
    expect(rings).toBe(0);
    // Selecting a rough place draws its circle at its true ground radius (precision_m) at any zoom.
    const rough = (
      JSON.parse(readFileSync('data/geojson/sites.geojson', 'utf8')) as {
        features: { id: string; properties: { precision_m: number } }[];
      }
    ).features.find((f) => f.properties.precision_m === 1500)!;
    await t.page.evaluate((id) => (location.hash = `#/?sel=${id}`), rough.id);
    await t.page.waitForFunction(() => !!window.planAtlas.map!.getLayer('plan-selected-uncertainty'));
    await mapIdle(t.page);
    const radius = await t.page.evaluate(() => {
      const map = window.planAtlas.map!;
      const site = map.querySourceFeatures('plan-highlight').find((f) => f.properties.precision_m === 1500)!;
      const [lng, lat] = (site.geometry as GeoJSON.Point).coordinates as [number, number];
      const out: number[] = [];
      for (const zoom of [11, 14]) {
        map.jumpTo({ center: [lng, lat], zoom });
        const drawn = (map.getPaintProperty('plan-selected-uncertainty', 'circle-radius') as unknown[]).slice(3);
        const [z0, r0, z1, r1] = drawn as [number, [string, unknown, number], number, [string, unknown, number]];
        const px = 1500 * (r0[2] + ((r1[2] - r0[2]) * (Math.pow(2, zoom - z0) - 1)) / (Math.pow(2, z1 - z0) - 1));
        const ground =
          map.project([lng + 1500 / (111_320 * Math.cos((lat * Math.PI) / 180)), lat]).x - map.project([lng, lat]).x;
        out.push(px / ground);
      }
      return out;
    });
    for (const r of radius) expect(Math.abs(r - 1)).toBeLessThan(0.03);
    await shot(t.page, 'plan-layers-desktop');
    expectClean(t.problems);
    await t.context.close();
  });

  for (const viewport of ['desktop', 'phone'] as const) {
    test(`clicking a zone opens its panel; "read in the plan" opens the reader at the quote (${viewport})`, async () => {
      const t = await openPage(browser, { viewport });
      await gotoReady(t);
      // Frame 五大道 and click inside it.
      const point = await t.page.evaluate(
        () =>
          new Promise<{ x: number; y: number }>((ok) => {
            const map = window.planAtlas.map!;
            map.jumpTo({ center: [117.197, 39.108], zoom: 15 });
            map.once('idle', () => {
              const p = map.project([117.197, 39.108]);
              ok({ x: p.x, y: p.y });
            });
          }),
      );
      // The district is under this point too: the click must still mean the zone, the most specific thing there.
      const under = await t.page.evaluate(
        ({ x, y }) =>
          window.planAtlas
            .map!.queryRenderedFeatures([x, y], { layers: ['plan-admin-fill', 'plan-zones-fill'] })
            .map((f) => f.layer.id),
        point,
      );
      expect(under).toContain('plan-zones-fill');
      const box = (await t.page.getByTestId('map').boundingBox())!;
      await t.page.mouse.click(box.x + point.x, box.y + point.y);
      await t.page.getByTestId('feature-panel').waitFor();
      expect(await t.page.getByTestId('feature-name').textContent()).toBe('五大道小洋楼历史文化体验区');
      await shot(t.page, `feature-panel-${viewport}`);
      const link = t.page
        .getByTestId('feature-panel')
        .locator('li', { hasText: '五大道小洋楼历史文化体验区:' })
        .getByTestId('read-in-plan');
      await link.click();
      const target = t.page.locator('[data-testid=reader-text] .s.target');
      await target.waitFor();
      expect(await target.textContent()).toContain('五大道小洋楼历史文化体验区');
      expect(await target.locator('mark').first().textContent()).toBe('五大道小洋楼历史文化体验区');
      expect(await target.isVisible()).toBe(true);
      // Back from the text to the map: a place name in the reader selects and shows the feature.
      await t.page
        .getByTestId('map')
        .evaluate(() => window.planAtlas.map!.jumpTo({ center: [117.7, 39.03], zoom: 13 }));
      await target.getByTestId('reader-place').filter({ hasText: '五大道小洋楼历史文化体验区' }).first().click();
      await t.page.getByTestId('feature-panel').waitFor();
      expect(await t.page.getByTestId('feature-name').textContent()).toBe('五大道小洋楼历史文化体验区');
      await t.page.waitForFunction(() => window.planAtlas.map!.getBounds().contains([117.197, 39.108]));
      await t.page.getByTestId('reader').waitFor({ state: 'detached' });
      expectClean(t.problems);
      await t.context.close();
    });
  }
});
