/**
 * Place search by name and alias: Chinese substrings, and pinyin (full, e.g. "yifengqu", or
 * initials, e.g. "yfq"). The pinyin dictionary is large, so it is loaded only when a query has
 * Latin letters; `pinyinKeys` is injectable so the matching itself stays synchronous and testable.
 */
import { lazy } from '../data/lazy.ts';
import type { Place } from './catalog.ts';
import { zhCompare } from '../i18n/collate.ts';

export interface PinyinKeys {
  full: string;
  initials: string;
}
export type PinyinOf = (name: string) => PinyinKeys;

export interface Hit {
  place: Place;
  /** The name or alias that matched. */
  term: string;
  score: number;
}

const LATIN = /[a-z]/i;
export const isLatin = (q: string): boolean => LATIN.test(q);
const norm = (s: string) => s.toLowerCase().replace(/[\s'·\-—]/g, '');

function score(term: string, q: string): number {
  if (term === q) return 3;
  if (term.startsWith(q)) return 2;
  return term.includes(q) ? 1 : 0;
}

export function findPlaces(places: Place[], query: string, pinyinOf?: PinyinOf, limit = 20): Hit[] {
  const q = norm(query);
  if (!q) return [];
  const hits: Hit[] = [];
  for (const place of places) {
    let best: Hit | null = null;
    for (const term of [place.name, ...place.aliases]) {
      let s = score(norm(term), q);
      if (!s && pinyinOf && isLatin(q)) {
        const k = pinyinOf(term);
        s = Math.max(score(k.full, q), score(k.initials, q)) * 0.9;
      }
      if (s && (!best || s > best.score)) best = { place, term, score: s };
    }
    if (best) hits.push(best);
  }
  return hits
    .sort((a, b) => b.score - a.score || a.term.length - b.term.length || zhCompare(a.term, b.term))
    .slice(0, limit);
}

/** Loads pinyin-pro on first use (a failed load is reported, and tried again next time); keys are cached per term. */
export const loadPinyin = lazy(() =>
  import('pinyin-pro').then(({ pinyin }): PinyinOf => {
    const cache = new Map<string, PinyinKeys>();
    return (name: string) => {
      let k = cache.get(name);
      if (!k) {
        const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
        k = { full: norm(syllables.join('')), initials: norm(syllables.map((s) => s[0] ?? '').join('')) };
        cache.set(name, k);
      }
      return k;
    };
  }),
);
