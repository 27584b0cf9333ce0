import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectClean, gotoReady, launch, openPage, shot } from './harness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Runs axe-core in the page; returns the serious and critical violations. */
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: Document,
          o: object,
        ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { testid: el?.dataset.testid ?? null, id: el?.id ?? null, tag: el?.tagName ?? null };
  });

async function tabUntil(
  page: Page,
  match: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  max = 60,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (match(await focused(page))) return;
  }
  throw new Error(`focus never reached the target after ${max} tabs (at ${JSON.stringify(await focused(page))})`);
}

describe('keyboard and accessibility', () => {
  test('keyboard only: filters, list and a feature panel are reachable; axe finds nothing serious', async () => {
    const t = await openPage(browser);
    await gotoReady(t);
    expect(await axe(t.page)).toEqual([]);

    await tabUntil(t.page, (f) => f.testid?.startsWith('filter-plans-') ?? false);
    const first = (await focused(t.page)).testid!;
    await t.page.keyboard.press('Space');
    await t.page.waitForFunction(() => location.hash.includes('plans='));
    expect(await t.page.getByTestId(first).isChecked()).toBe(true);
    await t.page.keyboard.press('Space');
    await t.page.waitForFunction(() => !location.hash.includes('plans='));

    // To the tabs, then the list with the arrow key.
    await t.page.keyboard.press('Shift+Tab');
    while ((await focused(t.page)).id !== 'tab-filters') await t.page.keyboard.press('Shift+Tab');
    await t.page.keyboard.press('ArrowRight');
    expect((await focused(t.page)).id).toBe('tab-list');
    await tabUntil(t.page, (f) => f.testid === 'list-item');
    const name = await t.page.evaluate(() => document.activeElement!.querySelector('.name')!.textContent);
    await t.page.keyboard.press('Enter');
    await t.page.getByTestId('feature-panel').waitFor();
    expect(await focused(t.page)).toMatchObject({ id: 'feature-name' });
    expect(await t.page.getByTestId('feature-name').textContent()).toBe(name);
    await shot(t.page, 'keyboard-feature-panel-desktop');
    expect(await axe(t.page)).toEqual([]);

    await t.page.keyboard.press('Escape');
    await t.page.getByTestId('feature-panel').waitFor({ state: 'detached' });
    // Focus goes back to the list row the place was chosen from, not to <body>.
    await t.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'list-item');
    expectClean(t.problems);
    await t.context.close();
  });

  test('skip links: the first tab stop goes to the map, and the filters can be skipped', async () => {
    const t = await openPage(browser);
    await gotoReady(t);
    await t.page.keyboard.press('Tab');
    expect((await focused(t.page)).testid).toBe('skip-map');
    expect(await t.page.getByTestId('skip-map').isVisible()).toBe(true);
    await t.page.keyboard.press('Enter');
    await t.page.waitForFunction(() => document.activeElement?.classList.contains('maplibregl-canvas'));
    await t.page.getByTestId('skip-filters').focus();
    await t.page.keyboard.press('Enter');
    await t.page.waitForFunction(() => document.activeElement?.classList.contains('maplibregl-canvas'));
    await t.context.close();
  });

  test('search suggestions are a combobox: arrow keys move, Enter takes the highlighted one, Escape closes', async () => {
    const t = await openPage(browser);
    await gotoReady(t);
    const input = t.page.getByTestId('search-input');
    await input.fill('道');
    await t.page.getByTestId('search-suggestions').waitFor();
    expect(await input.getAttribute('role')).toBe('combobox');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await t.page.keyboard.press('ArrowDown');
    await t.page.keyboard.press('ArrowDown');
    const activeId = await input.getAttribute('aria-activedescendant');
    expect(activeId).toBe('q-opt-1');
    const second = await t.page.locator('#q-opt-1 .name').textContent();
    expect(await t.page.locator('#q-opt-1').getAttribute('aria-selected')).toBe('true');
    expect(await axe(t.page)).toEqual([]);
    await t.page.keyboard.press('Enter');
    await t.page.getByTestId('feature-panel').waitFor();
    expect(await t.page.getByTestId('feature-name').textContent()).toBe(second);
    // Escape closes the panel and focus returns to the search box.
    await t.page.keyboard.press('Escape');
    await t.page.getByTestId('feature-panel').waitFor({ state: 'detached' });
    await t.page.waitForFunction(() => document.activeElement?.id === 'q');
    await input.fill('意风');
    await t.page.getByTestId('search-suggestions').waitFor();
    await t.page.keyboard.press('Escape');
    await t.page.getByTestId('search-suggestions').waitFor({ state: 'detached' });
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    await t.context.close();
  });

  test('the reader takes focus when it opens, and Escape closes it', async () => {
    const t = await openPage(browser);
    await gotoReady(t, '#/?lang=en');
    await t.page.getByTestId('plans-menu').click();
    await t.page.getByTestId('plan-link').first().click();
    await t.page.getByTestId('reader-title').waitFor();
    await t.page.waitForFunction(() =>
      document.querySelector('[data-testid=reader]')!.contains(document.activeElement),
    );
    await t.page.keyboard.press('Escape');
    await t.page.getByTestId('reader').waitFor({ state: 'detached' });
    // Back on the map, with the link's parameters kept.
    expect(await t.page.evaluate(() => location.hash)).toContain('lang=en');
    await t.context.close();
  });

  test('axe finds nothing serious in the reader, search results and the phone layout', async () => {
    const t = await openPage(browser, { viewport: 'phone' });
    await gotoReady(t, '#/plan/heping-2016-fyp/ch3.p6.s1?q=五大道');
    await t.page.getByTestId('reader-text').waitFor();
    expect(await axe(t.page)).toEqual([]);
    await gotoReady(t, '#/?tab=list');
    expect(await axe(t.page)).toEqual([]);
    await shot(t.page, 'explore-list-phone');
    await gotoReady(t, '#/search?q=意风区');
    await t.page.getByTestId('search-hit').first().waitFor();
    expect(await axe(t.page)).toEqual([]);
    expectClean(t.problems);
    await t.context.close();
  });
});
