import { defineConfig } from 'vite';

// embed.js, the host pages' script: one classic (IIFE) file next to index.html, no hash in its name.
export default defineConfig({
  build: {
    lib: { entry: 'src/embed/host.ts', name: 'PlanAtlasEmbed', formats: ['iife'], fileName: () => 'embed.js' },
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2019',
  },
});
