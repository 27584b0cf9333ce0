/**
 * The app's state, read from the URL hash (the single source of truth, so links, reloads and
 * back/forward restore it) and written back through `set`/`go`.
 */
import { formatHash, parseHash, type Route } from './route.ts';
import { hashQuery, hashWith, keepParams, parseParams, type AppParams } from './params.ts';

export class AppState {
  route = $state<Route>(parseHash(location.hash));
  params = $state<AppParams>(parseParams(hashQuery(location.hash)));
  /** Embedded in a host page: never add history entries (they would hijack the host's back button). */
  private replaceOnly: boolean;

  constructor(opts: { replaceOnly?: boolean } = {}) {
    this.replaceOnly = opts.replaceOnly ?? false;
    const read = () => this.read();
    window.addEventListener('hashchange', read);
    window.addEventListener('popstate', read);
  }

  /** Re-reads the hash, touching only what changed so that unrelated views do not recompute. */
  read(): void {
    const route = parseHash(location.hash);
    if (JSON.stringify(route) !== JSON.stringify(this.route)) this.route = route;
    const next = parseParams(hashQuery(location.hash));
    for (const k of Object.keys(next) as (keyof AppParams)[]) {
      if (JSON.stringify(next[k]) !== JSON.stringify(this.params[k]))
        (this.params as unknown as Record<string, unknown>)[k] = next[k];
    }
  }

  /** Changes app parameters; `push` adds a history entry (selection, filters), else replaces it (map moves). */
  set(patch: Partial<AppParams>, opts: { push?: boolean } = {}): void {
    const next = hashWith(location.hash, { ...this.params, ...patch });
    if (next === location.hash) return;
    if (opts.push && !this.replaceOnly) history.pushState(null, '', next);
    else history.replaceState(history.state, '', next);
    this.read();
  }

  go(r: Route): void {
    location.hash = keepParams(formatHash(r), location.hash);
  }
}
