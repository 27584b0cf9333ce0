/**
 * Reading the place list, which draws only the rows in sight: its length (each row says it, for
 * screen readers) and every place in it, in order, gathered by scrolling it from top to bottom.
 */
import type { Page } from 'playwright-core';

/** How many places the list holds (aria-setsize of its rows; 0 when it shows none). */
export const listSize = (page: Page): Promise<number> =>
  page.evaluate(() => Number(document.querySelector('[data-testid=place-list] li')?.getAttribute('aria-setsize') ?? 0));

/** Every place id in the list, in its order, read by scrolling through it a screenful at a time. */
export async function listedIds(page: Page): Promise<string[]> {
  const ids: string[] = [];
  await page.evaluate(() => (document.querySelector('[data-testid=list-scroll]')!.scrollTop = 0));
  for (;;) {
    // Two frames: the scroll, then the rows drawn for it.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const step = await page.evaluate(() => {
      const box = document.querySelector<HTMLElement>('[data-testid=list-scroll]')!;
      const rows = [...box.querySelectorAll<HTMLElement>('li')].map((li) => ({
        at: Number(li.getAttribute('aria-posinset')) - 1,
        id: li.querySelector('[data-testid=list-item]')!.getAttribute('data-id')!,
      }));
      const end = box.scrollTop + box.clientHeight >= box.scrollHeight - 1;
      box.scrollTop += box.clientHeight;
      return { rows, end };
    });
    for (const r of step.rows) ids[r.at] = r.id;
    if (step.end) return ids;
  }
}

/** Scrolls the list a screenful at a time from its top until the row of `id` is drawn; false if it never is. */
export async function scrollToRow(page: Page, id: string): Promise<boolean> {
  await page.evaluate(() => (document.querySelector('[data-testid=list-scroll]')!.scrollTop = 0));
  for (;;) {
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const step = await page.evaluate((id) => {
      const box = document.querySelector<HTMLElement>('[data-testid=list-scroll]')!;
      const row = box.querySelector<HTMLElement>(`[data-testid=list-item][data-id="${CSS.escape(id)}"]`);
      if (row) {
        row.scrollIntoView({ block: 'nearest' });
        return 'found';
      }
      const end = box.scrollTop + box.clientHeight >= box.scrollHeight - 1;
      box.scrollTop += box.clientHeight;
      return end ? 'end' : 'more';
    }, id);
    if (step !== 'more') return step === 'found';
  }
}
