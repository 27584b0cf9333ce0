/**
 * Stage "tiles": the plan layers as two PMTiles archives the map reads by range requests, so that
 * a view costs the tiles it shows, not the whole corpus: `plan.pmtiles` (zones, corridors, sites;
 * zooms 6–14) and `plan-labels.pmtiles` (their label points and lines, zooms 11–14, where labels
 * show). A place thinned out of a zoomed-out tile is left out of its labels there too.
 */
import {
  LABEL_ZOOMS,
  TILE_LAYERS,
  TILE_ZOOMS,
  labelFeatures,
  tileFeatures,
  type TileLayer,
} from '../../src/lib/contracts/tiles.ts';
import type { PlaceFeature } from '../../src/lib/contracts/features.ts';
import { buildTileSet, TILE_BUDGET, type Budget, type TileSet } from '../tiles/tile-set.ts';
import { writeArchive } from '../tiles/pmtiles-writer.ts';

export interface Archives {
  plan: Uint8Array;
  labels: Uint8Array;
  /** One line per archive: tiles, bytes, places left out per zoom. */
  summary: string[];
}

const FIELDS = {
  id: 'String',
  kind: 'String',
  plans: 'String',
  themes: 'String',
  district: 'String',
  precision_m: 'Number',
  role: 'String',
};

function archive(
  set: TileSet,
  zooms: { minzoom: number; maxzoom: number },
  name: string,
  fields: Record<string, string>,
) {
  const [w, s, e, n] = set.bounds;
  return writeArchive(set.tiles, {
    ...zooms,
    bounds: set.bounds,
    center: [(w + e) / 2, (s + n) / 2, zooms.minzoom],
    tileCompression: 2,
    metadata: {
      name,
      format: 'pbf',
      type: 'overlay',
      generator: 'Plan Atlas pipeline (pipeline/stages/tiles.ts)',
      vector_layers: TILE_LAYERS.map((id) => ({ id, fields, ...zooms })),
    },
  });
}

const describe = (file: string, set: TileSet, bytes: number) => {
  const left = Object.entries(set.leftOut).map(([z, n]) => `z${z}: ${n}`);
  return `${file}: ${set.tiles.length} tiles, ${bytes} bytes; places thinned out: ${left.length ? left.join(', ') : 'none'}`;
};

export function buildArchives(layers: Record<TileLayer, PlaceFeature[]>, budget: Budget = TILE_BUDGET): Archives {
  const shapes = buildTileSet(tileFeatures(layers), { ...TILE_ZOOMS, budget });
  const labelSet = buildTileSet(labelFeatures(layers), { ...LABEL_ZOOMS, budget, shownFrom: shapes.shownFrom });
  const plan = archive(shapes, TILE_ZOOMS, 'Plan Atlas plan layers', FIELDS);
  const labels = archive(labelSet, LABEL_ZOOMS, 'Plan Atlas plan labels', { ...FIELDS, name: 'String' });
  return {
    plan,
    labels,
    summary: [describe('plan.pmtiles', shapes, plan.length), describe('plan-labels.pmtiles', labelSet, labels.length)],
  };
}
