/** Metro stations for near-me, loaded from the reference data only when the user opens the chooser. */
import type { FeatureCollection, Point } from 'geojson';
import { referenceUrls } from '../data/urls.ts';
import { zhCompare } from '../i18n/collate.ts';

export interface Station {
  name: string;
  lines: string[];
  at: [number, number];
}

let stations: Promise<Station[]> | null = null;

export function loadStations(): Promise<Station[]> {
  stations ??= fetch(referenceUrls().metroStations)
    .then((r) => {
      if (!r.ok) throw new Error(`metro-stations.geojson: HTTP ${r.status}`);
      return r.json() as Promise<FeatureCollection<Point, { name: string; lines: string[] }>>;
    })
    .then((fc) => {
      const seen = new Set<string>();
      return fc.features
        .filter((f) => !seen.has(f.properties.name) && seen.add(f.properties.name))
        .map((f) => ({
          name: f.properties.name,
          lines: [...new Set(f.properties.lines)],
          at: f.geometry.coordinates as [number, number],
        }))
        .sort((a, b) => zhCompare(a.name, b.name));
    });
  return stations;
}
