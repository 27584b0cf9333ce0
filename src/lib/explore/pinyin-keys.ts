/**
 * The forms a name is searched by: normalised (lower case, without spaces, apostrophes, middle dots
 * and dashes), and its pinyin in full ("yifengqu") and as initials ("yfq"). Plain functions, shared
 * by the search index, the worker that works out the pinyin and the unit tests.
 */
import type { pinyin as PinyinPro } from 'pinyin-pro';

export interface PinyinKeys {
  full: string;
  initials: string;
}

export const norm = (s: string): string => s.toLowerCase().replace(/[\s'·\-—]/g, '');

/** The pinyin keys of a name, with pinyin-pro's `pinyin` (it reads words, so 重庆 is chongqing). */
export function pinyinKeys(pinyin: typeof PinyinPro, name: string): PinyinKeys {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  return { full: norm(syllables.join('')), initials: norm(syllables.map((s) => s[0] ?? '').join('')) };
}
