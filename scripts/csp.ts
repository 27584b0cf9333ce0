/**
 * The Content-Security-Policy the app is built to run under. MapLibre needs blob: workers and
 * 'wasm-unsafe-eval' is not needed; styles are inline from Svelte transitions and MapLibre's DOM.
 * Online basemaps (off by default) are added by the deployer to img-src/connect-src.
 */
export const cspDirectives: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'worker-src': "'self' blob:",
  'child-src': "'self' blob:",
  'img-src': "'self' data: blob:",
  'style-src': "'self' 'unsafe-inline'",
  'connect-src': "'self'",
  'font-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

export const cspHeader = Object.entries(cspDirectives)
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');
