/**
 * What the explore views show, derived from the data and the app state: the filtered places, the
 * map feature ids to draw, the list (in view, sorted) and the places near the chosen centre.
 */
import type { AppState } from '../state/app.svelte.ts';
import { fidsOf, intersects, isLocated, unionBox, type BBox, type Place } from './catalog.ts';
import { applyFilters, facetCounts, type Facet } from './filters.ts';
import { DistanceCache, nearby } from './near.ts';
import { zhCompare } from '../i18n/collate.ts';

const WIDE_KINDS: string[] = ['river', 'rail', 'admin'];

export type SortKey = 'name' | 'plan' | 'distance';

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

  filtered = $derived.by(() => applyFilters(this.places, this.app.params.filters));
  /** Feature ids to draw; null draws everything (no filter set). */
  visibleFids = $derived.by(() => {
    if (this.filtered.length === this.places.length) return null;
    return fidsOf(this.filtered);
  });
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

  counts = (facet: Facet): Record<string, number> => facetCounts(this.places, this.app.params.filters, facet);

  byId = (id: string | null | undefined): Place | undefined => (id ? this.places.find((p) => p.id === id) : undefined);

  selected = $derived.by(() => this.byId(this.app.params.sel));
  hovered = $derived(this.byId(this.hoverId));

  /** Where distances in the list are measured from: the near-me centre, else the map centre. */
  origin = $derived.by(() => this.app.params.near ?? this.viewCentre);

  /** Filtered places in the map view (or all of them when the list is not limited to the view). */
  inView = $derived.by(() => {
    const box = this.viewBox;
    // A place not located is listed whatever the view: it has no position to be out of view.
    return this.filtered.filter((p) => !this.inViewOnly || !box || !p.bbox || intersects(p.bbox, box));
  });

  /** Distances from the current origin, computed once per place and origin (geometry is costly). */
  private distances = $derived(new DistanceCache(this.origin));

  listed = $derived.by(() => {
    const d = this.distances;
    const rows = this.inView.map((place) => ({ place, metres: d.to(place) }));
    const name = (p: Place) => p.name;
    const plan = (p: Place) => this.planOrder.indexOf(p.plans[0] ?? '');
    const cmp: Record<SortKey, (a: (typeof rows)[number], b: (typeof rows)[number]) => number> = {
      name: (a, b) => zhCompare(name(a.place), name(b.place)),
      plan: (a, b) => plan(a.place) - plan(b.place) || zhCompare(name(a.place), name(b.place)),
      distance: (a, b) => (a.metres ?? 0) - (b.metres ?? 0) || zhCompare(name(a.place), name(b.place)),
    };
    // Places not located come last, in the same order.
    return rows.sort((a, b) => Number(!a.place.bbox) - Number(!b.place.bbox) || cmp[this.sort](a, b));
  });

  near = $derived.by(() =>
    this.app.params.near
      ? nearby(this.filtered.filter(isLocated), this.app.params.near, this.app.params.radius)
      : { located: [], rough: [] },
  );
}
