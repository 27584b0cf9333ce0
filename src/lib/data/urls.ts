/**
 * URLs of the data files the app loads. Vite fingerprints them at build time; they are made
 * absolute because MapLibre fetches GeoJSON from its worker, whose base URL is the worker script.
 */
import districts from '../../../data/reference/districts.geojson?url';
import streets from '../../../data/reference/streets.geojson?url';
import water from '../../../data/reference/water.geojson?url';
import roads from '../../../data/reference/roads.geojson?url';
import metroLines from '../../../data/reference/metro-lines.geojson?url';
import metroStations from '../../../data/reference/metro-stations.geojson?url';
import streetNet from '../../../data/reference/street-net.geojson?url';
import type { ReferenceUrls } from '../map/style/basemap.ts';

export const absolute = (u: string): string => new URL(u, document.baseURI).href;

export function referenceUrls(): ReferenceUrls {
  return {
    districts: absolute(districts),
    streets: absolute(streets),
    water: absolute(water),
    roads: absolute(roads),
    metroLines: absolute(metroLines),
    metroStations: absolute(metroStations),
    streetNet: absolute(streetNet),
  };
}
