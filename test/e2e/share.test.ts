import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { gotoReady, launch, mapIdle, openPage, shot } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('sharing and links that keep their state', () => {
  test('the share button copies the link of the view as it is', async () => {
    const t = await openPage(browser, {
      contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
    });
    await gotoReady(t, '#/?plans=heping-2016-fyp&sel=wudadao-zone&lang=en');
    await t.page.getByTestId('share').click();
    await t.page.getByText('Link copied').waitFor();
    const copied = await t.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await t.page.evaluate(() => location.href));
    expect(copied).toMatch(/plans=heping-2016-fyp/);
    expect(copied).toMatch(/sel=wudadao-zone/);
    expect(copied).toMatch(/lang=en/);
    await shot(t.page, 'share-copied');
    await t.context.close();
  });

  test('without clipboard access the link is shown, selected, to copy by hand', async () => {
    const t = await openPage(browser);
    await gotoReady(t, '#/?plans=hebei-2022-fyp');
    await t.page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new Error('denied')) },
      });
    });
    await t.page.getByTestId('share').click();
    const field = t.page.getByTestId('share-link');
    await field.waitFor();
    expect(await field.inputValue()).toBe(await t.page.evaluate(() => location.href));
    await t.context.close();
  });

  test('clicking a sentence in the reader keeps the language and the filters in the link', async () => {
    const t = await openPage(browser);
    await gotoReady(t, '#/plan/heping-2016-fyp?lang=en&plans=heping-2016-fyp');
    await t.page.getByTestId('reader').waitFor();
    await t.page.locator('[data-testid=reader-text] .s[data-anchor]').nth(5).click();
    await t.page.waitForFunction(() => /#\/plan\/heping-2016-fyp\/[^?]+/.test(location.hash));
    const hash = await t.page.evaluate(() => location.hash);
    expect(hash).toContain('lang=en');
    expect(hash).toContain('plans=heping-2016-fyp');
    await t.context.close();
  });

  test('"zoom to the filtered places" frames what the filters show', async () => {
    const t = await openPage(browser);
    await gotoReady(t, '#/?plans=hebei-2022-fyp&v=117.6,39.0,12');
    await t.page.getByTestId('area-zoom').selectOption('filtered');
    await t.page.waitForFunction(() => !window.planAtlas.map!.isMoving());
    await mapIdle(t.page);
    const view = await t.page.evaluate(() => {
      const b = window.planAtlas.map!.getBounds();
      return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    });
    // 河北区 lies inside the new view, which is no longer over 滨海新区.
    expect(view[0]).toBeLessThan(117.19);
    expect(view[2]).toBeGreaterThan(117.22);
    expect(view[2]).toBeLessThan(117.6);
    await t.context.close();
  });

  test('a shared near-me link without a view opens on its circle', async () => {
    const t = await openPage(browser);
    await gotoReady(t, '#/?tab=near&near=117.19137,39.11759');
    await t.page.waitForFunction(() => !window.planAtlas.map!.isMoving());
    const z = await t.page.evaluate(() => window.planAtlas.map!.getZoom());
    expect(z).toBeGreaterThan(12);
    await t.context.close();
  });
});
