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

// base './' so the built app runs from any sub-path of an intranet server.
export default defineConfig({
  base: './',
  plugins: [svelte(), cspMeta()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  assetsInclude: ['**/*.geojson', '**/*.pbf'],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    assetsInlineLimit: 0,
  },
  server: { host: '127.0.0.1' },
});
