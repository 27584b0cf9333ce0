/** The reference data the locate stage anchors positions on (all WGS-84, from data/reference/). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, LineString, Point } from 'geojson';

/** A bus line's stops in travel order: [name, lon, lat]. */
export type LineStops = [string, number, number][];

export interface Reference {
  stops: Feature<Point, { name: string }>[];
  stations: Feature<Point, { name: string; lines: string[] }>[];
  centres: Feature<Point, { name: string; level: string; town: string; county: string }>[];
  districts: Feature<Geometry, { name: string }>[];
  metroLines: Feature<Geometry, { name: string; ref: string }>[];
  roads: Feature<Geometry, { name: string }>[];
  water: Feature<Geometry, { name: string; kind: string }>[];
  streets: Feature<Geometry, { name: string; district: string; rough?: boolean }>[];
  schools: Feature<Point, { name: string; district: string; level: string }>[];
  busLines: Record<string, LineStops>;
  traces: Feature<LineString, { trace: number }>[];
}

export function loadReference(dir: string): Reference {
  const read = <T>(f: string) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as FeatureCollection).features as T;
  return {
    stops: read('bus-stops.geojson'),
    stations: read('metro-stations.geojson'),
    centres: read('admin-centres.geojson'),
    // Label points (for the basemap) share the file; the outlines are what places are built from.
    districts: read<Feature<Geometry, { name: string; kind?: string }>[]>('districts.geojson').filter(
      (f) => f.properties.kind !== 'label',
    ),
    metroLines: read('metro-lines.geojson'),
    roads: read('roads.geojson'),
    water: read('water.geojson'),
    streets: read('streets.geojson'),
    schools: read('schools.geojson'),
    busLines: JSON.parse(readFileSync(join(dir, 'bus-lines.json'), 'utf8')) as Record<string, LineStops>,
    traces: read('bus-traces.geojson'),
  };
}
