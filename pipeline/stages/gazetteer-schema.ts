/**
 * The schema of data/gazetteer/places.json: one shape per geometry recipe, so a bad entry is refused
 * with its id, the field and the rule (valibot). The types are in src/lib/contracts/gazetteer.ts.
 */
import * as v from 'valibot';
import { FEATURE_KINDS } from '../../src/lib/contracts/features.ts';

const Text = v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'must not be empty'));
const Metres = v.pipe(v.number('must be a number of metres'), v.minValue(1, 'must be a positive number of metres'));
const Km = v.pipe(v.number('must be a number'), v.minValue(0.001, 'must be positive'));

/** Evidence is read in the interface's language: each entry says it in Chinese and in English. */
const Said = v.strictObject(
  { zh: v.pipe(Text, v.regex(/\p{Script=Han}/u, 'evidence.zh must be written in Chinese')), en: Text },
  'evidence must be { zh, en }: the reason in Chinese and in English',
);

const LngLat = v.tuple([
  v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
  v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
]);

const PositionRef = v.union(
  [
    v.strictObject({ stop: Text }),
    v.strictObject({ station: Text }),
    v.strictObject({ centre: Text }),
    v.strictObject({
      lnglat: LngLat,
      note: v.pipe(Text, v.minLength(8, 'a typed coordinate needs a note citing its source')),
    }),
  ],
  'must be { stop }, { station }, { centre } or { lnglat, note }',
);

const Corridor = {
  cut_km: v.optional(Km),
  buffer_from_area: v.optional(v.boolean()),
  buffer_m: v.optional(Metres),
};

const GeometrySpec = v.variant(
  'type',
  [
    v.strictObject({ type: v.literal('point'), at: PositionRef }),
    v.strictObject({ type: v.literal('centroid'), town: Text }),
    v.strictObject({
      type: v.literal('polygon'),
      vertices: v.pipe(v.array(PositionRef), v.minLength(3, 'a polygon needs at least 3 vertices')),
    }),
    v.strictObject({ type: v.literal('district'), name: Text }),
    v.strictObject({ type: v.literal('water'), name: Text }),
    v.strictObject({ type: v.literal('metro-segment'), line: Text, from: Text, to: Text, ...Corridor }),
    v.strictObject({ type: v.literal('metro-line'), line: Text, buffer_m: v.optional(Metres) }),
    v.strictObject({ type: v.literal('district-bank'), district: Text, within_m: Metres, ...Corridor }),
    v.strictObject({ type: v.literal('road'), name: Text, start: v.optional(PositionRef), ...Corridor }),
    v.strictObject({
      type: v.literal('line'),
      vertices: v.pipe(v.array(PositionRef), v.minLength(2, 'a line needs at least 2 vertices')),
      buffer_m: v.optional(Metres),
    }),
    v.strictObject({ type: v.literal('enclosure') }),
    v.strictObject({ type: v.literal('within'), entry: Text }),
  ],
  (issue) => `unknown geometry recipe "${String(issue.input)}"`,
);

export const GazetteerEntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'id must be lower-case a-z, 0-9 and -')),
  name: Text,
  aliases: v.array(Text),
  kind: v.picklist(FEATURE_KINDS, (issue) => `unknown kind "${String(issue.input)}"`),
  district: Text,
  themes: v.array(Text),
  geometry: GeometrySpec,
  precision_m: Metres,
  evidence: v.pipe(v.array(Said, 'missing evidence'), v.minLength(1, 'missing evidence')),
  figures: v.optional(v.strictObject({ area_km2: v.optional(Km), length_km: v.optional(Km), mu: v.optional(Km) })),
  enclosed_by: v.optional(v.pipe(v.array(Text), v.minLength(3, 'enclosed_by must list at least 3 road names'))),
  fallback: v.optional(GeometrySpec),
  fallback_precision_m: v.optional(Metres),
  fallback_evidence: v.optional(v.pipe(v.array(Said), v.minLength(1, 'missing evidence'))),
});

export const OutOfScopeSchema = v.array(v.strictObject({ name: Text, reason: Text }));
