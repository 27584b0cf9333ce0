/** The current hash route as reactive state (parsing and formatting live in route.ts). */
import { formatHash, parseHash, type Route } from './route.ts';

export class RouteState {
  current = $state<Route>(parseHash(location.hash));

  constructor() {
    window.addEventListener('hashchange', () => {
      this.current = parseHash(location.hash);
    });
  }

  go(r: Route): void {
    location.hash = formatHash(r);
  }
}
