/**
 * What the explore views show, derived from the data and the app state: the filtered places, the
 * map feature ids to draw, the list (in view, sorted) and the places near the chosen centre.
 * The indexes behind them (facet bitsets, the list's orders, the search index) are built once per
 * catalog, so that a filter change, a sort or a keystroke does not go through every place again
 * (bench/list.ts: at 100× the corpus).
 */
import type { AppState } from '../state/app.svelte.ts';
import { intersects, isLocated, unionBox, type BBox, type Place } from './catalog.ts';
import { FACETS, type Facet, type Filters } from './filters.ts';
import { FacetIndex } from './facet-index.ts';
import { countBits, emptyBits, forEachBit, setBit } from './bitset.ts';
import { ListDistances, ListOrder, type SortKey } from './list-order.ts';
import { SearchIndex } from './search-index.ts';
import { nearby } from './near.ts';

export type { SortKey };

const WIDE_KINDS: string[] = ['river', 'rail', 'admin'];

export class Explorer {
  places = $state.raw<Place[]>([]);
  planOrder = $state.raw<string[]>([]);
  /** The map's current view (WGS-84), null before the map reports it or without WebGL. */
  viewBox = $state.raw<BBox | null>(null);
  viewCentre = $state.raw<[number, number] | null>(null);
  hoverId = $state<string | null>(null);
  inViewOnly = $state(true);
  sort = $state<SortKey>('name');
  picking = $state(false);
  app: AppState;

  constructor(app: AppState) {
    this.app = app;
  }

  #facets = $derived(new FacetIndex(this.places));
  #order = $derived(new ListOrder(this.places));
  /** Names, aliases and (once asked for) their pinyin, for the header search. */
  search = $derived(new SearchIndex(this.places));

  /** The filters, read once (the app state is a deep proxy: costly to read in a loop). */
  #filters = $derived.by((): Filters => {
    const f = this.app.params.filters;
    return Object.fromEntries(FACETS.map((k) => [k, [...f[k]]])) as Filters;
  });
  /** The filtered places, as bits over the catalog. */
  #matched = $derived(this.#facets.match(this.#filters));
  filtered = $derived(this.#facets.select(this.#matched));
  /** The places shown, as bits over `places`; null when the filters leave none out. */
  shown = $derived(this.filtered.length === this.places.length ? null : this.#matched);
  allBox = $derived.by(() => {
    const boxes = this.places.filter(isLocated).map((p) => p.bbox);
    return boxes.length ? unionBox(boxes) : null;
  });

  /**
   * The extent of the filtered places. Rivers, metro lines and districts run far beyond what a plan
   * does there (the 海河 to the sea): they count only when nothing else is filtered.
   */
  filteredBox = $derived.by(() => {
    const located = this.filtered.filter(isLocated);
    const local = located.filter((p) => !WIDE_KINDS.includes(p.kind));
    const boxes = (local.length ? local : located).map((p) => p.bbox);
    return boxes.length ? unionBox(boxes) : null;
  });

  counts = (facet: Facet): Record<string, number> => this.#facets.counts(this.#filters, facet);

  byId = (id: string | null | undefined): Place | undefined => {
    const i = id ? this.#order.indexOf(id) : undefined;
    return i === undefined ? undefined : this.places[i];
  };

  selected = $derived.by(() => this.byId(this.app.params.sel));
  hovered = $derived(this.byId(this.hoverId));

  /** Where distances in the list are measured from: the near-me centre, else the map centre. */
  origin = $derived.by(() => this.app.params.near ?? this.viewCentre);

  /** The filtered places in the map view (all of them when the list is not limited to the view). */
  #inView = $derived.by(() => {
    const box = this.viewBox;
    if (!this.inViewOnly || !box) return this.#matched;
    const bits = emptyBits(this.places.length);
    // A place not located is listed whatever the view: it has no position to be out of view.
    forEachBit(this.#matched, (i) => {
      const b = this.places[i]!.bbox;
      if (!b || intersects(b, box)) setBit(bits, i);
    });
    return bits;
  });
  /** How many places the list has. */
  inViewCount = $derived(countBits(this.#inView));

  /** Distances from the current origin, each measured once per place and origin. */
  #distances = $derived(new ListDistances(this.#order, this.origin));

  /**
   * The list: the places in view, sorted. Only the order by distance reads the distances, so that a
   * map move leaves a list in another order as it is.
   */
  listed = $derived(
    this.#order.list(this.#inView, this.sort, this.planOrder, this.sort === 'distance' ? this.#distances : null),
  );

  /** Metres from the list's origin to a place (null without an origin, or for a place not located). */
  distance = (p: Place): number | null => {
    const i = this.#order.indexOf(p.id);
    return i === undefined ? null : this.#distances.at(i);
  };

  /**
   * Builds the indexes ahead of use (the orders by name and by plan, and the shapes flattened for
   * distances, are the costly ones), so that the first time the list opens, is sorted or a search
   * is typed it is not paid for then. One task each, so that a click in between is not kept waiting.
   */
  prepare = (): void => {
    const steps = [
      () => this.#facets,
      () => this.#order.byName,
      () => this.#order.byPlan(this.planOrder),
      () => this.#order.shapes,
      () => this.search,
    ];
    const next = () => {
      steps.shift()?.();
      if (steps.length) setTimeout(next);
    };
    next();
  };

  near = $derived.by(() =>
    this.app.params.near
      ? nearby(this.filtered.filter(isLocated), this.app.params.near, this.app.params.radius)
      : { located: [], rough: [] },
  );
}
