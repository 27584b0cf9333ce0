/**
 * Faceted filters over the places: within a facet the chosen values are alternatives (OR), facets
 * combine (AND); an empty facet means "all". Counts for a facet apply every other facet, so they
 * say how many places a click on that value would show.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Place } from './catalog.ts';

export const FACETS = ['plans', 'kinds', 'themes', 'districts'] as const;
export type Facet = (typeof FACETS)[number];
export type Filters = Record<Facet, string[]>;

export const emptyFilters = (): Filters => ({ plans: [], kinds: [], themes: [], districts: [] });

export function valuesOf(p: Place, facet: Facet): string[] {
  if (facet === 'plans') return p.plans;
  if (facet === 'kinds') return [p.kind];
  if (facet === 'themes') return p.themes;
  return [p.district];
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

/**
 * The same filters as a style expression on the tiles' properties (contracts/tiles.ts: lists are
 * `|a|b|` strings), for layers that must leave out what is filtered rather than hide it: the labels,
 * whose hidden copies would still take up room. Null when nothing is filtered.
 */
export function filterExpression(f: Filters): ExpressionSpecification | null {
  const oneOf = (prop: string, values: string[]): ExpressionSpecification => [
    'any',
    ...values.map((v): ExpressionSpecification => ['in', `|${v}|`, ['get', prop]]),
  ];
  const parts: ExpressionSpecification[] = [];
  if (f.plans.length) parts.push(oneOf('plans', f.plans));
  if (f.kinds.length) parts.push(['in', ['get', 'kind'], ['literal', f.kinds]]);
  if (f.themes.length) parts.push(oneOf('themes', f.themes));
  if (f.districts.length) parts.push(['in', ['get', 'district'], ['literal', f.districts]]);
  return parts.length ? ['all', ...parts] : null;
}
