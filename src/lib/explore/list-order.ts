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
import { FlatShapes } from './flat-shapes.ts';
import type { LngLat } from './near.ts';
import { zhCompare } from '../i18n/collate.ts';

export type SortKey = 'name' | 'plan' | 'distance';

const unlocated = (p: Place): number => Number(!p.bbox);

export class ListOrder {
  readonly places: readonly Place[];
  readonly #at: Map<string, number>;
  #byName: Int32Array | null = null;
  #byPlan: { planOrder: readonly string[]; order: Int32Array } | null = null;
  #shapes: FlatShapes | null = null;

  constructor(places: readonly Place[]) {
    this.places = places;
    this.#at = new Map(places.map((p, i) => [p.id, i]));
  }

  /** A place's index in the catalog. */
  indexOf(id: string): number | undefined {
    return this.#at.get(id);
  }

  /** Every place's shape, flattened for measuring (by catalog index). Built on first use, then kept. */
  get shapes(): FlatShapes {
    return (this.#shapes ??= new FlatShapes(this.places.map((p) => p.shape)));
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
   * `distances` measures, ties (to the millimetre) by name; without an origin (no map, no near-me
   * centre) or without distances, by name.
   */
  list(bits: Bits, sort: SortKey, planOrder: readonly string[], distances: ListDistances | null): Place[] {
    const order = sort === 'plan' ? this.byPlan(planOrder) : this.byName;
    const ps = this.places;
    if (sort !== 'distance' || !distances?.origin) {
      const out: Place[] = [];
      for (let k = 0; k < order.length; k++) if (hasBit(bits, order[k]!)) out.push(ps[order[k]!]!);
      return out;
    }
    const located: number[] = [];
    const unlocated: number[] = [];
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      if (hasBit(bits, i)) (ps[i]!.bbox ? located : unlocated).push(i);
    }
    const metres = new Float64Array(located.length);
    for (let k = 0; k < located.length; k++) metres[k] = distances.at(located[k]!) ?? 0;
    const at = byDistance(metres);
    const out: Place[] = new Array(at.length);
    for (let k = 0; k < at.length; k++) out[k] = ps[located[at[k]!]!]!;
    for (const i of unlocated) out.push(ps[i]!);
    return out;
  }
}

/** Distances are ties when equal to the millimetre (two shifted copies of a shape differ by less). */
const MM = 1000;

/**
 * Positions 0…n-1 sorted by `metres`, ties kept in position order. Each position is packed with its
 * distance into one number, distance in millimetres times n plus position, so that the typed
 * array's own numeric sort does it (several times faster than a sort calling a comparator); a
 * range too wide for exact integers falls back to the comparator.
 */
export function byDistance(metres: Float64Array): Uint32Array {
  const n = metres.length;
  const keys = new Float64Array(n);
  let max = 0;
  // Plain loops: the typed arrays' map and from, with a callback, are several times slower.
  for (let k = 0; k < n; k++) {
    const mm = Math.round(metres[k]! * MM);
    keys[k] = mm;
    if (mm > max) max = mm;
  }
  const out = new Uint32Array(n);
  if ((max + 1) * n <= Number.MAX_SAFE_INTEGER) {
    for (let k = 0; k < n; k++) keys[k] = keys[k]! * n + k;
    keys.sort();
    for (let k = 0; k < n; k++) out[k] = keys[k]! % n;
    return out;
  }
  for (let k = 0; k < n; k++) out[k] = k;
  return out.sort((a, b) => keys[a]! - keys[b]! || a - b);
}

/** Distances from one origin to the catalog's places (by index), each measured on first use. */
export class ListDistances {
  readonly origin: LngLat | null;
  readonly #order: ListOrder;
  readonly #flat: FlatDistance | null;
  readonly #metres: Float64Array;

  constructor(order: ListOrder, origin: LngLat | null) {
    this.origin = origin;
    this.#order = order;
    this.#flat = origin ? new FlatDistance(origin) : null;
    this.#metres = new Float64Array(order.places.length).fill(NaN);
  }

  /** Metres to the place at index `i`; null without an origin or for a place not located. */
  at(i: number): number | null {
    if (!this.#flat || !this.#order.places[i]?.shape) return null;
    let d = this.#metres[i]!;
    if (Number.isNaN(d)) this.#metres[i] = d = this.#flat.toShape(this.#order.shapes, i);
    return d;
  }
}
