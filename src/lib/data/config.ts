/**
 * The deployment's runtime configuration, `config.json` next to index.html (not built in, so an
 * intranet can set keys and allowed embedding origins without rebuilding). Fetched once, on demand.
 */
import type { BasemapConfig } from '../map/style/basemaps.ts';

export interface AppConfig extends BasemapConfig {
  embed?: { allowedOrigins?: string[] };
}

let config: Promise<AppConfig> | null = null;

export function loadConfig(): Promise<AppConfig> {
  config ??= fetch(new URL('config.json', document.baseURI))
    .then((r) => (r.ok ? (r.json() as Promise<AppConfig>) : {}))
    .catch(() => ({}));
  return config;
}
