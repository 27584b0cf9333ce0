/**
 * Candidate place names in one sentence, from four general sources: the curated gazetteer's names,
 * the city-wide index (at word boundaries), the grammar of Chinese place-name forms (a name ends in
 * a generic term — 路 道 街 … 大学 医院 站 社区 村 — after proper-noun words, found with the jieba
 * segmenter's part-of-speech tags), and the constructions N号线, A与B交口, 以A、B…围合. Overlaps are
 * settled longest first; names that are not places (lexicon stop-lists, X式) are kept as such.
 */
import { Jieba, type TaggedWord } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { FeatureKind } from '../../src/lib/contracts/features.ts';
import { suffixOf, suffixWord, type Lexicon } from './lexicon.ts';

export type SpanHow = 'curated' | 'index' | 'grammar' | 'metro-line' | 'crossing' | 'enclosure' | 'not-place';

export interface Span {
  /** [start, end) within the sentence. */
  start: number;
  end: number;
  name: string;
  how: SpanHow;
  /** The kind the name's ending implies. */
  kind?: FeatureKind;
  /** Curated gazetteer entry id. */
  entry?: string;
  /** Why a name is not a place. */
  reason?: string;
  /** The roads of a crossing or an enclosure. */
  roads?: string[];
}

let jieba: Jieba | undefined;
/** Words with their part-of-speech tags and offsets (the segmenter keeps every character). */
export function words(s: string): (TaggedWord & { start: number; end: number })[] {
  jieba ??= Jieba.withDict(dict);
  let at = 0;
  return jieba.tag(s, true).map((w) => {
    const start = s.indexOf(w.word, at);
    const begin = start < 0 ? at : start;
    at = begin + w.word.length;
    return { ...w, start: begin, end: at };
  });
}

/** Tags of words that can be part of a name (nouns, proper nouns, numbers, Latin letters). */
const NAME_PART = /^(?:n|ns|nr|nrt|nrfg|nz|nt|eng|m|b|s|ng|x)$/;
/** Tags of proper nouns: a name needs one of these (or a known name) besides its generic term. */
const PROPER = /^(?:ns|nr|nrt|nrfg|nz|nt|eng|m)$/;
const CJK_OR_ALNUM = /^[\u4e00-\u9fa5A-Za-z0-9]+$/;
const ALNUM = /^(?:[A-Za-z0-9]+|第[一二三四五六七八九十百零〇\d]+)$/;
/** A word that may stand in a name: a noun-like tag, letters and digits only as themselves. */
const CJK = /^[\u4e00-\u9fa5]+$/;
const namePart = (w: TaggedWord, lex: Lexicon) =>
  CJK_OR_ALNUM.test(w.word) &&
  !lex.leading.has(w.word) &&
  (lex.bySuffix.some((x) => x.suffix === w.word) ||
    (w.tag === 'f' && /^[东西南北中]$/.test(w.word)) ||
    (w.tag === 'a' && /^[大小新老]$/.test(w.word)) ||
    (NAME_PART.test(w.tag) &&
      (w.tag !== 'm' || ALNUM.test(w.word)) &&
      (w.tag !== 'x' || ALNUM.test(w.word) || CJK.test(w.word))));
/** Proper nouns, and the words the segmenter did not know (tagged x): names, mostly. */
const properPart = (w: TaggedWord) =>
  (PROPER.test(w.tag) && (w.tag !== 'm' || ALNUM.test(w.word))) || (w.tag === 'x' && CJK.test(w.word));

const METRO_LINE =
  /(?:地铁|轨道交通|轨道|地铁线路)?(?:(?:[A-Z]?\d{1,2}|[一二三四五六七八九十]{1,3})号线|[A-Z]\d{1,2}线|津静线)/g;
const CROSSING_JOIN = /^(?:与|和|、)$/;
const CROSSING_END = /^(?:交口|交叉口|路口|交汇处|交界处|交叉处)/;
const ENCLOSURE = /以([\u4e00-\u9fa5、]{4,80}?)(?:围合|合围|所围|为界)/g;

export interface Known {
  /** Curated names and aliases → entry id. */
  curated: Map<string, string>;
  /** Is this a name form of the city-wide index? */
  indexed: (name: string) => boolean;
}

/** Every candidate span of sentence `s`, overlaps settled. */
export function spansOf(s: string, lex: Lexicon, known: Known): Span[] {
  const ws = words(s);
  const starts = new Set(ws.map((w) => w.start));
  const ends = new Set(ws.map((w) => w.end));
  const cands: Span[] = [];
  const exact = (name: string, at: number, how: SpanHow, extra: Partial<Span> = {}) =>
    cands.push({ start: at, end: at + name.length, name, how, ...extra });
  const occurrences = function* (t: string) {
    for (let i = s.indexOf(t); i >= 0; i = s.indexOf(t, i + 1)) yield i;
  };

  for (const [name, entry] of known.curated)
    for (const i of occurrences(name)) exact(name, i, 'curated', { entry, kind: suffixOf(lex, name)?.kind });
  for (const [text, reason] of lex.notPlaces)
    for (const i of occurrences(text)) if (starts.has(i)) exact(text, i, 'not-place', { reason });
  const inLine = new Array<boolean>(s.length).fill(false);
  for (const m of s.matchAll(METRO_LINE)) {
    exact(m[0], m.index, 'metro-line', { kind: 'rail' });
    inLine.fill(true, m.index, m.index + m[0].length);
  }
  for (const m of s.matchAll(ENCLOSURE)) {
    const roads = m[1]!.split(/[、和及与]/).filter(Boolean);
    if (roads.length >= 3) exact(m[0], m.index, 'enclosure', { kind: 'area', roads });
  }
  // Index names at word boundaries: from each word start, the names ending at a later word end.
  for (const w of ws) {
    for (let end = w.start + 2; end <= Math.min(s.length, w.start + 14); end++) {
      if (!ends.has(end)) continue;
      const name = s.slice(w.start, end);
      if (!known.indexed(name)) continue;
      // A short name must be made of name words (建设 is a verb before it is a village).
      const inside: TaggedWord[] = [];
      for (let j = ws.indexOf(w); j < ws.length && ws[j]!.end <= end; j++) inside.push(ws[j]!);
      if (name.length <= 2 && !suffixOf(lex, name) && !inside.every((x) => NAME_PART.test(x.tag))) continue;
      if (lex.leading.has(inside[0]?.word ?? '')) continue;
      exact(name, w.start, 'index', { kind: suffixOf(lex, name)?.kind });
    }
  }
  // The grammar: a word ending in a generic term, with the name words before it.
  ws.forEach((w, k) => {
    const sfx = suffixWord(lex, w.word);
    if (!sfx) return;
    // 步道, 滨河, 一街: a common noun that happens to end in a place term.
    if (w.word !== sfx.suffix && lex.notPlaces.has(w.word)) return;
    let first = k;
    let properSince = false;
    while (first > 0 && k - first < 4) {
      const prev = ws[first - 1]!;
      if (!namePart(prev, lex) || inLine[prev.start]) break;
      if (w.end - prev.start > 14) break;
      // 古文化街 | 商旅片区: a complete name before generic words is a name of its own.
      if (suffixWord(lex, prev.word) && !properSince && first < k) break;
      if (properPart(prev)) properSince = true;
      first--;
    }
    for (let f = first; f <= k; f++) {
      const name = s.slice(ws[f]!.start, w.end);
      const single = f === k && w.word !== sfx.suffix && properPart(w);
      if (name.length - sfx.suffix.length < (sfx.suffix.length === 1 && !single ? lex.suffix_rules.min_head : 1))
        continue;
      const own = w.word !== sfx.suffix;
      const head = ws.slice(f, k + (own ? 1 : 0));
      // A word that is a whole name (周边地区/ns, 深化街道): its head is tagged again on its own.
      if (own && f === k) {
        const inner = words(w.word.slice(0, -sfx.suffix.length));
        const ok =
          inner.every((x) => namePart(x, lex) || /^(?:nr|ns|nz|nt|nrt)$/.test(w.tag)) &&
          !/^(?:f|v|d|a|ad|p)$/.test(inner[0]?.tag ?? '');
        if (!ok && !known.indexed(w.word.slice(0, -sfx.suffix.length))) continue;
        if (!properPart(w) && !inner.some(properPart) && !known.indexed(w.word.slice(0, -sfx.suffix.length))) continue;
      }
      const strong = lex.strong_suffixes.words.includes(sfx.suffix) && name.length - sfx.suffix.length >= 2;
      const proper = strong || head.some(properPart) || known.indexed(name.slice(0, name.length - sfx.suffix.length));
      // A name does not start with a generic word (口袋公园, 特色街区); inside one it may (张兴庄产业园).
      if (!proper || lex.genericHeads.has(ws[f]!.word)) continue;
      // 天津历史文化名城: a generic term after the city's name.
      const tail = [...lex.notPlaces.keys()].find((g) => g.length >= 2 && name.endsWith(g) && name !== g);
      if (tail && (lex.notPlaces.has(name.slice(0, -tail.length)) || name.length - tail.length <= 1)) continue;
      if (
        head.length > 1 &&
        head.slice(1).every((h) => lex.genericHeads.has(h.word) || suffixWord(lex, h.word)) &&
        !properPart(head[0]!)
      )
        continue;
      if (lex.notPlaces.has(name)) continue;
      // 702路 is a bus line; 29社区 a count of communities.
      if (/^\d/.test(name) && !/(?:地块|号地|号楼|号院)$/.test(name)) {
        exact(name, ws[f]!.start, 'not-place', {
          reason: 'a number before a generic term: a bus line or a count, not a name',
        });
        break;
      }
      // An unknown word (x) may carry a verb or a preposition in front: 北至北马路, 以五大道.
      // So may a word the segmenter fused (北以南京路, 东隔海河): a direction and a preposition.
      let cut = 0;
      const first = ws[f]!.word;
      const lead = lex.leadingList.find((l) => first.startsWith(l) && first.length > l.length);
      if (lead) cut = lead.length;
      else if (/^[东西南北][以隔临至靠接邻]/.test(first) && first.length > 2) cut = 2;
      else if (ws[f]!.tag === 'x' && lex.prepositions.chars.includes(name[0]!)) cut = 1;
      const at = ws[f]!.start + cut;
      const nm = name.slice(cut);
      // 北京大学 is in Beijing; 北京路 is a road of Tianjin named after it.
      const away = lex.outside.find((o) => nm.includes(o.text) && !new RegExp(`${o.text}(?:路|道|街|大街)`).test(nm));
      if (away) exact(nm, at, 'not-place', { reason: away.reason });
      else exact(nm, at, 'grammar', { kind: sfx.kind });
      break;
    }
  });

  // Longest first; on a tie the more trusted source. A crossing coexists with its two roads.
  const rank: Record<SpanHow, number> = {
    enclosure: 0,
    curated: 1,
    'not-place': 2,
    'metro-line': 3,
    index: 4,
    grammar: 5,
    crossing: 6,
  };
  const sorted = cands
    .filter((c) => c.how !== 'crossing')
    .sort((a, b) => b.end - b.start - (a.end - a.start) || rank[a.how] - rank[b.how] || a.start - b.start);
  const taken = new Array<boolean>(s.length).fill(false);
  const chosen: Span[] = [];
  for (const c of sorted) {
    if (taken.slice(c.start, c.end).some(Boolean)) continue;
    taken.fill(true, c.start, c.end);
    chosen.push(c);
  }
  // The roads of an enclosure are named there too: each is a mention of its road.
  for (const c of chosen.filter((x) => x.how === 'enclosure')) {
    let from = c.start;
    for (const road of c.roads!) {
      const at = s.indexOf(road, from);
      if (at < 0 || at >= c.end) continue;
      from = at + road.length;
      chosen.push({
        start: at,
        end: at + road.length,
        name: road,
        how: known.indexed(road) ? 'index' : 'grammar',
        kind: suffixOf(lex, road)?.kind ?? 'road',
      });
    }
  }
  // A与B交口: two roads side by side, then a word for their crossing.
  chosen.sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < chosen.length; i++) {
    const [a, b] = [chosen[i]!, chosen[i + 1]!];
    if (a.kind !== 'road' || b.kind !== 'road') continue;
    if (!CROSSING_JOIN.test(s.slice(a.end, b.start)) || !CROSSING_END.test(s.slice(b.end))) continue;
    const end = b.end + CROSSING_END.exec(s.slice(b.end))![0].length;
    chosen.push({
      start: a.start,
      end,
      name: s.slice(a.start, end),
      how: 'crossing',
      kind: 'site',
      roads: [a.name, b.name],
    });
  }
  // 引进万达广场: a brand to bring in, not a place that is there.
  for (const c of chosen) {
    const brand = lex.brand_before.words.find((b) => s.endsWith(b, c.start));
    if (brand && c.how !== 'not-place' && c.how !== 'curated')
      Object.assign(c, { how: 'not-place', reason: lex.brand_before.reason });
  }
  // X式, X般 …: a figure of speech, not the place X.
  for (const c of chosen) {
    const after = lex.figurative.find((f) => s.startsWith(f.after, c.end));
    if (after && c.how !== 'not-place') Object.assign(c, { how: 'not-place', reason: after.reason });
  }
  return chosen.sort((a, b) => a.start - b.start || a.end - b.end);
}
