/**
 * The app's shareable state as hash parameters, common to every route (`#/...?sel=…&plans=…`):
 *   v=lng,lat,zoom        the map view            sel=<feature id>    the selected place
 *   plans= kinds= themes= districts=  filters (comma-separated values)
 *   near=lng,lat  radius=<m>          the near-me centre and radius
 *   basemap=<id>  lang=en  colour=theme  tab=filters|list|near
 * Route-specific parameters (`q`, `r`) belong to route.ts.
 */
import { emptyFilters, FACETS, type Filters } from '../explore/filters.ts';

export interface AppParams {
  view: [number, number, number] | null;
  filters: Filters;
  sel: string | null;
  near: [number, number] | null;
  radius: number;
  basemap: string | null;
  lang: 'zh' | 'en';
  colour: 'plan' | 'theme';
  tab: 'filters' | 'list' | 'near' | null;
}

export const APP_KEYS = ['v', ...FACETS, 'sel', 'near', 'radius', 'basemap', 'lang', 'colour', 'tab'] as const;
export const DEFAULT_RADIUS = 1000;

const nums = (s: string | null, n: number): number[] | null => {
  if (!s) return null;
  const xs = s.split(',').map(Number);
  return xs.length === n && xs.every(Number.isFinite) ? xs : null;
};

/** A view or a point a map can show: longitude, latitude (Web Mercator's limits) and zoom in range. */
const inRange = (xs: number[] | null, ranges: [number, number][]): number[] | null =>
  xs && xs.every((x, i) => x >= ranges[i]![0] && x <= ranges[i]![1]) ? xs : null;
const LNG: [number, number] = [-180, 180];
const LAT: [number, number] = [-85, 85];

export function parseParams(p: URLSearchParams): AppParams {
  const filters = emptyFilters();
  for (const f of FACETS) filters[f] = (p.get(f) ?? '').split(',').filter(Boolean);
  const radius = Number(p.get('radius'));
  const tab = p.get('tab');
  return {
    view: inRange(nums(p.get('v'), 3), [LNG, LAT, [0, 22]]) as AppParams['view'],
    filters,
    sel: p.get('sel') || null,
    near: inRange(nums(p.get('near'), 2), [LNG, LAT]) as AppParams['near'],
    radius: radius >= 100 && radius <= 10_000 ? radius : DEFAULT_RADIUS,
    basemap: p.get('basemap') || null,
    lang: p.get('lang') === 'en' ? 'en' : 'zh',
    colour: p.get('colour') === 'theme' ? 'theme' : 'plan',
    tab: tab === 'filters' || tab === 'list' || tab === 'near' ? tab : null,
  };
}

const round = (x: number, d: number) => String(Number(x.toFixed(d)));

/** Writes `a` into `p`, leaving defaults out so links stay short. */
export function writeParams(a: AppParams, p: URLSearchParams): void {
  for (const k of APP_KEYS) p.delete(k);
  if (a.view) p.set('v', [round(a.view[0], 5), round(a.view[1], 5), round(a.view[2], 2)].join(','));
  for (const f of FACETS) if (a.filters[f].length) p.set(f, a.filters[f].join(','));
  if (a.sel) p.set('sel', a.sel);
  if (a.near) p.set('near', a.near.map((x) => round(x, 5)).join(','));
  if (a.near && a.radius !== DEFAULT_RADIUS) p.set('radius', String(a.radius));
  if (a.basemap && a.basemap !== 'offline') p.set('basemap', a.basemap);
  if (a.lang === 'en') p.set('lang', 'en');
  if (a.colour === 'theme') p.set('colour', 'theme');
  if (a.tab) p.set('tab', a.tab);
}

/** A hash link to `target` (a route hash) that carries the current app parameters along. */
export function keepParams(target: string, currentHash: string): string {
  const [path = '#/', query = ''] = target.split('?', 2);
  const next = new URLSearchParams(query);
  const cur = new URLSearchParams(currentHash.split('?', 2)[1] ?? '');
  for (const k of APP_KEYS) {
    const v = cur.get(k);
    if (v !== null && !next.has(k)) next.set(k, v);
  }
  const qs = next.toString();
  return `${path}${qs ? `?${qs}` : ''}`;
}

export const hashQuery = (hash: string): URLSearchParams => new URLSearchParams(hash.split('?', 2)[1] ?? '');

/** `hash` with its app parameters replaced by `a` (route and route parameters kept). */
export function hashWith(hash: string, a: AppParams): string {
  const path = hash.split('?', 2)[0] || '#/';
  const p = hashQuery(hash);
  writeParams(a, p);
  const qs = p.toString();
  return `${path === '#' ? '#/' : path}${qs ? `?${qs}` : ''}`;
}
