/**
 * The Content-Security-Policy the app is built to run under. MapLibre needs blob: workers and
 * 'wasm-unsafe-eval' is not needed; styles are inline from Svelte transitions and MapLibre's DOM.
 * MapLibre fetches raster tiles with fetch(), so online basemap hosts go in connect-src.
 */
export const cspDirectives: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'worker-src': "'self' blob:",
  'child-src': "'self' blob:",
  'img-src': "'self' data: blob:",
  'style-src': "'self' 'unsafe-inline'",
  // Online basemaps are off by default; their hosts are allowed so that choosing one works.
  // PLAN_ATLAS_TILE_HOSTS (at build time, space-separated) adds a deployment's own tile servers.
  'connect-src': [
    "'self' https://tile.openstreetmap.org https://*.tianditu.gov.cn https://*.is.autonavi.com",
    process.env.PLAN_ATLAS_TILE_HOSTS ?? '',
  ]
    .join(' ')
    .trim(),
  'font-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

export const cspHeader = Object.entries(cspDirectives)
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');
