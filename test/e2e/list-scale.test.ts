/**
 * The place list at scale: it draws only the rows in sight, however many places it holds, and
 * still scrolls to the last one, sorts, works from the keyboard and follows the map.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectClean, gotoReady, launch, mapIdle, openPage, shot } from './harness.ts';
import { multiplyIndex, readIndex, serveCopies } from './copies.ts';
import type { Point } from 'geojson';
import { listSize } from './list.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const rows = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid=place-list] li')].map((li) => ({
      at: Number(li.getAttribute('aria-posinset')),
      id: li.querySelector('[data-testid=list-item]')!.getAttribute('data-id')!,
      d: li.querySelector('.d')?.textContent ?? null,
    })),
  );

/** Whether the row of a place is drawn and wholly inside the list's box. */
const rowInSight = (page: Page, id: string) =>
  page.evaluate((id) => {
    const box = document.querySelector('[data-testid=list-scroll]')!.getBoundingClientRect();
    const row = document.querySelector(`[data-testid=list-item][data-id="${id}"]`)?.getBoundingClientRect();
    return !!row && row.top >= box.top - 1 && row.bottom <= box.bottom + 1;
  }, id);

const focusedRow = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') === 'list-item'
      ? Number(el.closest('li')!.getAttribute('aria-posinset'))
      : null;
  });

/** Metres from a row's distance text (米 / 公里). */
const metres = (d: string) => Number(d.replace(/[^\d.]/g, '')) * (d.includes('公里') ? 1000 : 1) || 0;

describe('the place list at 100× the corpus', () => {
  for (const viewport of ['desktop', 'phone'] as const)
    test(`draws far fewer rows than places, scrolls to the last place and sorts (${viewport})`, async () => {
      const t = await openPage(browser, { viewport });
      const places = await serveCopies(t.context, 100);
      await gotoReady(t, '#/?tab=list&v=117.3,39.1,10');
      await t.page.getByTestId('in-view-only').uncheck();
      await expect.poll(() => listSize(t.page)).toBe(places);
      expect(await t.page.getByTestId('tab-list').textContent()).toContain(String(places));
      // A screenful and a few rows either side, not tens of thousands.
      const drawn = await t.page.getByTestId('list-item').count();
      expect(drawn).toBeGreaterThan(3);
      expect(drawn).toBeLessThan(60);
      await shot(t.page, `list-100x-${viewport}`);

      // To the end: the last place is drawn, and still only a screenful.
      await t.page.evaluate(() => {
        const box = document.querySelector('[data-testid=list-scroll]')!;
        box.scrollTop = box.scrollHeight;
      });
      await expect.poll(async () => (await rows(t.page)).some((r) => r.at === places)).toBe(true);
      const end = await rows(t.page);
      expect(end.length).toBeLessThan(60);
      // Places not located come last.
      expect(
        await t.page
          .locator(`[data-testid=place-list] li[aria-posinset="${places}"] [data-testid=list-unlocated]`)
          .count(),
      ).toBe(1);
      await shot(t.page, `list-100x-end-${viewport}`);

      // By distance: nearest first, from the map centre. (A new order keeps the scroll position,
      // as the list always did: back to its top to read the nearest.)
      await t.page.getByTestId('sort-select').selectOption('distance');
      await t.page.getByTestId('list-scroll').evaluate((el) => (el.scrollTop = 0));
      await expect.poll(async () => (await rows(t.page)).some((r) => r.at === 1)).toBe(true);
      const first = (await rows(t.page)).filter((r) => r.d !== null).sort((a, b) => a.at - b.at);
      expect(first.length).toBeGreaterThan(3);
      const d = first.map((r) => metres(r.d!));
      expect([...d].sort((a, b) => a - b)).toEqual(d);

      // The map moved onto a site far from the first centre (a copy, north-west): every place is
      // measured anew, and that site is at the top, at 0 m (with the zones it is in), the rest in order.
      const site = multiplyIndex(readIndex(), 100).places.find(
        (p) => p.id.endsWith('-x57') && p.shape?.type === 'Point',
      )!;
      const [lng, lat] = (site.shape as Point).coordinates;
      await t.page.evaluate(([lng, lat]) => window.planAtlas.map!.jumpTo({ center: [lng!, lat!] }), [lng, lat]);
      await expect.poll(async () => (await rows(t.page)).some((r) => r.id === site.id)).toBe(true);
      const moved = (await rows(t.page)).filter((r) => r.d !== null).sort((a, b) => a.at - b.at);
      const dm = moved.map((r) => metres(r.d!));
      expect(dm[moved.findIndex((r) => r.id === site.id)]).toBe(0);
      expect([...dm].sort((a, b) => a - b)).toEqual(dm);
      await shot(t.page, `list-100x-moved-${viewport}`);
      expectClean(t.problems);
      await t.context.close();
    });

  test('the keyboard moves through all of it: arrows, Page Down, End, Home; Tab leaves the list', async () => {
    const t = await openPage(browser);
    const places = await serveCopies(t.context, 100);
    await gotoReady(t, '#/?tab=list&v=117.3,39.1,10');
    await t.page.getByTestId('in-view-only').uncheck();
    await expect.poll(() => listSize(t.page)).toBe(places);
    // One tab stop: the first row in sight.
    expect(await t.page.locator('[data-testid=list-item][tabindex="0"]').count()).toBe(1);
    await t.page.locator('[data-testid=list-item][tabindex="0"]').focus();
    expect(await focusedRow(t.page)).toBe(1);
    await t.page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedRow(t.page)).toBe(2);
    await t.page.keyboard.press('PageDown');
    await expect.poll(async () => ((await focusedRow(t.page)) ?? 0) > 4).toBe(true);
    await t.page.keyboard.press('End');
    await expect.poll(() => focusedRow(t.page)).toBe(places);
    const last = await t.page.evaluate(() => document.activeElement!.getAttribute('data-id')!);
    expect(await rowInSight(t.page, last)).toBe(true);
    await t.page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedRow(t.page)).toBe(places - 1);
    await t.page.keyboard.press('Home');
    await expect.poll(() => focusedRow(t.page)).toBe(1);
    // Enter opens the place; Escape brings focus back to its row.
    const id = await t.page.evaluate(() => document.activeElement!.getAttribute('data-id')!);
    await t.page.keyboard.press('Enter');
    await t.page.getByTestId('feature-panel').waitFor();
    expect((await t.page.evaluate(() => location.hash)).includes(`sel=${id}`)).toBe(true);
    await t.page.keyboard.press('Escape');
    await t.page.getByTestId('feature-panel').waitFor({ state: 'detached' });
    await t.page.waitForFunction((id) => document.activeElement?.getAttribute('data-id') === id, id);
    // Tab goes on past the list (to the export), not through its rows.
    await t.page.keyboard.press('Tab');
    expect(await focusedRow(t.page)).toBeNull();
    expectClean(t.problems);
    await t.context.close();
  });
});

describe('the list follows the map', () => {
  test('a place hovered, then clicked, on the map is scrolled into sight in the list and marked', async () => {
    const t = await openPage(browser);
    // 洋货市场, close up; with every place listed by name, its row (洋 sorts late) is far down.
    const [lng, lat] = (
      JSON.parse(readFileSync('data/geojson/sites.geojson', 'utf8')) as {
        features: { id: string; geometry: { coordinates: [number, number] } }[];
      }
    ).features.find((f) => f.id === 'yanghuoshichang')!.geometry.coordinates;
    await gotoReady(t, `#/?tab=list&v=${lng},${lat},15`);
    await t.page.getByTestId('in-view-only').uncheck();
    await t.page.getByTestId('list-item').first().waitFor();
    expect(await rowInSight(t.page, 'yanghuoshichang')).toBe(false);
    await mapIdle(t.page);
    const site = await t.page.evaluate(([x, y]) => window.planAtlas.map!.project([x!, y!]), [lng, lat]);
    const box = (await t.page.getByTestId('map').boundingBox())!;
    await t.page.mouse.move(box.x + site.x, box.y + site.y);
    await expect.poll(() => rowInSight(t.page, 'yanghuoshichang')).toBe(true);
    expect(await t.page.locator('[data-testid=list-item][data-id=yanghuoshichang]').getAttribute('class')).toContain(
      'hover',
    );
    await t.page.mouse.move(box.x + 5, box.y + box.height - 5);
    await t.page.locator('[data-testid=list-item]').first().hover();
    await t.page.locator('[data-testid=list-scroll]').evaluate((el) => (el.scrollTop = 0));
    await expect.poll(() => rowInSight(t.page, 'yanghuoshichang')).toBe(false);
    await t.page.mouse.click(box.x + site.x, box.y + site.y);
    await expect.poll(() => rowInSight(t.page, 'yanghuoshichang')).toBe(true);
    expect(await t.page.locator('[data-testid=list-item][data-id=yanghuoshichang]').getAttribute('aria-current')).toBe(
      'true',
    );
    await shot(t.page, 'list-follows-map');
    expectClean(t.problems);
    await t.context.close();
  });
});
