/**
 * Faceted filters over the places: within a facet the chosen values are alternatives (OR), facets
 * combine (AND); an empty facet means "all". Counts for a facet apply every other facet, so they
 * say how many places a click on that value would show.
 */
import type { Place } from './catalog.ts';

export const FACETS = ['plans', 'kinds', 'themes', 'districts'] as const;
export type Facet = (typeof FACETS)[number];
export type Filters = Record<Facet, string[]>;

export const emptyFilters = (): Filters => ({ plans: [], kinds: [], themes: [], districts: [] });

export function valuesOf(p: Place, facet: Facet): string[] {
  const q = p.feature.properties;
  if (facet === 'plans') return q.plans;
  if (facet === 'kinds') return [q.kind];
  if (facet === 'themes') return q.themes;
  return [q.district];
}

function passes(p: Place, f: Filters, skip?: Facet): boolean {
  return FACETS.every(
    (facet) => facet === skip || !f[facet].length || valuesOf(p, facet).some((v) => f[facet].includes(v)),
  );
}

export const applyFilters = (places: Place[], f: Filters): Place[] => places.filter((p) => passes(p, f));

export function facetCounts(places: Place[], f: Filters, facet: Facet): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of places) for (const v of valuesOf(p, facet)) counts[v] ??= 0;
  for (const p of places) if (passes(p, f, facet)) for (const v of valuesOf(p, facet)) counts[v]! += 1;
  return counts;
}

export function toggle(f: Filters, facet: Facet, value: string): Filters {
  const has = f[facet].includes(value);
  return { ...f, [facet]: has ? f[facet].filter((v) => v !== value) : [...f[facet], value] };
}
