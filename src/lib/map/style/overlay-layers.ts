/** Layers over the plan layers: the selected / hovered place, and the near-me circle. */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { ordered } from '../zorder.ts';
import { PRECISION_RADIUS } from './plan-layers.ts';
import { UNCERTAIN_M } from '../../contracts/features.ts';

export const HIGHLIGHT_SOURCE = 'plan-highlight';
export const NEAR_SOURCE = 'near';

export const overlaySources = (): Record<string, SourceSpecification> => ({
  [HIGHLIGHT_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
  [NEAR_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
});

const isSelected = ['==', ['get', 'state'], 'selected'] as ExpressionSpecification;

export function overlayLayers(): LayerSpecification[] {
  return ordered<LayerSpecification>([
    {
      id: 'plan-selected',
      type: 'line',
      source: HIGHLIGHT_SOURCE,
      filter: ['!=', ['geometry-type'], 'Point'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': ['case', isSelected, '#111111', '#f2c14e'],
        'line-width': ['case', isSelected, 4, 3],
        'line-opacity': 0.9,
      },
    },
    {
      // Where the selected or hovered rough place may be: its circle, filled.
      id: 'plan-selected-uncertainty',
      type: 'circle',
      source: HIGHLIGHT_SOURCE,
      filter: ['all', ['==', ['geometry-type'], 'Point'], ['>', ['get', 'precision_m'], UNCERTAIN_M]],
      paint: {
        'circle-radius': PRECISION_RADIUS,
        'circle-color': ['case', isSelected, '#111111', '#f2c14e'],
        'circle-opacity': ['case', isSelected, 0.1, 0.18],
        'circle-pitch-alignment': 'map',
      },
    },
    {
      id: 'plan-selected-point',
      type: 'circle',
      source: HIGHLIGHT_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 12,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': ['case', isSelected, '#111111', '#f2c14e'],
        'circle-stroke-width': 3,
      },
    },
    {
      id: 'near-circle',
      type: 'line',
      source: NEAR_SOURCE,
      filter: ['!=', ['geometry-type'], 'Point'],
      paint: { 'line-color': '#0f4c5c', 'line-width': 2, 'line-dasharray': [2, 1.5] },
    },
    {
      id: 'near-centre',
      type: 'circle',
      source: NEAR_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 6,
        'circle-color': '#0f4c5c',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
  ]);
}
