/**
 * The street network of the offline basemap is fetched the first time the map is zoomed in to
 * streets, not with the first view (it outweighs every other basemap file together).
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { STREET_NET_MINZOOM } from './style/basemap.ts';
import { inCurrentCrs, registerOverlay } from './basemap-switch.ts';

export const STREET_NET_SOURCE = 'ref-street-net';

export function loadStreetNetWhenClose(map: MapLibreMap, url: string): void {
  let asked = false;
  const check = () => {
    if (asked || map.getZoom() < STREET_NET_MINZOOM - 0.5) return;
    asked = true;
    map.off('moveend', check);
    // Registered now, so a later switch to a GCJ-02 basemap shifts it with the other overlays.
    registerOverlay(STREET_NET_SOURCE, url);
    void inCurrentCrs(url).then((data) => map.getSource<GeoJSONSource>(STREET_NET_SOURCE)?.setData(data));
  };
  map.on('moveend', check);
  map.once('load', check);
}
