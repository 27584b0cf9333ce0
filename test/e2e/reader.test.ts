import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectClean, gotoReady, launch, openPage, shot } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('plan reader', () => {
  test('a deep link opens the plan at the sentence, visible and highlighted, with the quote marked', async () => {
    const t = await openPage(browser);
    // 和平区 ch3: the 五大道 zone's boundary sentence.
    await gotoReady(t, '#/plan/heping-2016-fyp/ch3.p7.s1?q=马场道');
    const target = t.page.locator('[data-testid=reader-text] .s.target');
    await target.waitFor();
    expect(await target.getAttribute('data-anchor')).toBe('ch3.p7.s1');
    expect(await target.textContent()).toContain('以马场道、西康路、贵州路、岳阳道、西安道、成都道');
    expect(await target.locator('mark').allTextContents()).toEqual(['马场道']);
    expect(await target.isVisible()).toBe(true);
    const inView = await target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    await shot(t.page, 'reader-deeplink-desktop');
    expectClean(t.problems);
    await t.context.close();
  });

  test('chrome is hidden, copy citation gives title, section path and sentence', async () => {
    const t = await openPage(browser, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
    await gotoReady(t, '#/plan/heping-2016-fyp/ch3.p7.s1');
    const text = await t.page.locator('[data-testid=reader-text]').textContent();
    expect(text).not.toContain('(下转第20版)');
    expect(text).not.toContain('区县招商');
    await t.page.getByTestId('copy-citation').click();
    const citation = await t.page.getByTestId('citation-text').textContent();
    expect(citation).toContain('《天津和平区“十三五”规划纲要全文》');
    expect(citation).toContain('第三章 完善优化功能布局 › 二、着力构筑“六区联动”格局');
    expect(citation).toContain('规划范围:以马场道、西康路');
    expect(citation).toContain('#/plan/heping-2016-fyp/ch3.p7.s1');
    expectClean(t.problems);
    await t.context.close();
  });

  test('the table of contents navigates', async () => {
    const t = await openPage(browser, { viewport: 'phone', isMobile: true });
    await gotoReady(t, '#/plan/hebei-2022-fyp');
    await t.page
      .getByTestId('reader-toc')
      .getByRole('link', { name: /第五章/ })
      .click();
    // The hash keeps the app state (e.g. the map view) after the route.
    await t.page.waitForFunction(() => /^#\/plan\/hebei-2022-fyp\/ch5(\?|$)/.test(location.hash));
    const h = t.page.locator('[data-anchor="ch5"].target');
    await h.waitFor();
    expect(await h.textContent()).toContain('第五章');
    expect(await h.isVisible()).toBe(true);
    await shot(t.page, 'reader-toc-phone');
    expectClean(t.problems);
    await t.context.close();
  });

  test('search finds 洋货市场 in both 杭州道 plans and opens the reader at the hit', async () => {
    const t = await openPage(browser);
    await gotoReady(t);
    await t.page.getByTestId('search-input').fill('洋货市场');
    await t.page.getByTestId('search-text').click();
    await t.page.getByTestId('search-hit').first().waitFor();
    const plans = await t.page
      .getByTestId('search-hit')
      .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-plan')))]);
    expect(plans).toEqual(expect.arrayContaining(['hangzhoudao-2021-fyp', 'hangzhoudao-2023-action']));
    expect(await t.page.getByTestId('search-hit').first().locator('mark').textContent()).toBe('洋货市场');
    await shot(t.page, 'search-desktop');
    const hit = t.page.locator('[data-testid=search-hit][data-plan=hangzhoudao-2023-action]').first();
    const anchor = await hit.getAttribute('data-anchor');
    await hit.click();
    const target = t.page.locator(`[data-testid=reader-text] [data-anchor="${anchor}"].target`);
    await target.waitFor();
    expect(await target.locator('mark').first().textContent()).toBe('洋货市场');
    expect(await t.page.getByTestId('reader-title').textContent()).toBe('杭州道街道高质量发展行动方案');
    expectClean(t.problems);
    await t.context.close();
  });

  test('an unknown plan shows a readable error, not a blank page', async () => {
    const t = await openPage(browser);
    await gotoReady(t, '#/plan/no-such-plan');
    await t.page.getByTestId('reader-error').waitFor();
    expect(await t.page.getByTestId('reader-error').textContent()).toContain('no-such-plan');
    expectClean(t.problems);
    await t.context.close();
  });
});
