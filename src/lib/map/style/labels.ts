/** Point labels under their symbol (stations, plan sites): one recipe for both layers. */
import type { LayerSpecification } from 'maplibre-gl';
import { FONT } from './theme.ts';

export function pointLabels(
  id: string,
  source: string,
  minzoom: number,
  size: number,
  paint: Record<string, unknown>,
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    minzoom,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': FONT,
      'text-size': size,
      'text-offset': [0, size / 10],
      'text-anchor': 'top',
      'text-optional': true,
    },
    paint,
  } as LayerSpecification;
}
