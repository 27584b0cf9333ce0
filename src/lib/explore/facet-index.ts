/**
 * The filters over a bitset per facet value, built once per catalog: a filter change combines a few
 * bitsets (OR within a facet, AND across facets) and a count is a popcount, instead of testing every
 * place against every chosen value. Same rules as filters.ts (`applyFilters`, `facetCounts`), which
 * stay the plain statement of them that the unit tests hold this index to.
 */
import type { Place } from './catalog.ts';
import { FACETS, valuesOf, type Facet, type Filters } from './filters.ts';
import { andInto, countAnd, countBits, emptyBits, forEachBit, fullBits, orInto, setBit, type Bits } from './bitset.ts';

export class FacetIndex {
  readonly places: readonly Place[];
  /** Per facet, the places having each value, in the order the values first occur. */
  readonly #bits = new Map<Facet, Map<string, Bits>>();

  constructor(places: readonly Place[]) {
    this.places = places;
    for (const facet of FACETS) this.#bits.set(facet, new Map());
    places.forEach((p, i) => {
      for (const facet of FACETS) {
        const byValue = this.#bits.get(facet)!;
        for (const v of valuesOf(p, facet)) {
          let b = byValue.get(v);
          if (!b) byValue.set(v, (b = emptyBits(places.length)));
          setBit(b, i);
        }
      }
    });
  }

  /** The places that pass every facet of `f` (but `skip`), as bits over the catalog's indices. */
  match(f: Filters, skip?: Facet): Bits {
    const out = fullBits(this.places.length);
    for (const facet of FACETS) {
      const chosen = f[facet];
      if (facet === skip || !chosen.length) continue;
      const any = emptyBits(this.places.length);
      // A value no place has adds nothing: a facet of only such values passes no place.
      for (const v of chosen) {
        const b = this.#bits.get(facet)!.get(v);
        if (b) orInto(any, b);
      }
      andInto(out, any);
    }
    return out;
  }

  /** How many places each value of `facet` would show, with every other facet applied. */
  counts(f: Filters, facet: Facet): Record<string, number> {
    const others = this.match(f, facet);
    const counts: Record<string, number> = {};
    for (const [v, b] of this.#bits.get(facet)!) counts[v] = countAnd(others, b);
    return counts;
  }

  /** The places in `bits`, in catalog order. */
  select(bits: Bits): Place[] {
    const out = new Array<Place>(countBits(bits));
    let k = 0;
    forEachBit(bits, (i) => (out[k++] = this.places[i]!));
    return out;
  }
}
