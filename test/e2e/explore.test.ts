import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { lookAtPdf, inkIn } from './pdf.ts';
import { SHOTS, expectClean, gotoReady, launch, mapIdle, openPage, renderedPlaces, shot } from './harness.ts';
import { listedIds, scrollToRow } from './list.ts';
import { expectRevealed, onScreen, placeBox } from './reveal.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const HEPING = 'heping-2016-fyp';
/** 小白楼 metro station (WGS-84, from data/reference/metro-stations.geojson). */
const XIAOBAILOU = { longitude: 117.20912, latitude: 39.1139 };

/** Place ids of a plan, located or not, read from the data files themselves (not from the app). */
function placesOfPlan(plan: string): string[] {
  const ids = ['zones', 'corridors', 'sites', 'unlocated'].flatMap((f) =>
    (
      JSON.parse(readFileSync(`data/geojson/${f}.geojson`, 'utf8')) as {
        features: { id: string; properties: { plans: string[]; role?: string } }[];
      }
    ).features
      .filter((x) => x.properties.plans.includes(plan) && x.properties.role !== 'buffer')
      .map((x) => x.id),
  );
  return [...new Set(ids)];
}

const hashParams = (page: Page) =>
  page.evaluate(() => Object.fromEntries(new URLSearchParams(location.hash.split('?')[1] ?? '')));

describe('explore: filters, list, URL state', () => {
  test('a place the filters hide is not drawn, has no label and cannot be clicked', async () => {
    const t = await openPage(browser);
    // 洋货市场 (the 杭州道 plans), close up, where its label shows.
    const yanghuo = JSON.parse(readFileSync('data/geojson/sites.geojson', 'utf8')).features.find(
      (f: { id: string }) => f.id === 'yanghuoshichang',
    );
    const [lng, lat] = yanghuo.geometry.coordinates as [number, number];
    await gotoReady(t, `#/?v=${lng},${lat},15`);
    const at = await t.page.evaluate(([x, y]) => window.planAtlas.map!.project([x!, y!]), [lng, lat]);
    const box = await t.page.getByTestId('map').boundingBox();
    const clip = { x: box!.x + at.x - 12, y: box!.y + at.y - 12, width: 24, height: 24 };
    const labels = () =>
      t.page.evaluate(() =>
        window.planAtlas.map!.queryRenderedFeatures({ layers: ['plan-labels'] }).map((f) => f.properties.name),
      );
    expect(await labels()).toContain('洋货市场');
    const drawn = await t.page.screenshot({ clip });

    await t.page.getByTestId(`filter-plans-${HEPING}`).check();
    await mapIdle(t.page);
    expect(await renderedPlaces(t.page)).not.toContain('yanghuoshichang');
    expect(await labels()).not.toContain('洋货市场');
    // The dot is gone from the picture, not only from the queries.
    expect(Buffer.compare(await t.page.screenshot({ clip }), drawn)).not.toBe(0);
    await t.page.mouse.click(box!.x + at.x, box!.y + at.y);
    await mapIdle(t.page);
    expect(await t.page.getByTestId('feature-panel').count()).toBe(0);

    await t.page.getByTestId(`filter-plans-${HEPING}`).uncheck();
    await mapIdle(t.page);
    expect(await labels()).toContain('洋货市场');
    await t.page.mouse.click(box!.x + at.x, box!.y + at.y);
    await expect.poll(() => t.page.getByTestId('feature-name').textContent()).toBe('洋货市场');
    expectClean(t.problems);
    await t.context.close();
  });

  test('a plan filter changes the rendered features and the list; reload restores it; back undoes it', async () => {
    const t = await openPage(browser);
    await gotoReady(t);
    const before = await renderedPlaces(t.page);
    expect(before.length).toBeGreaterThan(20);

    await t.page.getByTestId(`filter-plans-${HEPING}`).check();
    const after = await renderedPlaces(t.page);
    const hepingIds = placesOfPlan(HEPING);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before.length);
    for (const id of after) expect(hepingIds).toContain(id);
    expect((await hashParams(t.page)).plans).toBe(HEPING);

    await t.page.getByTestId('tab-list').click();
    await t.page.getByTestId('in-view-only').uncheck();
    const listed = await listedIds(t.page);
    expect(listed.length).toBe(hepingIds.length);
    expect(new Set(listed)).toEqual(new Set(hepingIds));
    await shot(t.page, 'explore-filtered-list-desktop');

    await t.page.reload();
    await t.page.evaluate(() => window.planAtlas.ready);
    expect(await renderedPlaces(t.page)).toEqual(after);
    await t.page.getByTestId('tab-filters').click();
    expect(await t.page.getByTestId(`filter-plans-${HEPING}`).isChecked()).toBe(true);

    await t.page.goBack();
    await t.page.waitForFunction(() => !location.hash.includes('plans='));
    expect(await t.page.getByTestId(`filter-plans-${HEPING}`).isChecked()).toBe(false);
    expect((await renderedPlaces(t.page)).length).toBe(before.length);
    expectClean(t.problems);
    await t.context.close();
  });

  test('a place not located is listed, found by search and opened with its passages, saying it is not located', async () => {
    const unlocated = (
      JSON.parse(readFileSync('data/geojson/unlocated.geojson', 'utf8')) as {
        features: { id: string; properties: { name: string; plans: string[]; sources: { quote: string }[] } }[];
      }
    ).features.find((f) => f.properties.plans.includes(HEPING))!;
    const t = await openPage(browser);
    await gotoReady(t, `#/?plans=${HEPING}&tab=list`);
    const row = t.page.locator(`[data-testid="list-item"][data-id="${unlocated.id}"]`);
    // The list draws only the rows in sight: scrolled through until the row is drawn.
    await t.page.getByTestId('list-item').first().waitFor();
    expect(await scrollToRow(t.page, unlocated.id)).toBe(true);
    expect(await row.textContent()).toContain('未定位');
    await t.page.getByTestId('search-input').fill(unlocated.properties.name);
    await t.page.getByTestId('place-hit').filter({ hasText: unlocated.properties.name }).first().click();
    await t.page.getByTestId('feature-unlocated').waitFor();
    expect(await t.page.getByTestId('feature-name').textContent()).toBe(unlocated.properties.name);
    expect(await t.page.getByTestId('feature-precision').textContent()).toContain('未定位');
    expect(await t.page.getByTestId('feature-zoom').count()).toBe(0);
    // Its passages come with its detail file, fetched when it is chosen.
    await t.page.getByTestId('read-in-plan').first().waitFor();
    expect(await t.page.getByTestId('feature-panel').textContent()).toContain(
      unlocated.properties.sources[0]!.quote.slice(0, 20),
    );
    expect((await hashParams(t.page)).sel).toBe(unlocated.id);
    await shot(t.page, 'explore-unlocated-desktop');
    expectClean(t.problems);
    await t.context.close();
  });

  test('on a phone the panel keeps each label on one line, whatever its values hold (意风区)', async () => {
    const t = await openPage(browser, { viewport: 'phone' });
    await gotoReady(t, '#/?sel=yifengqu');
    await t.page.getByTestId('feature-evidence').first().waitFor();
    const labels = await t.page
      .getByTestId('feature-panel')
      .locator('dt')
      .evaluateAll((dts) =>
        dts.map((dt) => ({
          text: dt.textContent,
          // The text's own height (the dt box stretches to its row, as tall as the value beside it).
          lines: (() => {
            const r = document.createRange();
            r.selectNodeContents(dt);
            return r.getBoundingClientRect().height / parseFloat(getComputedStyle(dt).lineHeight);
          })(),
        })),
      );
    expect(labels.length).toBeGreaterThan(4);
    for (const l of labels) expect(l.lines, l.text ?? '').toBeLessThan(1.5);
    // Nothing in the panel is wider than the screen.
    expect(await t.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(t.page, 'feature-panel-labels-phone');
    expectClean(t.problems);
    await t.context.close();
  });

  test('on a phone the sheet is made taller for a long list, and lowered again when a place is chosen', async () => {
    const t = await openPage(browser, { viewport: 'phone' });
    await gotoReady(t, '#/?tab=list&v=117.2,39.12,11');
    await t.page.getByTestId('in-view-only').uncheck();
    const taller = t.page.getByTestId('sheet-taller');
    const sheet = t.page.getByTestId('explore');
    const inSight = () =>
      t.page.evaluate(() => {
        const box = document.querySelector('[data-testid=list-scroll]')!.getBoundingClientRect();
        return [...document.querySelectorAll('[data-testid=list-item]')].filter((r) => {
          const b = r.getBoundingClientRect();
          return b.top >= box.top - 1 && b.bottom <= box.bottom + 1;
        }).length;
      });
    const low = { height: (await sheet.boundingBox())!.height, rows: await inSight() };
    expect(low.height).toBeLessThanOrEqual(844 / 2 + 1);
    expect(await taller.getAttribute('aria-expanded')).toBe('false');

    await taller.click();
    expect(await taller.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(async () => (await sheet.boundingBox())!.height).toBeGreaterThan(low.height * 1.5);
    // Several times the rows in sight, and a strip of the map still shows above the sheet.
    await expect.poll(inSight).toBeGreaterThanOrEqual(low.rows * 2);
    const top = (await sheet.boundingBox())!.y;
    const map = (await t.page.locator('.maplibregl-canvas').boundingBox())!;
    expect(top - map.y).toBeGreaterThanOrEqual(60);
    await shot(t.page, 'list-taller-phone');

    // Choosing a place lowers the sheet first, and the place is framed where no panel covers it.
    expect(await scrollToRow(t.page, 'yifengqu')).toBe(true);
    await t.page.locator('[data-testid=list-item][data-id="yifengqu"]').click();
    await t.page.getByTestId('feature-panel').waitFor();
    expect(await taller.getAttribute('aria-expanded')).toBe('false');
    expect((await sheet.boundingBox())!.height).toBeLessThanOrEqual(844 / 2 + 1);
    expectRevealed(await onScreen(t.page, placeBox('yifengqu')), '意风区 chosen from the taller list');
    await shot(t.page, 'list-taller-chosen-phone');
    expectClean(t.problems);
    await t.context.close();
  });

  test('a shared link with a selection and no view opens framed on that place', async () => {
    const t = await openPage(browser);
    await gotoReady(t, '#/?sel=yifengqu');
    await t.page.getByTestId('feature-panel').waitFor();
    await t.page.waitForFunction(() => {
      const map = window.planAtlas.map!;
      return map.getZoom() > 13 && map.getBounds().contains([117.1945, 39.1355]);
    });
    expectClean(t.problems);
    await t.context.close();
  });

  test('a row hovered in the list, half out of sight at its foot, does not move the list under the pointer', async () => {
    const t = await openPage(browser);
    await gotoReady(t, '#/?tab=list&v=117.2,39.12,12');
    await t.page.getByTestId('in-view-only').uncheck();
    await t.page.getByTestId('list-item').first().waitFor();
    const scroller = t.page.getByTestId('list-scroll');
    const box = (await scroller.boundingBox())!;
    // The row cut by the list's lower edge.
    const cut = await t.page.evaluate(() => {
      const b = document.querySelector('[data-testid=list-scroll]')!.getBoundingClientRect();
      const row = [...document.querySelectorAll('[data-testid=list-item]')].find((r) => {
        const x = r.getBoundingClientRect();
        return x.top < b.bottom - 8 && x.bottom > b.bottom + 2;
      });
      return row?.getAttribute('data-id') ?? null;
    });
    expect(cut).not.toBeNull();
    await t.page.mouse.move(box.x + box.width / 2, box.y + box.height - 4);
    await expect.poll(() => t.page.locator(`[data-testid=list-item][data-id="${cut}"].hover`).count()).toBe(1);
    await t.page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0);
    // Leaving it does not move the list either.
    await t.page.mouse.move(box.x + box.width + 200, box.y + 10);
    await t.page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0);
    expectClean(t.problems);
    await t.context.close();
  });

  test('the list follows the map view and selects on the map; hover highlights both ways', async () => {
    const t = await openPage(browser);
    await gotoReady(t, '#/?v=117.197,39.115,14.5&tab=list');
    await t.page.getByTestId('list-item').first().waitFor();
    const listed = await listedIds(t.page);
    const nameOf = new Map(
      (
        JSON.parse(readFileSync('data/geojson/places.json', 'utf8')) as { places: { id: string; name: string }[] }
      ).places.map((p) => [p.id, p.name]),
    );
    const names = listed.map((id) => nameOf.get(id));
    expect(names).toContain('小白楼高端商业商务区');
    expect(names).not.toContain('金钟新市镇');
    await t.page.getByTestId('sort-select').selectOption('distance');
    expect(await scrollToRow(t.page, 'xiaobailou-zone')).toBe(true);
    const item = t.page.locator('[data-testid=list-item][data-id=xiaobailou-zone]');
    await item.hover();
    await mapIdle(t.page);
    const hovered = await t.page.evaluate(
      () => window.planAtlas.map!.queryRenderedFeatures({ layers: ['plan-selected'] }).length,
    );
    expect(hovered).toBeGreaterThan(0);
    await item.click();
    await t.page.getByTestId('feature-panel').waitFor();
    expect(await t.page.getByTestId('feature-name').textContent()).toBe('小白楼高端商业商务区');
    expect((await hashParams(t.page)).sel).toBe('xiaobailou-zone');
    expect(await item.getAttribute('aria-current')).toBe('true');
    expectClean(t.problems);
    await t.context.close();
  });
});

describe('explore: near me', () => {
  for (const viewport of ['desktop', 'phone'] as const) {
    test(`near me at 小白楼 (mocked geolocation) lists the Heping zones containing or near it first (${viewport})`, async () => {
      const t = await openPage(browser, {
        viewport,
        contextOptions: { geolocation: XIAOBAILOU, permissions: ['geolocation'] },
      });
      await gotoReady(t);
      await t.page.getByTestId('tab-near').click();
      await t.page.getByTestId('near-locate').click();
      await t.page.getByTestId('near-item').first().waitFor();
      const rows = await t.page
        .getByTestId('near-item')
        .evaluateAll((els) =>
          els.map((e) => ({ name: e.querySelector('.name')!.textContent, d: e.querySelector('.d')!.textContent })),
        );
      expect(rows[0]).toEqual({ name: '小白楼高端商业商务区', d: '就在其中' });
      const heping = [
        '小白楼高端商业商务区',
        '解放北路高质金融聚集区',
        '和平区',
        '南京路商务商贸带',
        '海河综合经济发展带',
      ];
      for (const n of heping) expect(rows.slice(0, 10).map((r) => r.name)).toContain(n);
      // Everything listed is within the default 1 km, nearest first.
      const metres = rows.map((r) =>
        r.d === '就在其中' ? 0 : Number(r.d!.replace(/[^\d.]/g, '')) * (r.d!.includes('公里') ? 1000 : 1),
      );
      expect([...metres].sort((a, b) => a - b)).toEqual(metres);
      expect(Math.max(...metres)).toBeLessThanOrEqual(1000);
      // Places shown at the 小白楼 zone's centre with a 1.25 km circle are listed apart, as rough.
      const rough = await t.page.getByTestId('near-rough-item').locator('.name').allTextContents();
      expect(rough).toContain('信达广场');
      expect(rows.map((r) => r.name)).not.toContain('信达广场');
      expect(await t.page.getByTestId('near-rough-item').filter({ hasText: '信达广场' }).textContent()).toContain(
        '±1250 米',
      );
      await mapIdle(t.page);
      // The map shows the whole circle around the centre.
      const view = await t.page.evaluate(() => {
        const map = window.planAtlas.map!;
        return { centre: map.getBounds().contains([117.20912, 39.1139]), zoom: map.getZoom() };
      });
      expect(view.centre).toBe(true);
      expect(view.zoom).toBeGreaterThan(12);
      const circle = await t.page.evaluate(
        () => window.planAtlas.map!.queryRenderedFeatures({ layers: ['near-circle'] }).length,
      );
      expect(circle).toBeGreaterThan(0);
      expect((await hashParams(t.page)).near).toBe('117.20912,39.1139');

      await t.page.getByTestId('near-radius').selectOption('500');
      await t.page.waitForFunction(() => location.hash.includes('radius=500'));
      expect(await t.page.getByTestId('near-item').count()).toBeLessThan(rows.length + 1);
      await shot(t.page, `near-me-${viewport}`);
      expectClean(t.problems);
      await t.context.close();
    });
  }

  test('near a point picked on the map', async () => {
    const t = await openPage(browser);
    await gotoReady(t, '#/?tab=near&v=117.205,39.115,14');
    await t.page.getByTestId('near-pick').click();
    const p = await t.page.evaluate(() => window.planAtlas.map!.project([117.197, 39.108]));
    const box = (await t.page.getByTestId('map').boundingBox())!;
    await t.page.mouse.click(box.x + p.x, box.y + p.y);
    await t.page.getByTestId('near-item').first().waitFor();
    // The district holds the point; 五大道 (its outline known to ±450 m) is listed among the rough places.
    const names = await t.page.getByTestId('near-item').locator('.name').allTextContents();
    expect(names[0]).toBe('和平区');
    const rough = await t.page.getByTestId('near-rough-item').locator('.name').allTextContents();
    expect(rough[0]).toBe('五大道小洋楼历史文化体验区');
    const [lng, lat] = (await hashParams(t.page)).near!.split(',').map(Number);
    expect(Math.abs(lng! - 117.197)).toBeLessThan(0.0005);
    expect(Math.abs(lat! - 39.108)).toBeLessThan(0.0005);
    // Picking does not also select what was under the pointer.
    expect(await t.page.getByTestId('feature-panel').count()).toBe(0);
    expectClean(t.problems);
    await t.context.close();
  });

  test('near a metro station typed into the station field: named as the centre, each row says what is planned', async () => {
    const t = await openPage(browser);
    await gotoReady(t, '#/?tab=near');
    const field = t.page.getByTestId('near-station');
    await field.click();
    await t.page.locator('#near-stations option[value="建国道意风区"]').waitFor({ state: 'attached' });
    await field.fill('建国道意风区站');
    await field.press('Enter');
    await t.page.getByTestId('near-item').first().waitFor();
    expect(await t.page.getByTestId('near-item').first().locator('.name').textContent()).toBe('意风区');
    expect(await t.page.locator('.centre').textContent()).toContain('中心点：建国道意风区站');
    // Kind, themes and plan: what is planned, not only how far.
    const meta = await t.page.getByTestId('near-item').first().locator('.meta').first().textContent();
    expect(meta).toContain('片区');
    expect(meta).toContain('河北区“十四五”规划纲要');
    await shot(t.page, 'near-station-typed');
    expectClean(t.problems);
    await t.context.close();
  });

  test('a metro station typed into the header search is a centre to look around', async () => {
    const t = await openPage(browser);
    await gotoReady(t);
    await t.page.getByTestId('search-input').fill('营口道');
    const hit = t.page.getByTestId('station-hit').first();
    await hit.waitFor();
    expect(await hit.textContent()).toContain('营口道站：查看附近的规划');
    await hit.click();
    await t.page.getByTestId('near-panel').waitFor();
    expect(await t.page.locator('.centre').textContent()).toContain('中心点：营口道站');
    expect(await t.page.getByTestId('near-item').count()).toBeGreaterThan(0);
    expect((await hashParams(t.page)).tab).toBe('near');
    await t.context.close();
  });

  test('rough places that share one placeholder position are grouped and said so once', async () => {
    const t = await openPage(browser);
    await gotoReady(t, '#/?tab=near');
    const field = t.page.getByTestId('near-station');
    await field.click();
    await t.page.locator('#near-stations option[value="小白楼"]').waitFor({ state: 'attached' });
    await field.fill('小白楼');
    await field.press('Enter');
    const shared = t.page.getByTestId('near-shared').first();
    await shared.waitFor();
    expect(await shared.textContent()).toMatch(/以下 \d+ 处共用同一个大致位置/);
    await shot(t.page, 'near-shared');
    expectClean(t.problems);
    await t.context.close();
  });
});

describe('explore: stacked places', () => {
  test('a click on places stacked at one point offers a choice, the zone under them included', async () => {
    const t = await openPage(browser);
    await gotoReady(t, '#/?plans=hebei-2022-fyp&v=117.192834,39.135315,16');
    await mapIdle(t.page);
    const p = await t.page.evaluate(() => window.planAtlas.map!.project([117.192834, 39.135315]));
    const box = (await t.page.getByTestId('map').boundingBox())!;
    await t.page.mouse.click(box.x + p.x, box.y + p.y);
    const chooser = t.page.getByTestId('place-chooser');
    await chooser.waitFor();
    const names = await chooser.getByTestId('chooser-item').locator('.name').allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(names).toContain('意风区');
    expect(names).toContain('茂业大厦');
    // Keyboard users land on the first choice.
    expect(await t.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('chooser-item');
    await shot(t.page, 'place-chooser');
    await chooser.getByTestId('chooser-item').filter({ hasText: '意风区' }).click();
    await t.page.getByTestId('feature-name').filter({ hasText: '意风区' }).waitFor();
    expect(await chooser.count()).toBe(0);
    await t.context.close();
  });
});

describe('explore: search', () => {
  for (const [q, expected] of [
    ['意风区', '意风区'],
    ['洋货', '洋货市场'],
    ['yfq', '意风区'],
    ['yifengqu', '意风区'],
  ] as const) {
    test(`searching "${q}" finds ${expected} and jumps to it`, async () => {
      const t = await openPage(browser);
      await gotoReady(t);
      await t.page.getByTestId('search-input').fill(q);
      const hit = t.page.getByTestId('place-hit').first();
      await hit.waitFor();
      expect(await hit.locator('.name').textContent()).toBe(expected);
      await hit.click();
      await t.page.getByTestId('feature-panel').waitFor();
      expect(await t.page.getByTestId('feature-name').textContent()).toBe(expected);
      await mapIdle(t.page);
      // The map now shows the place.
      const id = (await hashParams(t.page)).sel!;
      expect(await renderedPlaces(t.page)).toContain(id);
      expectClean(t.problems);
      await t.context.close();
    });
  }
});

describe('explore: language, legend, areas, export', () => {
  test('English UI by URL and by the switch; place names stay as the plans write them', async () => {
    const t = await openPage(browser);
    await gotoReady(t, '#/?lang=en&tab=list');
    expect(await t.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await t.page.getByTestId('tab-filters').textContent()).toMatch(/^Filters/);
    expect(await t.page.getByTestId('legend').locator('summary').textContent()).toBe('Legend');
    expect(await t.page.getByTestId('list-item').first().locator('.name').textContent()).toMatch(/\p{Script=Han}/u);
    // Plan titles in English, lists joined with commas.
    const meta = await t.page.getByTestId('list-item').first().locator('.meta').textContent();
    expect(meta).toMatch(/Five-Year Plan|action plan/);
    expect(meta).not.toContain('、');
    await shot(t.page, 'explore-en-desktop');
    await t.page.getByTestId('lang-toggle').click();
    expect(await t.page.getByTestId('tab-filters').textContent()).toMatch(/^筛选/);
    expect((await hashParams(t.page)).lang).toBeUndefined();
    expectClean(t.problems);
    await t.context.close();
  });

  test('how a place was located reads in the interface language, with the dataset it rests on named', async () => {
    // A place located from a metro station, read from the data (its evidence names the dataset and feature).
    const f = (
      JSON.parse(readFileSync('data/geojson/sites.geojson', 'utf8')) as {
        features: {
          id: string;
          properties: { evidence: { zh: string; en: string; dataset?: string; feature?: string }[] };
        }[];
      }
    ).features.find((x) =>
      x.properties.evidence.some((e) => e.dataset?.endsWith('metro-stations.geojson') && e.feature),
    )!;
    const ev = f.properties.evidence.find((e) => e.feature)!;
    const t = await openPage(browser);
    await gotoReady(t, `#/?sel=${f.id}`);
    const item = t.page.getByTestId('feature-evidence').first();
    expect(await item.textContent()).toContain(ev.zh);
    const zhData = await t.page.getByTestId('feature-evidence-data').first().textContent();
    expect(zhData).toContain('数据：地铁站');
    expect(zhData).toContain(`要素“${ev.feature}”`);
    // Nothing in the Chinese panel is the English prose, a file path or a method code.
    const panel = (await t.page.getByTestId('feature-panel').textContent())!;
    expect(panel).not.toContain('data/reference');
    expect(panel).not.toMatch(/named after|metro station,/);
    expect(await t.page.getByTestId('feature-method').textContent()).toMatch(/\p{Script=Han}/u);
    await shot(t.page, 'evidence-zh-desktop');
    await t.page.getByTestId('lang-toggle').click();
    expect(await t.page.getByTestId('feature-evidence').first().textContent()).toContain(ev.en);
    expect(await t.page.getByTestId('feature-evidence-data').first().textContent()).toContain('Data: metro stations');
    expectClean(t.problems);
    await t.context.close();
  });

  test('zoom to a plan area frames it; colouring by theme changes the paint and the legend', async () => {
    const t = await openPage(browser);
    await gotoReady(t);
    await t.page.getByTestId('area-zoom').selectOption({ label: '金钟街道' });
    await mapIdle(t.page);
    const inView = await t.page.evaluate(() => {
      const b = window.planAtlas.map!.getBounds();
      // 金钟街道 is known only roughly (a point ±1.5 km): the view frames that whole circle.
      return b.contains([117.2615, 39.2093]) && b.getEast() - b.getWest() < 0.2;
    });
    expect(inView).toBe(true);
    await t.page.getByTestId('colour-theme').check();
    const paint = await t.page.evaluate(() =>
      JSON.stringify(window.planAtlas.map!.getPaintProperty('plan-zones-fill', 'fill-color')),
    );
    expect(paint).toContain('themes');
    expect(await t.page.getByTestId('legend').textContent()).toContain('文化旅游');
    expect((await hashParams(t.page)).colour).toBe('theme');
    expectClean(t.problems);
    await t.context.close();
  });

  test('export: GeoJSON and CSV of what is filtered, with citations; PNG of the view', async () => {
    const t = await openPage(browser);
    await gotoReady(t, `#/?plans=${HEPING}`);
    await t.page.getByTestId('export').locator('summary').click();
    const read = async (testId: string) => {
      const [d] = await Promise.all([t.page.waitForEvent('download'), t.page.getByTestId(testId).click()]);
      return { name: d.suggestedFilename(), body: readFileSync((await d.path())!) };
    };
    const gj = await read('export-geojson');
    expect(gj.name).toMatch(/\.geojson$/);
    const fc = JSON.parse(gj.body.toString('utf8')) as {
      features: { properties: { plans: string[]; sources: unknown[] } }[];
    };
    expect(fc.features.length).toBeGreaterThan(5);
    for (const f of fc.features) {
      expect(f.properties.plans).toContain(HEPING);
      expect(f.properties.sources.length).toBeGreaterThan(0);
    }
    const csv = (await read('export-csv')).body.toString('utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain('"citations"');
    expect(lines.length).toBe(fc.features.length + 1);
    expect(csv).toContain('五大道小洋楼历史文化体验区:');
    const png = (await read('export-png')).body;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
    // Report-ready: twice the screen's resolution (the map's CSS size × 2).
    const css = await t.page.evaluate(() => {
      const c = window.planAtlas.map!.getCanvas();
      return [c.clientWidth, c.clientHeight];
    });
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([css[0]! * 2, css[1]! * 2]);
    // Back to the screen's resolution afterwards.
    expect(await t.page.evaluate(() => window.planAtlas.map!.getPixelRatio())).toBe(1);
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, 'export-heping.png'), png);
    expectClean(t.problems);
    await t.context.close();
  });
});

describe('narrow screens and the map corners', () => {
  const rect = (t: { page: Page }, sel: string) =>
    t.page.evaluate((s) => {
      const r = document.querySelector(s)!.getBoundingClientRect();
      return { l: r.left, r: r.right, t: r.top, b: r.bottom };
    }, sel);
  const overlap = (a: { l: number; r: number; t: number; b: number }, b: typeof a) =>
    a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;

  test('at 320 px nothing overflows, the map tools clear the zoom buttons, and a panel leaves the tab bar', async () => {
    const t = await openPage(browser, {
      contextOptions: { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true },
    });
    await gotoReady(t, '#/?sel=wudadao-zone');
    await t.page.getByTestId('feature-panel').waitFor();
    expect(await t.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(overlap(await rect(t, '.tools'), await rect(t, '.maplibregl-ctrl-top-right'))).toBe(false);
    expect(overlap(await rect(t, '[data-testid=feature-panel]'), await rect(t, '[role=tablist]'))).toBe(false);
    await shot(t.page, 'narrow-320');
    await t.context.close();
  });

  test('on a desktop the attribution keeps clear of the scale bar and the legend', async () => {
    const t = await openPage(browser);
    await gotoReady(t);
    const attrib = await rect(t, '.maplibregl-ctrl-attrib');
    expect(overlap(attrib, await rect(t, '.maplibregl-ctrl-scale'))).toBe(false);
    expect(overlap(attrib, await rect(t, '[data-testid=legend]'))).toBe(false);
    await t.context.close();
  });
});

describe('print', () => {
  test('print gives the map as seen, its heading (title, filters, date), legend, scale bar and attribution', async () => {
    const t = await openPage(browser);
    await gotoReady(t, `#/?plans=${HEPING}`);
    await mapIdle(t.page);
    // What the browser does when printing: beforeprint, then print media.
    await t.page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await t.page.emulateMedia({ media: 'print' });
    const state = await t.page.evaluate(() => {
      const img = document.querySelector<HTMLImageElement>('.print-snapshot')!;
      const box = document.querySelector('.mapbox')!.getBoundingClientRect();
      const vis = (s: string) => {
        const e = document.querySelector(s);
        return !!e && getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0;
      };
      return {
        snapshot: img.src.startsWith('data:image/png') && img.src.length > 50_000,
        mapHeight: box.height,
        head: document.querySelector('[data-testid=print-head]')!.textContent,
        legendOpen: document.querySelector('details.legend')!.hasAttribute('open'),
        scale: vis('.maplibregl-ctrl-scale'),
        attribution: vis('.maplibregl-ctrl-attrib-inner'),
        explore: vis('[data-testid=explore]'),
      };
    });
    expect(state.snapshot).toBe(true);
    expect(state.mapHeight).toBeGreaterThan(400);
    expect(state.head).toContain('和平区“十三五”规划纲要');
    expect(state.head).toMatch(/导出于 \d{4}-\d{2}-\d{2}/);
    expect(state.legendOpen).toBe(true);
    expect(state.scale).toBe(true);
    expect(state.attribution).toBe(true);
    expect(state.explore).toBe(false);
    await shot(t.page, 'print-media');
    // Chromium's own PDF output holds the map's image (a blank map would be a few kB).
    const pdf = await t.page.pdf({ format: 'A4', landscape: true, printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    // Rendered to pixels as a reader sees it: one page, the map filling most of it (the basemap's
    // many colours, not a blank area), and the words of the heading, legend, scale and attribution.
    const look = lookAtPdf(pdf, { png: join(SHOTS, 'print-pdf-page1.png') });
    expect(look.pages).toBe(1);
    expect(look.first.width).toBeGreaterThan(look.first.height);
    const map = inkIn(look.first, [0.1, 0.2, 0.9, 0.8]);
    expect(map.ink).toBeGreaterThan(0.6);
    expect(map.colours).toBeGreaterThan(40);
    const text = look.text.replace(/\s+/g, '');
    expect(text).toContain('和平区“十三五”规划纲要');
    expect(text).toMatch(/导出于\d{4}-\d{2}-\d{2}/);
    expect(text).toContain('图例');
    // The legend lists what is shown: the one plan filtered to, not the others.
    expect(text).not.toContain('河北区“十四五”');
    expect(text).toContain('OpenStreetMap');
    expect(text).toMatch(/\d+(米|m|km|公里)/);
    await t.page.emulateMedia({ media: 'screen' });
    await t.page.evaluate(() => dispatchEvent(new Event('afterprint')));
    expect(await t.page.evaluate(() => document.querySelector('.print-snapshot')!.hasAttribute('src'))).toBe(false);
    await t.context.close();
  });
});
