/**
 * The app and the bare MapLibre page built over a multiplied corpus (scale-data.ts), in
 * .tmp/scale/x<times>/: `geojson/` (what `npm run data` would publish), `app/` and `bare/`. With
 * BENCH_SKIP_BUILD=1 what an earlier run left of the same scale (its data, its builds) is used as it is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Manifest } from '../src/lib/contracts/features.ts';
import { fmt } from './lib.ts';
import { writeScaledData } from './scale-data.ts';

export interface ScaledBuild {
  app: string;
  bare: string;
  /** Map features (zones, corridor parts, sites) and places (located or not). */
  features: number;
  places: number;
}

const ROOT = '.tmp/scale';
const QUIET = { stdio: ['ignore', 'ignore', 'inherit'] as ['ignore', 'ignore', 'inherit'] };

function counts(dir: string): { features: number; places: number; bbox: number[] } {
  const m = JSON.parse(readFileSync(join(dir, 'geojson', 'manifest.json'), 'utf8')) as Manifest;
  const features = m.layers.filter((l) => l.file !== 'unlocated.geojson').reduce((n, l) => n + l.count, 0);
  return { features, places: m.index.places, bbox: m.bbox };
}

/** `what`: the app only (bench/interaction) or the app and the bare page (bench/scale). */
export function buildScaled(times: number, what: 'app' | 'both' = 'both'): ScaledBuild {
  const dir = resolve(ROOT, `x${times}`);
  const out = { app: join(dir, 'app'), bare: join(dir, 'bare') };
  const skip = process.env.BENCH_SKIP_BUILD === '1';
  const built = existsSync(join(out.app, 'index.html')) && (what === 'app' || existsSync(join(out.bare, 'index.html')));
  if (skip && built) return { ...out, ...counts(dir) };
  mkdirSync(dir, { recursive: true });
  let t = performance.now();
  if (!skip || !existsSync(join(dir, 'geojson', 'manifest.json'))) {
    writeScaledData(times, join(dir, 'geojson'));
    console.log(`scale ×${times}: data ${fmt((performance.now() - t) / 1000)} s`);
  }
  t = performance.now();
  const { bbox, ...n } = counts(dir);
  const env = { ...process.env, PLAN_ATLAS_DATA: join(dir, 'geojson') };
  execFileSync('npx', ['vite', 'build', '--outDir', out.app, '--emptyOutDir', '--logLevel', 'warn'], { ...QUIET, env });
  if (what === 'both')
    execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.baseline.config.ts'], {
      ...QUIET,
      env: { ...env, BASELINE_OUT: out.bare, BASELINE_BOUNDS: JSON.stringify(bbox) },
    });
  console.log(`scale ×${times}: builds ${fmt((performance.now() - t) / 1000)} s`);
  return { ...out, ...n };
}
