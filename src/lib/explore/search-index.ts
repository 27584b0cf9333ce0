/**
 * Place search by name and alias: Chinese substrings, and pinyin (full, e.g. "yifengqu", or
 * initials, e.g. "yfq"). Every name and alias is normalised once, when the catalog arrives, and its
 * pinyin is worked out once, off the main thread (pinyin-search.ts): a keystroke then only compares
 * prepared strings, and keeps the best few hits as it goes instead of sorting every match.
 */
import type { Place } from './catalog.ts';
import { zhCompare } from '../i18n/collate.ts';
import { norm, type PinyinKeys } from './pinyin-keys.ts';

export interface Hit {
  place: Place;
  /** The name or alias that matched. */
  term: string;
  score: number;
}

const LATIN = /[a-z]/i;
export const isLatin = (q: string): boolean => LATIN.test(q);

/** 3 for the whole term, 2 for its start, 1 inside it, 0 when absent. */
function score(term: string, q: string): number {
  const at = term.indexOf(q);
  return at < 0 ? 0 : at > 0 ? 1 : term.length === q.length ? 3 : 2;
}

/** Best first: the higher score, then the shorter term, then the Chinese order of the terms. */
const better = (a: Hit, b: Hit): number =>
  b.score - a.score || a.term.length - b.term.length || zhCompare(a.term, b.term);

export class SearchIndex {
  readonly places: readonly Place[];
  /** Every name and alias as the plans write it, place by place (a place's name first). */
  readonly terms: string[] = [];
  readonly #norm: string[] = [];
  /** Where each place's terms start in `terms` (one more entry than places). */
  readonly #first: Int32Array;
  readonly #full: string[] = [];
  readonly #initials: string[] = [];

  constructor(places: readonly Place[]) {
    this.places = places;
    this.#first = new Int32Array(places.length + 1);
    places.forEach((place, i) => {
      this.#first[i] = this.terms.length;
      const p = place;
      for (const term of [p.name, ...p.aliases]) {
        this.terms.push(term);
        this.#norm.push(norm(term));
      }
    });
    this.#first[places.length] = this.terms.length;
  }

  /** How many terms (from the first) have their pinyin. */
  get pinyinKnown(): number {
    return this.#full.length;
  }

  /** The pinyin of the next terms, in order (pinyin-search.ts sends it in batches). */
  addPinyin(keys: PinyinKeys[]): void {
    for (const k of keys) {
      this.#full.push(k.full);
      this.#initials.push(k.initials);
    }
  }

  /**
   * The places whose name or alias matches, best first (a place once, by its best term). A Latin
   * query also matches pinyin, scored a little lower, for the terms whose pinyin is known.
   */
  find(query: string, limit = 20): Hit[] {
    const q = norm(query);
    if (!q) return [];
    const latin = isLatin(q);
    const known = this.#full.length;
    const top: Hit[] = [];
    for (let i = 0; i < this.places.length; i++) {
      let bestScore = 0;
      let bestTerm = -1;
      for (let t = this.#first[i]!; t < this.#first[i + 1]!; t++) {
        let s = score(this.#norm[t]!, q);
        if (!s && latin && t < known) s = Math.max(score(this.#full[t]!, q), score(this.#initials[t]!, q)) * 0.9;
        if (s > bestScore) {
          bestScore = s;
          bestTerm = t;
        }
      }
      if (bestTerm < 0) continue;
      const hit = { place: this.places[i]!, term: this.terms[bestTerm]!, score: bestScore };
      // Keep the best `limit` so far, in order; a hit no better than the last kept one is not
      // (equal hits keep catalog order, as a stable sort of all of them did).
      if (top.length === limit && better(hit, top[limit - 1]!) >= 0) continue;
      let at = top.length;
      while (at > 0 && better(hit, top[at - 1]!) < 0) at--;
      top.splice(at, 0, hit);
      if (top.length > limit) top.pop();
    }
    return top;
  }
}
