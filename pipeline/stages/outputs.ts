/**
 * Stage "outputs": everything data/geojson holds that is made from the built layers — the complete
 * GeoJSON layer files, the tile archives, the place index, the detail files and the manifest. The
 * CLI adds the outlines and the report; the scale benchmark (bench/scale.ts) runs this stage on
 * multiplied layers, so it measures what the pipeline makes.
 */
import { join } from 'node:path';
import { SCHEMA_VERSION, type DatasetInfo, type Manifest } from '../../src/lib/contracts/features.ts';
import { featureExtent, roundBox, unionBox } from '../../src/lib/contracts/extent.ts';
import { LABEL_ZOOMS, TILE_ZOOMS } from '../../src/lib/contracts/tiles.ts';
import { validateDetailFile, validatePlaceIndex } from '../../src/lib/contracts/validate.ts';
import { buildArchives } from './tiles.ts';
import { buildPlaces } from './places.ts';
import type { Layers } from './build.ts';
import { PipelineError } from '../errors.ts';
import { json, type OutFile } from '../write.ts';

export const LAYER_FILES = ['zones.geojson', 'corridors.geojson', 'sites.geojson', 'unlocated.geojson'] as const;
export const TILE_FILES = { plan: 'plan.pmtiles', labels: 'plan-labels.pmtiles' } as const;
export const INDEX_FILE = 'places.json';
export const DETAILS_DIR = 'details';

export interface OutputMeta {
  planOrder: string[];
  planColours: Record<string, string>;
  datasets: Record<string, DatasetInfo>;
}

export function dataFiles(layers: Layers, meta: OutputMeta, outDir: string): { files: OutFile[]; summary: string[] } {
  const byFile = {
    'zones.geojson': layers.zones,
    'corridors.geojson': layers.corridors,
    'sites.geojson': layers.sites,
    'unlocated.geojson': layers.unlocated,
  };
  const archives = buildArchives({ zones: layers.zones, corridors: layers.corridors, sites: layers.sites });
  const { index, details } = buildPlaces(layers, meta.planOrder);
  // What the app will load is checked with the app's own checks before it is written.
  const problems = [
    ...validatePlaceIndex(index, INDEX_FILE, SCHEMA_VERSION),
    ...[...details].flatMap(([name, d]) => validateDetailFile(d, name)),
  ];
  if (problems.length) throw new PipelineError(`place index: ${problems.slice(0, 5).join('; ')}`);

  const all = [...layers.zones, ...layers.corridors, ...layers.sites];
  const listed = [...all, ...layers.unlocated];
  const manifest: Manifest = {
    schema_version: SCHEMA_VERSION,
    bbox: roundBox(unionBox(all.map(featureExtent))),
    plans: meta.planOrder,
    plan_colours: meta.planColours,
    layers: Object.entries(byFile).map(([file, fs]) => ({ file, count: fs.length })),
    counts: Object.fromEntries(
      ['site', 'corridor', 'area', 'road', 'river', 'rail', 'station', 'admin'].map((k) => [
        k,
        listed.filter((f) => f.properties.kind === k && !('role' in f.properties && f.properties.role === 'buffer'))
          .length,
      ]),
    ),
    datasets: meta.datasets,
    tiles: [
      { file: TILE_FILES.plan, ...TILE_ZOOMS },
      { file: TILE_FILES.labels, ...LABEL_ZOOMS },
    ],
    index: { file: INDEX_FILE, places: index.places.length, detail_files: details.size },
  };
  const files: OutFile[] = [
    ...Object.entries(byFile).map(([f, features]) => ({
      path: join(outDir, f),
      content: JSON.stringify({ type: 'FeatureCollection', features }) + '\n',
    })),
    { path: join(outDir, TILE_FILES.plan), content: archives.plan },
    { path: join(outDir, TILE_FILES.labels), content: archives.labels },
    { path: join(outDir, INDEX_FILE), content: JSON.stringify(index) + '\n' },
    ...[...details].map(([name, d]) => ({ path: join(outDir, DETAILS_DIR, name), content: JSON.stringify(d) })),
    { path: join(outDir, 'manifest.json'), content: json(manifest) },
  ];
  const summary = [...archives.summary, `${INDEX_FILE}: ${index.places.length} places; ${details.size} detail files`];
  return { files, summary };
}
