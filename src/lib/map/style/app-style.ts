/**
 * The map's style at start: the offline basemap and the plan layers, by URL, in one style so that
 * the first frame has both. The overlays (selection, near me) are added when first used
 * (plan-view.ts). Pure, so the unit tests validate exactly what the map is given.
 */
import type { FilterSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { basemapStyle, type ReferenceUrls } from './basemap.ts';
import { planLayers, type ColourBy } from './plan-layers.ts';
import { ordered } from '../zorder.ts';

export function appStyle(
  urls: ReferenceUrls,
  planSources: Record<string, SourceSpecification>,
  colour: ColourBy,
  labelsOnly: FilterSpecification | null = null,
): StyleSpecification {
  const base = basemapStyle(urls);
  return {
    ...base,
    sources: { ...base.sources, ...planSources },
    layers: ordered([...base.layers, ...planLayers(colour, labelsOnly)]),
  };
}
