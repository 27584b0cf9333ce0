/**
 * The list and search at scale: every plan feature, the places not located included, copied 10× and
 * 100× (shifted copies with their own names, made by the pipeline's output stage and built into
 * the app: scale-build.ts, the corpora of scale.ts). For each scale, in one browser: opening the
 * list, changing its sort, moving the map while it is sorted by distance (every place measured
 * from the new centre), scrolling it, a filter change until the list and the map are updated, and
 * a search keystroke until the suggestions are updated. Medians; the budgets are judged at 100×,
 * and the growth from 10× to 100× is printed as a ratio measured in the same run.
 *
 * Each change is timed to the page updated and laid out (a forced layout after the DOM change:
 * the app's work), which the budgets apply to, and also to the next frame drawn. Drawing is the
 * machine's: Chromium here composites in software, over a WebGL map, so a frame after even a
 * one-row change (a class set on a row, timed as the reference) takes tens of milliseconds whatever the
 * list holds. A scroll is timed to the frame it is drawn in (the browser scrolls at a frame).
 */
import type { Page } from 'playwright-core';
import { fmt, launchBrowser, median, openWholeList, serve, type Line } from './lib.ts';
import { buildScaled } from './scale-build.ts';

const SCALES = [10, 100] as const;
const RUNS = Number(process.env.BENCH_RUNS ?? 10);

/** Milliseconds to the page laid out, and to the next frame drawn. */
interface Timed {
  laid: number[];
  drawn: number[];
  /** Of `laid`, the time inside MapLibre's setFeatureState and setFilter (filter changes). */
  map?: number[];
}

interface Scale {
  places: number;
  open: Timed;
  sort: Timed;
  /** Sorted by distance, the map moved to a new centre: every place measured anew, then sorted. */
  moved: Timed;
  scroll: number[];
  /** Scroll positions where the list showed no row in the middle of its box after the frame. */
  blank: number;
  filterPanel: Timed;
  filterList: Timed;
  search: Timed;
  /** A class set on one row: the frame after a minimal change (the drawing reference). */
  hover: Timed;
}

/**
 * Helpers defined in the page: `__time(change, done)` runs `change`, waits until `done()` (checked
 * after each microtask and task), then times a forced layout and the next frame.
 */
const HELPERS = `
window.__frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
window.__time = async (change, done) => {
  await window.__frame();
  await window.__frame();
  const t0 = performance.now();
  await change();
  while (!done()) {
    if (performance.now() - t0 > 20000) throw new Error('the change never showed: ' + change);
    await new Promise((ok) => setTimeout(ok));
  }
  void document.body.getBoundingClientRect();
  const laid = performance.now() - t0;
  await window.__frame();
  return { laid, drawn: performance.now() - t0 };
};`;

declare global {
  interface Window {
    __frame: () => Promise<void>;
    __time: (change: () => unknown, done: () => boolean) => Promise<{ laid: number; drawn: number }>;
  }
}

const collect = (xs: { laid: number; drawn: number; map?: number }[]): Timed => ({
  laid: xs.map((x) => x.laid),
  drawn: xs.map((x) => x.drawn),
  ...(xs[0]?.map === undefined ? {} : { map: xs.map((x) => x.map!) }),
});

async function measure(page: Page, runs: number): Promise<Omit<Scale, 'places'>> {
  const $ = (id: string) => `[data-testid="${id}"]`;

  // Open: from the filters tab until the list shows its rows.
  const open = await page.evaluate(
    async ([n, $f, $l, $row]) => {
      const out = [];
      for (let i = 0; i < n; i++) {
        document.querySelector<HTMLElement>($f)!.click();
        out.push(
          await window.__time(
            () => document.querySelector<HTMLElement>($l)!.click(),
            () => !!document.querySelector($row),
          ),
        );
      }
      return out;
    },
    [runs, $('tab-filters'), $('tab-list'), $('list-item')] as const,
  );

  // Sort: name → plan → distance → name …, until the first row is another place.
  const sort = await page.evaluate(
    async ([n, $s, $row]) => {
      const out = [];
      const select = document.querySelector<HTMLSelectElement>($s)!;
      const first = () => document.querySelector($row)?.getAttribute('data-id');
      const keys = ['plan', 'distance', 'name'];
      for (let i = 0; i < n; i++) {
        const before = first();
        out.push(
          await window.__time(
            () => {
              select.value = keys[i % keys.length]!;
              select.dispatchEvent(new Event('change', { bubbles: true }));
            },
            () => first() !== before,
          ),
        );
      }
      select.value = 'name';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return out;
    },
    [runs, $('sort-select'), $('list-item')] as const,
  );

  // Sorted by distance, the map moved: the list is measured from the new centre (no distance known
  // yet), until its first rows show the new order. Centres spread over the copies (west and north).
  const moved = await page.evaluate(
    async ([n, $s, $row]) => {
      const select = document.querySelector<HTMLSelectElement>($s)!;
      select.value = 'distance';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const map = window.planAtlas.map!;
      const top = () =>
        [...document.querySelectorAll($row)]
          .slice(0, 3)
          .map((r) => r.textContent)
          .join('|');
      const out = [];
      for (let i = 0; i < n; i++) {
        const before = top();
        const centre: [number, number] = [117.05 + ((i * 0.618034) % 1) * 0.2, 39.08 + ((i * 0.381966) % 1) * 0.12];
        out.push(
          await window.__time(
            () => map.jumpTo({ center: centre }),
            () => top() !== before,
          ),
        );
      }
      select.value = 'name';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return out;
    },
    [runs, $('sort-select'), $('list-item')] as const,
  );

  // The reference for drawing: one row's look changes (a class set on it, the app not involved).
  const hover = await page.evaluate(
    async ([n, $row]) => {
      const out = [];
      for (let i = 0; i < n; i++) {
        const row = document.querySelectorAll($row)[i % 3]!;
        out.push(
          await window.__time(
            () => row.classList.add('hover'),
            () => true,
          ),
        );
        row.classList.remove('hover');
      }
      return out;
    },
    [runs, $('list-item')] as const,
  );

  // Scroll: jumps to positions spread over the whole list (a scrollbar drag), each to the frame it
  // is drawn in; a jump whose frame shows no row in the middle of the list's box is counted blank.
  const scrolled = await page.evaluate(
    async ([n, $row]) => {
      const out: number[] = [];
      let blank = 0;
      // The element that scrolls the list: the nearest ancestor that can scroll.
      let box: HTMLElement | null = document.querySelector($row)!.parentElement;
      while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY)))
        box = box.parentElement;
      if (!box) throw new Error('the list does not scroll');
      for (let i = 0; i < n; i++) {
        await window.__frame();
        const at = ((i * 0.618034) % 1) * (box.scrollHeight - box.clientHeight);
        const t0 = performance.now();
        box.scrollTop = at;
        // Scroll events are dispatched at the frame, before its animation callbacks.
        await new Promise((ok) => requestAnimationFrame(ok));
        void document.body.getBoundingClientRect();
        out.push(performance.now() - t0);
        const r = box.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!hit?.closest($row)) blank++;
      }
      box.scrollTop = 0;
      return { out, blank };
    },
    [runs * 2, $('list-item')] as const,
  );

  // Filter, from the filters tab (a checkbox) until its counts and the map are updated, and with the
  // list open (the filter arriving by link: back/forward, a host page) until the list and the map
  // are. The map is updated when a site of another plan carries the feature state that hides it
  // (bench/interaction.ts times the drawing of the map).
  const filterOn = (open: 'filters' | 'list') =>
    page.evaluate(
      async ([n, open, $box, $count, $row]) => {
        const map = window.planAtlas.map!;
        const other = map
          .querySourceFeatures('plan', { sourceLayer: 'sites' })
          .find((f) => !String(f.properties.plans).includes('heping'))!;
        const ref = { source: 'plan', sourceLayer: 'sites', id: other.id! };
        // Time spent inside MapLibre's own calls that hide and show features and labels.
        let inMap = 0;
        const m = map as unknown as Record<string, (...a: unknown[]) => unknown>;
        for (const name of ['setFeatureState', 'setFilter']) {
          const f = m[name]!.bind(map);
          m[name] = (...a: unknown[]) => {
            const t = performance.now();
            try {
              return f(...a);
            } finally {
              inMap += performance.now() - t;
            }
          };
        }
        const out = [];
        for (let i = 0; i < n; i++) {
          const hide = !map.getFeatureState(ref).hidden;
          const shown = () =>
            open === 'filters'
              ? document.querySelector($count)!.textContent
              : // The list's length (each row says it to screen readers), and the rows drawn.
                `${document.querySelector('li[aria-setsize]')?.getAttribute('aria-setsize')} ${[
                  ...document.querySelectorAll($row),
                ]
                  .map((r) => r.getAttribute('data-id'))
                  .join()}`;
          const before = shown();
          inMap = 0;
          const timed = await window.__time(
            () => {
              if (open === 'filters') return document.querySelector<HTMLInputElement>($box)!.click();
              const [path, query] = location.hash.split('?');
              const q = new URLSearchParams(query);
              if (hide) q.set('plans', 'heping-2016-fyp');
              else q.delete('plans');
              location.hash = `${path}?${q}`;
            },
            () => shown() !== before && map.getFeatureState(ref).hidden === hide,
          );
          out.push({ ...timed, map: inMap });
        }
        // (The methods are the prototype's: the wrappers were own properties.)
        for (const name of ['setFeatureState', 'setFilter']) delete m[name];
        return out;
      },
      [runs * 2, open, $('filter-plans-heping-2016-fyp'), $('shown-count'), $('list-item')] as const,
    );
  await page.getByTestId('tab-filters').click();
  const filterPanel = await filterOn('filters');
  if (await page.getByTestId('filter-plans-heping-2016-fyp').isChecked())
    await page.getByTestId('filter-plans-heping-2016-fyp').uncheck();
  await page.getByTestId('tab-list').click();
  await page.getByTestId('list-item').first().waitFor();
  const filterList = await filterOn('list');

  // Search: one keystroke (an input event) until the suggestions show its result. The pinyin is
  // worked out first (the first Latin query starts that).
  await page.getByTestId('search-input').fill('yfq');
  await page.getByTestId('place-hit').first().waitFor();
  await page.waitForTimeout(5000);
  const search = await page.evaluate(
    async ([n, $in, $hit]) => {
      const input = document.querySelector<HTMLInputElement>($in)!;
      const queries = ['意', '意风', '洋', '洋货', 'y', 'yf', 'yfq', 'wdd', '五大', '金钟', '道', 'dao'];
      const first = () => document.querySelector(`${$hit} .name`)?.textContent ?? '';
      const out = [];
      for (let i = 0; i < n; i++) {
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        out.push(
          await window.__time(
            () => {
              input.value = queries[i % queries.length]!;
              input.dispatchEvent(new Event('input', { bubbles: true }));
            },
            () => !!first(),
          ),
        );
      }
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return out;
    },
    [runs * 2, $('search-input'), $('place-hit')] as const,
  );
  return {
    open: collect(open),
    sort: collect(sort),
    moved: collect(moved),
    hover: collect(hover),
    scroll: scrolled.out,
    blank: scrolled.blank,
    filterPanel: collect(filterPanel),
    filterList: collect(filterList),
    search: collect(search),
  };
}

export async function benchList(): Promise<Line[]> {
  const browser = await launchBrowser();
  const at: Partial<Record<(typeof SCALES)[number], Scale>> = {};
  try {
    for (const times of SCALES) {
      const built = buildScaled(times, 'app');
      const app = await serve(built.app);
      const places = built.places;
      const { ctx, page, listed } = await openWholeList(browser, app.url, [HELPERS]);
      // Every copy was loaded (a file that fails the data check would be left out, and said so).
      if (listed !== places) throw new Error(`×${times}: the list has ${listed} places, not ${places}`);
      const m = await measure(page, RUNS);
      at[times] = { places, ...m };
      const ms = (xs: number[]) => xs.map((x) => fmt(x, 0)).join(' ');
      const both = (t: Timed) => `${ms(t.laid)} (${t.map ? `in MapLibre ${ms(t.map)}; ` : ''}drawn ${ms(t.drawn)})`;
      console.log(
        `list ×${times} (${places} places), laid out (drawn) ms: open ${both(m.open)}; sort ${both(m.sort)}; map moved, by distance ${both(m.moved)}; hover ${both(m.hover)}; scroll ${ms(m.scroll)} (${m.blank} blank); filter (panel) ${both(m.filterPanel)}; filter (list open) ${both(m.filterList)}; search ${both(m.search)}`,
      );
      await ctx.close();
      await app.close();
    }
  } finally {
    await browser.close();
  }
  const small = at[10]!;
  const large = at[100]!;
  type Key = 'open' | 'sort' | 'moved' | 'filterPanel' | 'filterList' | 'search';
  const inMap = (key: Key) => {
    const [a, b] = [small[key].map, large[key].map];
    return a && b ? `, of which in MapLibre's calls ${fmt(median(a))} / ${fmt(median(b))} ms` : '';
  };
  const line = (what: string, key: Key, budget: number): Line => {
    const a = median(small[key].laid);
    const b = median(large[key].laid);
    return {
      what: `${what}, ×10 / ×100 (${small.places} / ${large.places} places)`,
      value: `${fmt(a)} / ${fmt(b)} ms (×100 is ${fmt(b / a, 2)}× ×10)${inMap(key)}; drawn ${fmt(median(small[key].drawn), 0)} / ${fmt(median(large[key].drawn), 0)} ms`,
      budget: `< ${budget} ms`,
      ok: b < budget,
    };
  };
  const scroll = [median(small.scroll), median(large.scroll)] as const;
  return [
    line('list opened', 'open', 100),
    line('list sorted (name, plan, distance)', 'sort', 100),
    line('map moved, list sorted by distance from the new centre', 'moved', 100),
    {
      what: `list scrolled (a jump, to its frame), ×10 / ×100; rows missing after the frame`,
      value: `${fmt(scroll[0])} / ${fmt(scroll[1])} ms (×100 is ${fmt(scroll[1] / scroll[0], 2)}× ×10); blank ${small.blank} / ${large.blank} of ${small.scroll.length}`,
      budget: '< 100 ms, none blank',
      ok: scroll[1] < 100 && small.blank + large.blank === 0,
    },
    line('filter (checkbox) → counts and map updated', 'filterPanel', 50),
    line('filter (by link, list open) → list and map updated', 'filterList', 50),
    line('search keystroke → suggestions', 'search', 50),
    {
      what: 'reference: a class set on one row, laid out / drawn, ×10 / ×100',
      value: `${fmt(median(small.hover.laid))} / ${fmt(median(large.hover.laid))} ms; drawn ${fmt(median(small.hover.drawn), 0)} / ${fmt(median(large.hover.drawn), 0)} ms`,
      budget: 'reference',
      ok: true,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { table } = await import('./lib.ts');
  console.log(table(await benchList()));
}
