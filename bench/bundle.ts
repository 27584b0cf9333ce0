/**
 * Sizes (gzip -9): what the first view loads (entry JS + CSS from index.html, the worker) against
 * maplibre-gl's own distribution files, the lazy chunks, the data files the first view fetches
 * whole, and the plan data fetched after it (the place index, the detail files). The plan tiles of
 * the first view are read by range requests: bench/scale measures what a first view fetches.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp, fmt, type Line } from './lib.ts';

const gz = (path: string): number => gzipSync(readFileSync(path), { level: 9 }).length;
const kb = (n: number) => `${fmt(n / 1024)} KB`;

export function benchBundle(): Line[] {
  buildApp();
  const html = readFileSync('dist/index.html', 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => join('dist', m[1]!));
  const assets = readdirSync('dist/assets');
  const worker = assets.filter((f) => /^maplibre-gl-worker-.*\.mjs$/.test(f)).map((f) => join('dist/assets', f));
  const firstView = [...entry, ...worker].reduce((s, f) => s + gz(f), 0);
  const ml = ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css'].reduce(
    (s, f) => s + gz(join('node_modules/maplibre-gl/dist', f)),
    0,
  );
  const lazy = assets
    .filter((f) => /\.(js|css)$/.test(f) && !entry.includes(join('dist/assets', f)))
    .map((f) => `${f.replace(/-[\w-]{8}\./, '.')} ${kb(gz(join('dist/assets', f)))}`);
  // What the first view fetches whole: plans.json and the basemap data (the plan tiles by range).
  const dataFiles = assets.filter((f) =>
    /^(plans|districts|streets|water|roads|metro-lines|metro-stations)-[\w-]+\.(geojson|json)$/.test(f),
  );
  const data = dataFiles.reduce((s, f) => s + gz(join('dist/assets', f)), 0);
  // Fetched after the first view: the place index, and a detail file when a place is opened.
  const index = assets.filter((f) => /^places-[\w-]+\.json$/.test(f)).map((f) => gz(join('dist/assets', f)));
  const details = readdirSync('dist/assets/details').map((f) => gz(join('dist/assets/details', f)));
  const added = firstView - ml;
  console.log(`bundle: first view ${entry.concat(worker).join(', ')}; lazy: ${lazy.join('; ')}`);
  return [
    { what: 'first-view JS + CSS + worker (gzip)', value: kb(firstView), budget: '', ok: true },
    { what: 'maplibre-gl main + worker + css (gzip)', value: kb(ml), budget: '', ok: true },
    { what: 'app on top of maplibre-gl, first view', value: kb(added), budget: '≤ 150 KB', ok: added <= 150 * 1024 },
    {
      what: `initial data fetched whole, ${dataFiles.length} files (gzip; plan tiles: bench/scale)`,
      value: kb(data),
      budget: '≤ 400 KB',
      ok: data <= 400 * 1024,
    },
    {
      what: 'after the first view: place index; largest detail file (gzip)',
      value: `${kb(index.reduce((a, b) => a + b, 0))}; ${kb(Math.max(...details))}`,
      budget: 'lazy',
      ok: true,
    },
    { what: 'lazy chunks (reader, search, export, embed, pinyin)', value: lazy.join('; '), budget: 'lazy', ok: true },
  ];
}
