import { defineConfig } from 'vite';

// The load benchmark's baseline page (bench/baseline), built like the app: base './', no inlined assets.
export default defineConfig({
  root: 'bench/baseline',
  base: './',
  assetsInclude: ['**/*.geojson'],
  logLevel: 'warn',
  build: {
    outDir: '../../.tmp/bench-baseline',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
});
