/**
 * The plan layers as data: zones as fills with outlines, corridors as wide lines over their
 * buffered area, sites as circles, and a shaded circle of the true radius wherever a location is
 * only known to within more than UNCERTAIN_M metres (drawn hollow, never as an exact pin). They
 * draw the source layers of the plan tiles (plan-sources.ts; properties in contracts/tiles.ts).
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { planColours, themeColours, NO_THEME_COLOUR, FONT } from './theme.ts';
import { ordered } from '../zorder.ts';
import { pointLabels } from './labels.ts';
import { UNCERTAIN_M } from '../../contracts/features.ts';
import { CONTEXT_KINDS, type TileLayer } from '../../contracts/tiles.ts';

export { UNCERTAIN_M };

/**
 * Screen pixels per metre at zoom 0 at Tianjin's latitude (39.1°N; 512-pixel world at zoom 0).
 * With base-2 exponential interpolation over zoom, a circle radius of precision_m × this is the
 * true ground radius at every zoom (within ±1.5% across the municipality's latitudes).
 */
export const PX_PER_M_Z0 = 512 / (40_075_016.686 * Math.cos((39.1 * Math.PI) / 180));

/** A circle-radius of the feature's precision_m on the ground, at every zoom. */
export const PRECISION_RADIUS: ExpressionSpecification = [
  'interpolate',
  ['exponential', 2],
  ['zoom'],
  0,
  ['*', ['get', 'precision_m'], PX_PER_M_Z0],
  22,
  ['*', ['get', 'precision_m'], PX_PER_M_Z0 * 2 ** 22],
];

export type ColourBy = 'plan' | 'theme';

/**
 * Colour of a feature by its first plan (or first theme): a `match` over the first value of the
 * property's `|a|b|` list (contracts/tiles.ts).
 */
function colourOf(prop: 'plans' | 'themes', colours: Record<string, string>): ExpressionSpecification {
  const list = ['to-string', ['get', prop]];
  const end = ['index-of', '|', list, 1];
  return [
    'match',
    ['case', ['>=', end, 1], ['slice', list, 1, end], ''],
    ...Object.entries(colours).flat(),
    NO_THEME_COLOUR,
  ] as unknown as ExpressionSpecification;
}

export const colourExpression = (by: ColourBy): ExpressionSpecification =>
  by === 'theme' ? colourOf('themes', themeColours) : colourOf('plans', planColours);

/**
 * An opacity that drops to 0 for features the filters hide (feature state `hidden`, set by
 * plan-view.ts): hiding by state needs no re-layout, unlike a layer filter.
 */
const shown = (opacity: number): ExpressionSpecification => [
  'case',
  ['boolean', ['feature-state', 'hidden'], false],
  0,
  opacity,
];

// Labels vanish with their feature at once (state); the label filter then frees their room.
const LABEL_PAINT = {
  'text-color': '#1f2a30',
  'text-halo-color': '#ffffff',
  'text-halo-width': 1.5,
  'text-opacity': shown(1),
};

const CONTEXT: ExpressionSpecification = ['in', ['get', 'kind'], ['literal', CONTEXT_KINDS]];

/** The map sources of the plan tiles (plan-sources.ts): shapes, and labels (from zoom 11). */
export const PLAN_SOURCE = 'plan';
export const LABEL_SOURCE = 'plan-labels';

/** The source and source layer of a plan layer's features. */
const shapes = (layer: TileLayer) => ({ source: PLAN_SOURCE, 'source-layer': layer });
const labels = (layer: TileLayer) => ({ source: LABEL_SOURCE, 'source-layer': layer });

/** A label layer's own filter, narrowed to what the app's filters leave (`only`, null for all). */
export function labelFilter(
  base: FilterSpecification | undefined,
  only: FilterSpecification | null,
): FilterSpecification | null {
  return base && only ? (['all', base, only] as FilterSpecification) : (only ?? base ?? null);
}

/** The plan layers, coloured `by` plan or theme, their labels narrowed to `only` (explore/filters.ts). */
export function planLayers(by: ColourBy = 'plan', only: FilterSpecification | null = null): LayerSpecification[] {
  const planColour = colourExpression(by);
  // Fills have no antialiasing outline (the line layers draw the edges): one WebGL program fewer
  // to compile before the first frame.
  const zoneFill = (id: string, filter: FilterSpecification, opacity: number): LayerSpecification => ({
    id,
    type: 'fill',
    ...shapes('zones'),
    filter,
    paint: { 'fill-color': planColour, 'fill-opacity': shown(opacity), 'fill-antialias': false },
  });
  const narrowed = (l: LayerSpecification): LayerSpecification => {
    if (l.type !== 'symbol' || !only) return l;
    return { ...l, filter: labelFilter(l.filter, only)! };
  };
  return ordered<LayerSpecification>([
    // A plan's whole district or street, or a river the basemap already draws, is context: only tinted.
    zoneFill('plan-admin-fill', CONTEXT, 0.05),
    zoneFill('plan-zones-fill', ['!', CONTEXT], 0.22),
    {
      id: 'plan-zones-line',
      type: 'line',
      ...shapes('zones'),
      // The river's banks are the basemap's: outlining them in one plan's colour would misattribute it.
      filter: ['!=', ['get', 'kind'], 'river'],
      paint: { 'line-color': planColour, 'line-width': 2, 'line-opacity': shown(1) },
    },
    {
      id: 'plan-corridors-buffer',
      type: 'fill',
      ...shapes('corridors'),
      filter: ['==', ['get', 'role'], 'buffer'],
      paint: { 'fill-color': planColour, 'fill-opacity': shown(0.15), 'fill-antialias': false },
    },
    {
      id: 'plan-corridors',
      type: 'line',
      ...shapes('corridors'),
      filter: ['!=', ['get', 'role'], 'buffer'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': planColour,
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, 3, 15, 9],
        'line-opacity': shown(0.8),
      },
    },
    {
      id: 'plan-sites',
      type: 'circle',
      ...shapes('sites'),
      paint: {
        'circle-color': ['case', ['>', ['get', 'precision_m'], UNCERTAIN_M], '#ffffff', planColour],
        'circle-stroke-color': planColour,
        'circle-stroke-width': 2,
        'circle-opacity': shown(1),
        'circle-stroke-opacity': shown(1),
        // A rough (hollow) dot a little smaller than an exact one.
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          9,
          ['case', ['>', ['get', 'precision_m'], UNCERTAIN_M], 3.5, 4],
          15,
          ['case', ['>', ['get', 'precision_m'], UNCERTAIN_M], 7, 8],
        ],
      },
    },
    {
      id: 'plan-corridor-labels',
      type: 'symbol',
      ...labels('corridors'),
      minzoom: 12,
      filter: ['!=', ['get', 'role'], 'buffer'],
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'name'],
        'text-font': FONT,
        'text-size': 12,
      },
      paint: LABEL_PAINT,
    },
    {
      id: 'plan-zone-labels',
      type: 'symbol',
      ...labels('zones'),
      minzoom: 12,
      // The basemap labels the river once along its course; a label per polygon part would repeat it.
      filter: ['!', CONTEXT],
      layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 12, 'text-max-width': 8 },
      paint: LABEL_PAINT,
    },
    { ...pointLabels('plan-labels', LABEL_SOURCE, 11, 12, LABEL_PAINT), 'source-layer': 'sites' } as LayerSpecification,
  ]).map(narrowed);
}
