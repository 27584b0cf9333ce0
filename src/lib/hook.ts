/**
 * `window.planAtlas`: the documented, stable handle for tests and host pages.
 * - `map`: the maplibre-gl Map (null until created, or when WebGL is unavailable)
 * - `ready`: resolves once the data is loaded and the map is idle (rejects on a fatal load error)
 * - `version`: the app version from package.json
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface PlanAtlasHook {
  map: MapLibreMap | null;
  ready: Promise<void>;
  version: string;
}

declare global {
  interface Window {
    planAtlas: PlanAtlasHook;
  }
}

let resolveReady!: () => void;
let rejectReady!: (e: unknown) => void;

export function installHook(): PlanAtlasHook {
  const ready = new Promise<void>((ok, fail) => {
    resolveReady = ok;
    rejectReady = fail;
  });
  // A rejection is also shown in the UI; keep it from surfacing as an unhandled rejection.
  ready.catch(() => {});
  window.planAtlas = { map: null, ready, version: __APP_VERSION__ };
  return window.planAtlas;
}

export const markReady = (): void => resolveReady();
export const markFailed = (e: unknown): void => rejectReady(e);
export function setHookMap(map: MapLibreMap | null): void {
  window.planAtlas.map = map;
}
