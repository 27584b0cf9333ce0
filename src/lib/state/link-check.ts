/**
 * What a shared link asked for that the app cannot show: a value out of range or of the wrong form
 * (already dropped by parseParams), or a plan, kind, theme, district or place the data does not
 * have (dropped here, once the data is loaded). Each is named so that the user is told, not left
 * with an empty map.
 */
import type { AppParams } from './params.ts';
import { FACETS, valuesOf, type Filters } from '../explore/filters.ts';
import type { Place } from '../explore/catalog.ts';

/** The parameters present in the link whose value parseParams could not use. */
export function unusable(q: URLSearchParams, p: AppParams): string[] {
  const out: string[] = [];
  const has = (k: string) => (q.get(k) ?? '') !== '';
  if (has('v') && !p.view) out.push(`v=${q.get('v')}`);
  if (has('near') && !p.near) out.push(`near=${q.get('near')}`);
  if (has('radius') && String(p.radius) !== q.get('radius')) out.push(`radius=${q.get('radius')}`);
  if (has('tab') && !p.tab) out.push(`tab=${q.get('tab')}`);
  if (has('lang') && q.get('lang') !== p.lang) out.push(`lang=${q.get('lang')}`);
  if (has('colour') && q.get('colour') !== p.colour) out.push(`colour=${q.get('colour')}`);
  return out;
}

/** The filters and selection with the values the data does not have removed, and what was removed. */
export function known(
  p: AppParams,
  places: Place[],
  basemaps: string[],
): { filters: Filters; sel: string | null; basemap: string | null; dropped: string[] } {
  const dropped: string[] = [];
  const filters = { ...p.filters };
  for (const facet of FACETS) {
    if (!p.filters[facet].length) continue;
    const have = new Set(places.flatMap((x) => valuesOf(x, facet)));
    const bad = p.filters[facet].filter((v) => !have.has(v));
    if (bad.length) dropped.push(`${facet}=${bad.join(',')}`);
    filters[facet] = p.filters[facet].filter((v) => have.has(v));
  }
  const sel = p.sel && places.some((x) => x.id === p.sel) ? p.sel : null;
  if (p.sel && !sel) dropped.push(`sel=${p.sel}`);
  const basemap = p.basemap && basemaps.includes(p.basemap) ? p.basemap : null;
  if (p.basemap && !basemap) dropped.push(`basemap=${p.basemap}`);
  return { filters, sel, basemap, dropped };
}
