import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectClean, gotoReady, launch, openPage, shot, type VIEWPORTS } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['desktop', 'phone'] as (keyof typeof VIEWPORTS)[])('the built app at %s size', (viewport) => {
  test('renders the map with its data, no external request and no console error', async () => {
    const t = await openPage(browser, { viewport });
    await gotoReady(t);
    const state = await t.page.evaluate(() => {
      const map = window.planAtlas.map!;
      const districts = map.querySourceFeatures('ref-districts');
      const rendered = map.queryRenderedFeatures({ layers: ['districts-fill'] });
      return {
        loaded: map.loaded(),
        version: window.planAtlas.version,
        districtNames: [...new Set(districts.map((f) => f.properties.name as string))].sort(),
        renderedCount: rendered.length,
        title: document.title,
        favicon: document.querySelector('link[rel=icon]')?.getAttribute('href'),
      };
    });
    expect(state.loaded).toBe(true);
    expect(state.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(state.districtNames).toEqual(expect.arrayContaining(['和平区', '河北区', '东丽区', '滨海新区']));
    expect(state.renderedCount).toBeGreaterThan(0);
    expect(state.title).toContain('规划图谱');
    expect(state.favicon).toBeTruthy();
    await shot(t.page, `smoke-${viewport}`);
    expectClean(t.problems);
    await t.context.close();
  });
});
