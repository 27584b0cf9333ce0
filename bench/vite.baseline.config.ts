import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The load benchmark's baseline page (bench/baseline), built like the app: base './', no inlined
 * assets. bench/scale.ts builds it over its multiplied data (PLAN_ATLAS_DATA, as for the app) and
 * its own output folder, framed like the app's first view (BASELINE_BOUNDS, padding 40).
 */
const dataDir = process.env.PLAN_ATLAS_DATA ? resolve(process.env.PLAN_ATLAS_DATA) : null;
const view = process.env.BASELINE_BOUNDS
  ? { bounds: JSON.parse(process.env.BASELINE_BOUNDS) as number[], padding: 40 }
  : { bounds: [117.1, 38.98, 117.75, 39.25], padding: 0 };

export default defineConfig({
  root: 'bench/baseline',
  base: './',
  define: { __BASELINE_VIEW__: JSON.stringify(view) },
  resolve: { alias: dataDir ? [{ find: /^(?:\.\.\/)+data\/geojson\//, replacement: `${dataDir}/` }] : [] },
  assetsInclude: ['**/*.geojson'],
  logLevel: 'warn',
  build: {
    outDir: resolve(process.env.BASELINE_OUT ?? '.tmp/bench-baseline'),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
});
