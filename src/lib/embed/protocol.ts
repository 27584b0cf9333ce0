/**
 * The embed message protocol (version 1), shared by the embedded app and the host script
 * (embed.js). Every message is a plain object `{ planAtlas: 1, type, ... }`; anything else, or
 * anything that does not match these shapes exactly, is ignored. Documented in README "Embedding".
 *
 * Host → map:  setFilters { filters: { plans?, kinds?, themes?, districts? } }
 *              select     { id: string | null }
 *              fitTo      { id: string } | { bbox: [west, south, east, north] }
 *              setLanguage { lang: 'zh' | 'en' }
 * Map → host:  ready      { version, state }
 *              select     { id: string | null, name: string | null }
 *              viewchange { centre: [lng, lat], zoom, bbox }
 *              height     { height }   (CSS pixels of the embedded page, for auto-height)
 */
export const PROTOCOL = 1;

export type FilterPatch = Partial<Record<'plans' | 'kinds' | 'themes' | 'districts', string[]>>;

export type HostMessage =
  | { planAtlas: 1; type: 'setFilters'; filters: FilterPatch }
  | { planAtlas: 1; type: 'select'; id: string | null }
  | { planAtlas: 1; type: 'fitTo'; id: string }
  | { planAtlas: 1; type: 'fitTo'; bbox: [number, number, number, number] }
  | { planAtlas: 1; type: 'setLanguage'; lang: 'zh' | 'en' };

export type MapEvent =
  | { planAtlas: 1; type: 'ready'; version: string; state: string }
  | { planAtlas: 1; type: 'select'; id: string | null; name: string | null }
  | {
      planAtlas: 1;
      type: 'viewchange';
      centre: [number, number];
      zoom: number;
      bbox: [number, number, number, number];
    }
  | { planAtlas: 1; type: 'height'; height: number };

export const MAP_EVENTS = ['ready', 'select', 'viewchange', 'height'] as const;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
/** Ids and filter values are short plain tokens (plan ids, kinds, Chinese theme or district names). */
const TOKEN = /^[\p{L}\p{N}_.-]{1,60}$/u;
const isToken = (x: unknown): x is string => typeof x === 'string' && TOKEN.test(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function filterPatch(x: unknown): FilterPatch | null {
  if (!isObj(x)) return null;
  const out: FilterPatch = {};
  for (const [k, v] of Object.entries(x)) {
    if (k !== 'plans' && k !== 'kinds' && k !== 'themes' && k !== 'districts') return null;
    if (!Array.isArray(v) || v.length > 50 || !v.every(isToken)) return null;
    out[k] = [...v];
  }
  return out;
}

/** A valid host message, or null for anything malformed or unknown. */
export function parseHostMessage(data: unknown): HostMessage | null {
  if (!isObj(data) || data.planAtlas !== PROTOCOL) return null;
  switch (data.type) {
    case 'setFilters': {
      const filters = filterPatch(data.filters);
      return filters ? { planAtlas: 1, type: 'setFilters', filters } : null;
    }
    case 'select':
      return data.id === null || isToken(data.id) ? { planAtlas: 1, type: 'select', id: data.id } : null;
    case 'fitTo': {
      if (isToken(data.id)) return { planAtlas: 1, type: 'fitTo', id: data.id };
      const b = data.bbox;
      if (!Array.isArray(b) || b.length !== 4 || !b.every(isNum)) return null;
      const [w, s, e, n] = b as [number, number, number, number];
      return w < e && s < n ? { planAtlas: 1, type: 'fitTo', bbox: [w, s, e, n] } : null;
    }
    case 'setLanguage':
      return data.lang === 'zh' || data.lang === 'en' ? { planAtlas: 1, type: 'setLanguage', lang: data.lang } : null;
    default:
      return null;
  }
}

/** A valid event from the map (checked by the host script), or null. */
export function parseMapEvent(data: unknown): MapEvent | null {
  if (!isObj(data) || data.planAtlas !== PROTOCOL || typeof data.type !== 'string') return null;
  if (!(MAP_EVENTS as readonly string[]).includes(data.type)) return null;
  if (data.type === 'height' && !(isNum(data.height) && data.height > 0 && data.height < 100_000)) return null;
  return data as MapEvent;
}

/** The origin of a URL, or null if it is not an http(s) URL. */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}
