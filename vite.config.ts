import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';
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
 * The plan layers are fetched by the app's script, which starts only after the large bundle is
 * parsed: preload links let the browser fetch them at once, in parallel with the bundle.
 */
const preloadPlanData = (): Plugin => ({
  name: 'plan-atlas-preload-data',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (html, ctx) => {
      const files = Object.keys(ctx.bundle ?? {}).filter((f) =>
        /^assets\/(zones|corridors|sites)-[\w-]+\.geojson$/.test(f),
      );
      const links = files.map(
        (f) => `<link rel="preload" href="./${f}" as="fetch" type="application/geo+json" crossorigin="anonymous" />`,
      );
      return html.replace('</head>', `    ${links.join('\n    ')}\n  </head>`);
    },
  },
});

// base './' so the built app runs from any sub-path of an intranet server.
export default defineConfig({
  base: './',
  plugins: [svelte(), cspMeta(), preloadPlanData()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  assetsInclude: ['**/*.geojson', '**/*.pbf'],
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
