/**
 * The deployment's runtime configuration, `config.json` next to index.html (not built in, so an
 * intranet can set keys and allowed embedding origins without rebuilding). Fetched once, on demand.
 * A config.json that is not valid is reported (naming the field) and the defaults are used.
 */
import type { BasemapConfig } from '../map/style/basemaps.ts';
import { reportFailure } from './report.ts';

export interface AppConfig extends BasemapConfig {
  embed?: { allowedOrigins?: string[] };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStrings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** Why `c` is not a valid config, or null. */
export function configProblem(c: unknown): string | null {
  if (!isObject(c)) return 'not a JSON object';
  if (c.basemaps !== undefined) {
    if (!isObject(c.basemaps)) return '"basemaps" must be an object';
    for (const [id, b] of Object.entries(c.basemaps)) {
      if (!isObject(b)) return `"basemaps.${id}" must be an object`;
      for (const k of ['tiles', 'overlayTiles'] as const)
        if (b[k] !== undefined && !isStrings(b[k])) return `"basemaps.${id}.${k}" must be a list of URL templates`;
      for (const k of ['key', 'label', 'labelEn', 'attribution'] as const)
        if (b[k] !== undefined && typeof b[k] !== 'string') return `"basemaps.${id}.${k}" must be text`;
      if (b.crs !== undefined && b.crs !== 'WGS84' && b.crs !== 'GCJ02') return `"basemaps.${id}.crs" must be WGS84 or GCJ02`;
    }
  }
  if (c.defaultBasemap !== undefined && typeof c.defaultBasemap !== 'string') return '"defaultBasemap" must be a basemap id';
  if (c.embed !== undefined) {
    if (!isObject(c.embed)) return '"embed" must be an object';
    if (c.embed.allowedOrigins !== undefined && !isStrings(c.embed.allowedOrigins))
      return '"embed.allowedOrigins" must be a list of origins';
  }
  return null;
}

let config: Promise<AppConfig> | null = null;

export function loadConfig(): Promise<AppConfig> {
  config ??= fetch(new URL('config.json', document.baseURI))
    .then(async (r) => {
      // No config.json is the usual case: the defaults.
      if (!r.ok) return {};
      let parsed: unknown;
      try {
        parsed = JSON.parse(await r.text());
      } catch {
        reportFailure({ kind: 'config', why: 'not JSON' });
        return {};
      }
      const why = configProblem(parsed);
      if (why) {
        reportFailure({ kind: 'config', why });
        return {};
      }
      return parsed as AppConfig;
    })
    .catch(() => ({}));
  return config;
}
