import type { ExpressionSpecification } from 'maplibre-gl';
import manifest from '../../../../data/geojson/manifest.json';
import type { Manifest } from '../../contracts/features.ts';

/** Colours of the built-in basemap and of the plan layers, kept apart from geometry logic. */
export const basemapTheme = {
  background: '#f4f1ea',
  land: '#efece4',
  districtFill: '#e8e4d8',
  planDistrictFill: '#fbf3dc',
  districtLine: '#9a8f7a',
  planDistrictLine: '#7a5c1e',
  streetLine: '#b8ad98',
  water: '#a9cfe6',
  waterLine: '#7fb3d5',
  road: '#ffffff',
  roadCasing: '#d3c9b6',
  expressRoad: '#fde8b0',
  label: '#3b3b3b',
  labelHalo: '#ffffff',
  districtLabel: '#5b4a2a',
  waterLabel: '#2f6f99',
} as const;

/** One colour per plan: plans.json's, written into the (bundled) manifest by the pipeline. */
export const planColours: Record<string, string> = (manifest as unknown as Manifest).plan_colours ?? {};

export const FONT = ['Noto Sans CJK SC', 'sans-serif'];

/** One colour per theme (used when the user colours by theme); places with no theme are grey. */
export const themeColours: Record<string, string> = {
  商贸: '#e69f00',
  文化旅游: '#cc79a7',
  科技创新: '#0072b2',
  民生: '#009e73',
  生态: '#4d9221',
  交通: '#555555',
  城市更新: '#d55e00',
  产业: '#8c564b',
};
export const NO_THEME_COLOUR = '#888888';

/**
 * A fixed colour written as a per-feature expression. Plan layers take their colour from each
 * feature, so their WebGL programs read colour per vertex; basemap layers written this way reuse
 * those programs instead of compiling constant-colour variants, each of which costs ~50 ms before
 * the first frame with software WebGL (bench/README.md).
 */
export const perFeature = (colour: string): ExpressionSpecification => [
  'to-color',
  ['coalesce', ['get', 'paint-colour'], colour],
];

/** A fixed opacity written as a per-feature expression, for the same reason as `perFeature`. */
export const perFeatureOpacity = (opacity: number): ExpressionSpecification => [
  'to-number',
  ['coalesce', ['get', 'paint-opacity'], opacity],
];
