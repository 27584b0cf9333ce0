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
    expectClean(t.problems);
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
