/**
 * Interaction latency at 10× the real feature count (shifted copies of every feature, made by the
 * pipeline's output stage and built into the app: bench/scale-build.ts): a filter change until the
 * list and the map are updated, and a search keystroke until the suggestions are updated. Median of
 * 20 each, measured in the page.
 */
import { fmt, launchBrowser, median, openWholeList, serve, type Line } from './lib.ts';
import { buildScaled } from './scale-build.ts';

export async function benchInteraction(times = 10, runs = 20): Promise<Line[]> {
  const app = await serve(buildScaled(times, 'app').app);
  const browser = await launchBrowser();
  try {
    const { page, listed: count } = await openWholeList(browser, app.url);

    // Filter: toggle a plan, at the overview and at a city view where plan labels are laid out.
    // Measured to the list (its count) being updated; to the map being updated (features and labels
    // of the other plans hidden by feature state, shown at the next frame); to the label sources in
    // use laid out again (labels repacked into the room hidden ones left); and to the next idle map
    // (drawn). Drawing in this software-rendered Chromium is compared with a redraw of the same view
    // with no change.
    await page.getByTestId('tab-filters').click();
    const measureFilter = () =>
      page.evaluate(async (n) => {
        const box = document.querySelector<HTMLInputElement>('[data-testid="filter-plans-heping-2016-fyp"]')!;
        const count = document.querySelector('[data-testid="shown-count"]')!;
        const map = window.planAtlas.map!;
        const idle = () =>
          new Promise<void>((ok) => {
            map.once('idle', () => ok());
            map.triggerRepaint();
          });
        const zoom = map.getZoom();
        const labelSources = [
          ...new Set(
            map
              .getStyle()
              .layers.filter((l) => l.type === 'symbol' && 'source' in l && String(l.source) === 'plan-labels')
              .filter((l) => (l.minzoom ?? 0) <= zoom)
              .map((l) => String((l as { source: string }).source)),
          ),
        ];
        // A site of another plan: hidden while only the Heping plan is shown.
        const other = map
          .querySourceFeatures('plan', { sourceLayer: 'sites' })
          .find((f) => !String(f.properties.plans).includes('heping'))!;
        const otherRef = { source: 'plan', sourceLayer: 'sites', id: other.id! };
        const out = {
          list: [] as number[],
          data: [] as number[],
          labels: [] as number[],
          drawn: [] as number[],
          redraw: [] as number[],
        };
        for (let i = 0; i < n; i++) {
          await idle();
          let t = performance.now();
          await idle();
          out.redraw.push(performance.now() - t);
          const wantHidden = !box.checked;
          const listed = new Promise<number>((ok) => {
            const mo = new MutationObserver(() => {
              mo.disconnect();
              ok(performance.now());
            });
            mo.observe(count, { childList: true, characterData: true, subtree: true });
          });
          const pending = new Set(labelSources);
          const relaid = new Promise<number>((ok) => {
            const on = (e: { sourceId?: string; isSourceLoaded?: boolean; sourceDataType?: string }) => {
              if (e.sourceId && e.isSourceLoaded && !e.sourceDataType) pending.delete(e.sourceId);
              if (pending.size === 0) {
                map.off('sourcedata', on);
                ok(performance.now());
              }
            };
            if (pending.size === 0) ok(0);
            else map.on('sourcedata', on);
          });
          const stated = (async () => {
            while (map.getFeatureState(otherRef).hidden !== wantHidden) await new Promise((r) => setTimeout(r));
            return performance.now();
          })();
          t = performance.now();
          box.click();
          out.list.push((await listed) - t);
          out.data.push((await stated) - t);
          out.labels.push(Math.max(await stated, await relaid) - t);
          await idle();
          out.drawn.push(performance.now() - t);
        }
        return { ...out, labelSources };
      }, runs);
    const overview = await measureFilter();
    await page.evaluate(() => window.planAtlas.map!.jumpTo({ center: [117.205, 39.12], zoom: 13 }));
    const city = await measureFilter();

    // Search: one keystroke (an input event) until the suggestions list shows its new result and is
    // laid out (checked after each task, as bench/list.ts times it), and until the next frame drawn.
    await page.getByTestId('search-input').fill('y'); // loads the pinyin table once
    await page.getByTestId('place-hit').first().waitFor();
    const searched = await page.evaluate(async (n) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="search-input"]')!;
      const queries = ['意', '意风', '洋', '洋货', 'y', 'yf', 'yfq', 'wdd', '五大', '金钟'];
      const first = () => document.querySelector('[data-testid="place-hit"] .name')?.textContent ?? '';
      const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
      const laid: number[] = [];
      const drawn: number[] = [];
      for (let i = 0; i < n; i++) {
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
        await frame();
        const t0 = performance.now();
        input.value = queries[i % queries.length]!;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        while (!first()) await new Promise((ok) => setTimeout(ok));
        void document.body.getBoundingClientRect();
        laid.push(performance.now() - t0);
        await frame();
        drawn.push(performance.now() - t0);
      }
      return { laid, drawn };
    }, runs);
    const search = searched.laid;
    const list = median([...overview.list, ...city.list]);
    const data = Math.max(median(overview.data), median(city.data));
    const labels = Math.max(median(overview.labels), median(city.labels));
    const both = Math.max(
      median(overview.list.map((x, i) => Math.max(x, overview.data[i]!))),
      median(city.list.map((x, i) => Math.max(x, city.data[i]!))),
    );
    const drawn = Math.max(median(overview.drawn), median(city.drawn));
    const redraw = Math.max(median(overview.redraw), median(city.redraw));
    const s = median(search);
    const sDrawn = median(searched.drawn);
    const ms = (xs: number[]) => xs.map((x) => fmt(x, 0)).join(' ');
    console.log(
      `interaction: ${count} places; overview (z10): filter→list ${ms(overview.list)}; →map ${ms(overview.data)}; →labels ${ms(overview.labels)}; →drawn ${ms(overview.drawn)}; redraw ${ms(overview.redraw)}`,
    );
    console.log(
      `city (z13, labels from ${city.labelSources.join(', ')}): filter→list ${ms(city.list)}; →map ${ms(city.data)}; →labels ${ms(city.labels)}; →drawn ${ms(city.drawn)}; redraw ${ms(city.redraw)}; search ${ms(search)} ms (drawn ${ms(searched.drawn)})`,
    );
    return [
      {
        what: `filter change → list updated (${count} places, median of ${runs})`,
        value: `${fmt(list)} ms`,
        budget: '',
        ok: true,
      },
      {
        what: 'filter change → map updated (features and labels hidden by state), worse of z10 and z13',
        value: `${fmt(data)} ms`,
        budget: '',
        ok: true,
      },
      {
        what: 'filter change → labels repacked (label sources laid out again)',
        value: `${fmt(labels)} ms`,
        budget: 'reported',
        ok: true,
      },
      { what: 'filter change → list and map updated', value: `${fmt(both)} ms`, budget: '< 50 ms', ok: both < 50 },
      { what: 'filter change → map drawn (software WebGL)', value: `${fmt(drawn)} ms`, budget: 'reported', ok: true },
      {
        what: 'redraw of the same view, no change (same run)',
        value: `${fmt(redraw)} ms`,
        budget: 'reference',
        ok: true,
      },
      {
        what: `search keystroke → suggestions laid out (${count} places, median of ${runs}); drawn`,
        value: `${fmt(s)} ms; drawn ${fmt(sDrawn, 0)} ms`,
        budget: '< 50 ms',
        ok: s < 50,
      },
    ];
  } finally {
    await browser.close();
    await app.close();
  }
}
