/**
 * Every map layer id, bottom to top. Layers are added in this order; `beforeId` finds the layer a
 * new one must go under, and throws on an id that is not registered, so a typo fails loudly.
 */
export const LAYER_ORDER = [
  'background',
  'online-base',
  'online-labels',
  'districts-fill',
  'water-area',
  'water-line',
  'streets-line',
  'street-net-casing',
  'street-net',
  'roads-casing',
  'roads',
  'districts-line',
  'plan-districts-line',
  'metro-lines',
  'metro-stations',
  'plan-admin-fill',
  'plan-zones-fill',
  'plan-zones-line',
  'plan-corridors-buffer',
  'plan-corridors',
  'plan-sites',
  'plan-selected-uncertainty',
  'plan-selected',
  'plan-selected-point',
  'near-circle',
  'near-centre',
  'street-net-label',
  'roads-label',
  'water-label',
  'water-area-label',
  'metro-stations-label',
  'districts-label',
  'plan-corridor-labels',
  'plan-zone-labels',
  'plan-labels',
] as const;

export type LayerId = (typeof LAYER_ORDER)[number];

export function assertLayerId(id: string): LayerId {
  if (!(LAYER_ORDER as readonly string[]).includes(id)) throw new Error(`unknown map layer id "${id}"`);
  return id as LayerId;
}

/** The first registered layer above `id` that is present in `present`, or undefined (top). */
export function beforeId(id: string, present: Iterable<string>): string | undefined {
  const at = LAYER_ORDER.indexOf(assertLayerId(id));
  const have = new Set(present);
  return LAYER_ORDER.slice(at + 1).find((l) => have.has(l));
}

/** Sort layers into registry order (throws on an unknown id). */
export function ordered<T extends { id: string }>(layers: T[]): T[] {
  layers.forEach((l) => assertLayerId(l.id));
  return [...layers].sort(
    (a, b) => LAYER_ORDER.indexOf(assertLayerId(a.id)) - LAYER_ORDER.indexOf(assertLayerId(b.id)),
  );
}
