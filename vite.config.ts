import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import type { Plugin } from 'vite';
import { cspHeader } from './scripts/csp.ts';

const pkg = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

/** The production CSP goes into index.html as a meta tag (dev keeps Vite's inline HMR working). */
const cspMeta = (): Plugin => ({
  name: 'plan-atlas-csp',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace(
      '<meta charset="UTF-8" />',
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${cspHeader}" />`,
    ),
});

/**
 * The detail files (passages and evidence of each place, data/geojson/details) are fetched by name
 * at run time, as the place index lists them: they are published beside the index, under their own
 * names (which carry a hash of their content), not imported, so the bundle does not grow with them.
 * In dev, Vite serves them from data/ as they are.
 */
const planDetails = (dir: string): Plugin => ({
  name: 'plan-atlas-details',
  apply: 'build',
  generateBundle() {
    for (const name of readdirSync(dir).sort())
      this.emitFile({ type: 'asset', fileName: `assets/details/${name}`, source: readFileSync(join(dir, name)) });
  },
});

/**
 * PLAN_ATLAS_DATA builds the app over another data/geojson (bench/scale.ts: the corpus multiplied,
 * made by the pipeline's stages); by default it is the committed one.
 */
const dataDir = process.env.PLAN_ATLAS_DATA ? resolvePath(process.env.PLAN_ATLAS_DATA) : null;

// base './' so the built app runs from any sub-path of an intranet server.
export default defineConfig({
  base: './',
  plugins: [svelte(), cspMeta(), planDetails(join(dataDir ?? 'data/geojson', 'details'))],
  resolve: { alias: dataDir ? [{ find: /^(?:\.\.\/)+data\/geojson\//, replacement: `${dataDir}/` }] : [] },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  assetsInclude: ['**/*.geojson', '**/*.pbf', '**/*.pmtiles'],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // maplibre-gl in a chunk of its own. Svelte's runtime creates an Error when it loads; with
        // DevTools or a test driver attached, Chromium then re-parses the whole script that made it
        // for the stack trace (about 50 ms for one 1.2 MB bundle, bench/load). It also lets the two
        // scripts download and compile in parallel, and an app update leave maplibre-gl cached.
        codeSplitting: { groups: [{ name: 'maplibre-gl', test: /node_modules[\\/]maplibre-gl[\\/]/ }] },
      },
    },
  },
  server: { host: '127.0.0.1' },
});
