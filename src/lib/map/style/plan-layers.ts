/**
 * The plan layers as data: zones as fills with outlines, corridors as wide lines over their
 * buffered area, sites as circles, and a dashed uncertainty circle wherever a location is only
 * known to within more than UNCERTAIN_M metres (never drawn as an exact pin).
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { planColours, themeColours, NO_THEME_COLOUR, FONT } from './theme.ts';
import { ordered } from '../zorder.ts';

export const UNCERTAIN_M = 300;

export type ColourBy = 'plan' | 'theme';

/** Colour of a feature by its first plan (or first theme): a `match` over the property's first value. */
function colourOf(prop: 'plans' | 'themes', colours: Record<string, string>): ExpressionSpecification {
  return [
    'match',
    ['to-string', ['case', ['>', ['length', ['array', ['get', prop]]], 0], ['at', 0, ['array', ['get', prop]]], '']],
    ...Object.entries(colours).flat(),
    NO_THEME_COLOUR,
  ] as unknown as ExpressionSpecification;
}

export const colourExpression = (by: ColourBy): ExpressionSpecification =>
  by === 'theme' ? colourOf('themes', themeColours) : colourOf('plans', planColours);

export function planLayers(by: ColourBy = 'plan'): LayerSpecification[] {
  const planColour = colourExpression(by);
  return ordered<LayerSpecification>([
    {
      id: 'plan-zones-fill',
      type: 'fill',
      source: 'plan-zones',
      // A plan's whole district or street is context, so it is only tinted.
      paint: { 'fill-color': planColour, 'fill-opacity': ['case', ['==', ['get', 'kind'], 'admin'], 0.05, 0.22] },
    },
    { id: 'plan-zones-line', type: 'line', source: 'plan-zones', paint: { 'line-color': planColour, 'line-width': 2 } },
    {
      id: 'plan-corridors-buffer',
      type: 'fill',
      source: 'plan-corridors',
      filter: ['==', ['get', 'role'], 'buffer'],
      paint: { 'fill-color': planColour, 'fill-opacity': 0.15 },
    },
    {
      id: 'plan-corridors',
      type: 'line',
      source: 'plan-corridors',
      filter: ['!=', ['get', 'role'], 'buffer'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': planColour,
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, 3, 15, 9],
        'line-opacity': 0.8,
      },
    },
    {
      id: 'plan-uncertainty',
      type: 'fill',
      source: 'plan-uncertainty',
      paint: { 'fill-color': planColour, 'fill-opacity': 0.08, 'fill-outline-color': planColour },
    },
    {
      id: 'plan-uncertainty-line',
      type: 'line',
      source: 'plan-uncertainty',
      paint: { 'line-color': planColour, 'line-width': 1.5, 'line-dasharray': [3, 2] },
    },
    {
      id: 'plan-sites',
      type: 'circle',
      source: 'plan-sites',
      paint: {
        'circle-color': ['case', ['>', ['get', 'precision_m'], UNCERTAIN_M], '#ffffff', planColour],
        'circle-stroke-color': planColour,
        'circle-stroke-width': 2,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 4, 15, 8],
      },
    },
    {
      id: 'plan-corridor-labels',
      type: 'symbol',
      source: 'plan-corridors',
      minzoom: 12,
      filter: ['!=', ['get', 'role'], 'buffer'],
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'name'],
        'text-font': FONT,
        'text-size': 12,
      },
      paint: { 'text-color': '#1f2a30', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    {
      id: 'plan-zone-labels',
      type: 'symbol',
      source: 'plan-zones',
      minzoom: 12,
      filter: ['!=', ['get', 'kind'], 'admin'],
      layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 12, 'text-max-width': 8 },
      paint: { 'text-color': '#1f2a30', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    {
      id: 'plan-labels',
      type: 'symbol',
      source: 'plan-sites',
      minzoom: 11,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT,
        'text-size': 12,
        'text-offset': [0, 1.2],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: { 'text-color': '#1f2a30', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
  ]);
}
