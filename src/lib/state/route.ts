/**
 * The hash route, parsed and written in one place.
 *   #/                                   the map
 *   #/plan/<plan-id>                     the reader
 *   #/plan/<plan-id>/<anchor>?q=<quote>  the reader at an anchor, with a quote highlighted
 *   #/plan/<plan-id>/<anchor>?r=<s>-<e>  ... or with an offset range highlighted
 *   #/search?q=<text>                    full-text search across the plans
 */
export type Route =
  | { view: 'map' }
  | { view: 'plan'; plan: string; anchor: string | null; q: string | null; range: [number, number] | null }
  | { view: 'search'; q: string };

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const params = new URLSearchParams(query);
  // A malformed escape (#/plan/%) is kept as typed rather than thrown: a bad link must not blank the app.
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((x) => {
      try {
        return decodeURIComponent(x);
      } catch {
        return x;
      }
    });
  if (parts[0] === 'plan' && parts[1]) {
    const r = /^(\d+)-(\d+)$/.exec(params.get('r') ?? '');
    return {
      view: 'plan',
      plan: parts[1],
      anchor: parts[2] ?? null,
      q: params.get('q') || null,
      range: r ? [Number(r[1]), Number(r[2])] : null,
    };
  }
  if (parts[0] === 'search') return { view: 'search', q: params.get('q') ?? '' };
  return { view: 'map' };
}

export function formatHash(r: Route): string {
  if (r.view === 'plan') {
    const params = new URLSearchParams();
    if (r.q) params.set('q', r.q);
    if (r.range) params.set('r', `${r.range[0]}-${r.range[1]}`);
    const qs = params.toString();
    return `#/plan/${encodeURIComponent(r.plan)}${r.anchor ? `/${encodeURIComponent(r.anchor)}` : ''}${qs ? `?${qs}` : ''}`;
  }
  if (r.view === 'search') return `#/search?${new URLSearchParams({ q: r.q })}`;
  return '#/';
}

export const planLink = (plan: string, anchor?: string | null, q?: string | null): string =>
  formatHash({ view: 'plan', plan, anchor: anchor ?? null, q: q ?? null, range: null });
