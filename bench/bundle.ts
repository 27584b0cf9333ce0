/**
 * Sizes (gzip -9): what the first view loads (entry JS + CSS from index.html, the worker) against
 * maplibre-gl's own distribution files, the lazy chunks, and the data the first view fetches.
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
  // What the first view fetches: the plan layers, their manifest, plans.json and the basemap data.
  const dataFiles = assets.filter((f) =>
    /^(zones|corridors|sites|manifest|plans|districts|streets|water|roads|metro-lines|metro-stations)-[\w-]+\.(geojson|json)$/.test(
      f,
    ),
  );
  const data = dataFiles.reduce((s, f) => s + gz(join('dist/assets', f)), 0);
  const added = firstView - ml;
  console.log(`bundle: first view ${entry.concat(worker).join(', ')}; lazy: ${lazy.join('; ')}`);
  return [
    { what: 'first-view JS + CSS + worker (gzip)', value: kb(firstView), budget: '', ok: true },
    { what: 'maplibre-gl main + worker + css (gzip)', value: kb(ml), budget: '', ok: true },
    { what: 'app on top of maplibre-gl, first view', value: kb(added), budget: '≤ 150 KB', ok: added <= 150 * 1024 },
    {
      what: `initial data, ${dataFiles.length} files (gzip)`,
      value: kb(data),
      budget: '≤ 400 KB',
      ok: data <= 400 * 1024,
    },
    { what: 'lazy chunks (reader, search, export, embed, pinyin)', value: lazy.join('; '), budget: 'lazy', ok: true },
  ];
}
