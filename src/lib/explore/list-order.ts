/**
 * The list's orders, prepared once per catalog: by name (Chinese collation, the costly part: tens
 * of milliseconds for tens of thousands of names) and by plan, then name. Listing the places in
 * view is then one pass over a prepared order, not a sort; only the order by distance, which
 * changes with the map centre, is sorted each time, on numbers. Places not located come last in
 * every order. Ties keep catalog order, as the stable sort over the catalog did before.
 */
import type { Place } from './catalog.ts';
import { hasBit, type Bits } from './bitset.ts';
import { FlatDistance } from './flat-distance.ts';
import type { LngLat } from './near.ts';
import { zhCompare } from '../i18n/collate.ts';

export type SortKey = 'name' | 'plan' | 'distance';

const unlocated = (p: Place): number => Number(!p.bbox);

export class ListOrder {
  readonly places: readonly Place[];
  readonly #at: Map<string, number>;
  #byName: Int32Array | null = null;
  #byPlan: { planOrder: readonly string[]; order: Int32Array } | null = null;

  constructor(places: readonly Place[]) {
    this.places = places;
    this.#at = new Map(places.map((p, i) => [p.id, i]));
  }

  /** A place's index in the catalog. */
  indexOf(id: string): number | undefined {
    return this.#at.get(id);
  }

  /** Catalog indices by name (places not located last). Computed on first use, then kept. */
  get byName(): Int32Array {
    if (!this.#byName) {
      const ps = this.places;
      const idx = Array.from(ps, (_, i) => i);
      idx.sort((a, b) => unlocated(ps[a]!) - unlocated(ps[b]!) || zhCompare(ps[a]!.name, ps[b]!.name) || a - b);
      this.#byName = Int32Array.from(idx);
    }
    return this.#byName;
  }

  /** Catalog indices by the first plan (in `planOrder`), then name. */
  byPlan(planOrder: readonly string[]): Int32Array {
    if (this.#byPlan?.planOrder !== planOrder) {
      const ps = this.places;
      const rank = new Int32Array(ps.length);
      this.byName.forEach((i, r) => (rank[i] = r));
      const planRank = new Map(planOrder.map((id, k) => [id, k]));
      // A plan not in planOrder sorts first, as indexOf's -1 did.
      const plan = (i: number) => planRank.get(ps[i]!.plans[0] ?? '') ?? -1;
      const idx = Array.from(ps, (_, i) => i);
      idx.sort((a, b) => unlocated(ps[a]!) - unlocated(ps[b]!) || plan(a) - plan(b) || rank[a]! - rank[b]!);
      this.#byPlan = { planOrder, order: Int32Array.from(idx) };
    }
    return this.#byPlan.order;
  }

  /**
   * The places in `bits`, in the order of `sort`. By distance: nearest first from where
   * `distances` measures, ties by name; without an origin (no map, no near-me centre), by name.
   */
  list(bits: Bits, sort: SortKey, planOrder: readonly string[], distances: ListDistances): Place[] {
    const order = sort === 'plan' ? this.byPlan(planOrder) : this.byName;
    const ps = this.places;
    if (sort !== 'distance' || !distances.origin) {
      const out: Place[] = [];
      for (let k = 0; k < order.length; k++) if (hasBit(bits, order[k]!)) out.push(ps[order[k]!]!);
      return out;
    }
    const picked: number[] = [];
    for (let k = 0; k < order.length; k++) if (hasBit(bits, order[k]!)) picked.push(order[k]!);
    // Each place's distance read once into an array (places not located last), then positions in
    // name order sorted by it: equal distances stay in name order.
    const metres = new Float64Array(picked.length);
    picked.forEach((i, k) => (metres[k] = ps[i]!.bbox ? (distances.at(i) ?? 0) : Infinity));
    const at = Uint32Array.from(picked.keys()).sort((a, b) => metres[a]! - metres[b]! || a - b);
    return Array.from(at, (k) => ps[picked[k]!]!);
  }
}

/** Distances from one origin to the catalog's places (by index), each measured on first use. */
export class ListDistances {
  readonly origin: LngLat | null;
  readonly #places: readonly Place[];
  readonly #flat: FlatDistance | null;
  readonly #metres: Float64Array;

  constructor(places: readonly Place[], origin: LngLat | null) {
    this.origin = origin;
    this.#places = places;
    this.#flat = origin ? new FlatDistance(origin) : null;
    this.#metres = new Float64Array(places.length).fill(NaN);
  }

  /** Metres to the place at index `i`; null without an origin or for a place not located. */
  at(i: number): number | null {
    const g = this.#places[i]?.shape;
    if (!this.#flat || !g) return null;
    let d = this.#metres[i]!;
    if (Number.isNaN(d)) this.#metres[i] = d = this.#flat.to(g);
    return d;
  }
}
