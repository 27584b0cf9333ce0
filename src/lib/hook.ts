/**
 * `window.planAtlas`: the documented, stable handle for tests and host pages.
 * - `map`: the maplibre-gl Map (null until created, or when WebGL is unavailable)
 * - `ready`: resolves once the first view is drawn: the plan tiles in view loaded and the map idle,
 *   and, for a link that filters, selects or looks near a point, that applied (rejects on a fatal
 *   load error, e.g. no WebGL)
 * - `indexed`: resolves once the place index is loaded (list, search, filters and near-me work),
 *   which the app fetches after the first view; rejects if it cannot be loaded
 * - `version`: the app version from package.json
 * - `readyAt`: `performance.now()` when `ready` resolved (for bench/load), else null
 * - `placeId(feature)`: the place id of a map feature from `map.queryRenderedFeatures`,
 *   or null (not a plan feature, or one the filters hide)
 * - `mapErrors`: every error the map reported ("map error …"), also dispatched on window as the
 *   event `planatlas:maperror` (detail: the message), for test harnesses
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface PlanAtlasHook {
  map: MapLibreMap | null;
  ready: Promise<void>;
  indexed: Promise<void>;
  version: string;
  readyAt: number | null;
  placeId: (f: PlacedFeature) => string | null;
  mapErrors: string[];
}

export interface PlacedFeature {
  source: string;
  id?: string | number;
  properties: Record<string, unknown>;
  state?: Record<string, unknown>;
}

declare global {
  interface Window {
    planAtlas: PlanAtlasHook;
  }
}

let resolveReady!: () => void;
let rejectReady!: (e: unknown) => void;
let resolveIndexed!: () => void;
let rejectIndexed!: (e: unknown) => void;

export function installHook(): PlanAtlasHook {
  const ready = new Promise<void>((ok, fail) => {
    resolveReady = ok;
    rejectReady = fail;
  });
  const indexed = new Promise<void>((ok, fail) => {
    resolveIndexed = ok;
    rejectIndexed = fail;
  });
  // A rejection is also shown in the UI; keep it from surfacing as an unhandled rejection.
  ready.catch(() => {});
  indexed.catch(() => {});
  window.planAtlas = {
    map: null,
    ready,
    indexed,
    version: __APP_VERSION__,
    readyAt: null,
    placeId: () => null,
    mapErrors: [],
  };
  return window.planAtlas;
}

export function markReady(): void {
  window.planAtlas.readyAt ??= performance.now();
  performance.mark('pa:ready');
  resolveReady();
}
export const markFailed = (e: unknown): void => rejectReady(e);
export function markIndexed(): void {
  performance.mark('pa:index');
  resolveIndexed();
}
export const markIndexFailed = (e: unknown): void => rejectIndexed(e);
export function setPlaceResolver(fn: (f: PlacedFeature) => string | null): void {
  window.planAtlas.placeId = fn;
}

export function setHookMap(map: MapLibreMap | null): void {
  window.planAtlas.map = map;
}

export function reportMapError(message: string): void {
  window.planAtlas.mapErrors.push(message);
  window.dispatchEvent(new CustomEvent('planatlas:maperror', { detail: message }));
}
