/**
 * Stage "extract": find the places each sentence names. Gazetteer names and aliases match longest
 * first, never inside a longer match; the plans' constructions (X沿线, XX地块, N亩, 围合, 专栏
 * titles ...) that no gazetteer name covers become candidates for the report.
 */
import type { Outline } from '../../src/lib/contracts/plan.ts';
import type { GazetteerEntry, OutOfScope } from '../../src/lib/contracts/gazetteer.ts';

export interface Mention {
  plan: string;
  anchor: string;
  /** The matched name: [start, end) in the plan text. */
  start: number;
  end: number;
  name: string;
  /** The sentence (or its part holding the mention): the quote cited. */
  quote: { start: number; end: number };
  entry?: string;
  outOfScope?: string;
}

export interface Candidate {
  plan: string;
  anchor: string;
  text: string;
  rule: string;
}

interface Term {
  term: string;
  entry?: string;
  outOfScope?: string;
}

export function termsOf(gazetteer: GazetteerEntry[], outOfScope: OutOfScope[]): Term[] {
  const terms: Term[] = [];
  for (const e of gazetteer) for (const t of [e.name, ...e.aliases]) terms.push({ term: t, entry: e.id });
  for (const o of outOfScope) terms.push({ term: o.name, outOfScope: o.reason });
  // Longest first, so 南京路商务商贸带 wins over 南京路; ties broken by term for determinism.
  return terms.sort((a, b) => b.term.length - a.term.length || (a.term < b.term ? -1 : 1));
}

const RULES: [string, RegExp][] = [
  ['X沿线', /([\u4e00-\u9fa5A-Za-z0-9—-]{2,12}?)沿线/g],
  ['X至Y段', /([\u4e00-\u9fa5]{2,8})至([\u4e00-\u9fa5]{2,8})段/g],
  ['XX地块', /([\u4e00-\u9fa5A-Za-z0-9]{2,10}?)地块/g],
  ['N亩', /([\u4e00-\u9fa5]{2,10}?)[^\u4e00-\u9fa5]{0,3}?(\d+(?:\.\d+)?)\s*亩/g],
  ['围合', /以([\u4e00-\u9fa5、]{4,60})围合/g],
  [
    '园区',
    /([\u4e00-\u9fa5A-Za-z0-9]{2,10}?(?:产业园|科技园|创意产业园|众创园|产业基地|商务区|风景区|公园|广场|商圈|大厦|MALL))/g,
  ],
  ['N号线站点', /((?:\d+|[A-Z]\d)号?线)/g],
];

function sentenceSegments(s: { start: number; end: number; gaps?: [number, number][] }): [number, number][] {
  const out: [number, number][] = [];
  let at = s.start;
  for (const [gs, ge] of s.gaps ?? []) {
    out.push([at, gs]);
    at = ge;
  }
  out.push([at, s.end]);
  return out;
}

export function extract(
  outline: Outline,
  text: string,
  terms: Term[],
): { mentions: Mention[]; candidates: Candidate[] } {
  const mentions: Mention[] = [];
  const candidates: Candidate[] = [];
  const units: { anchor: string; start: number; end: number }[] = [];
  for (const b of outline.blocks) {
    if (b.kind === 'chrome' || b.kind === 'toc') continue;
    if (b.sentences)
      for (const s of b.sentences)
        for (const [ss, se] of sentenceSegments(s)) units.push({ anchor: s.anchor, start: ss, end: se });
    else if (b.kind === 'column' || b.kind === 'heading' || b.kind === 'section' || b.kind === 'chapter')
      units.push({ anchor: b.anchor, start: b.start, end: b.end });
  }
  for (const u of units) {
    const s = text.slice(u.start, u.end);
    const taken: boolean[] = new Array(s.length).fill(false);
    for (const t of terms) {
      for (let i = s.indexOf(t.term); i >= 0; i = s.indexOf(t.term, i + 1)) {
        const j = i + t.term.length;
        if (taken.slice(i, j).some(Boolean)) continue;
        taken.fill(true, i, j);
        mentions.push({
          plan: outline.plan,
          anchor: u.anchor,
          start: u.start + i,
          end: u.start + j,
          name: t.term,
          quote: { start: u.start, end: u.end },
          entry: t.entry,
          outOfScope: t.outOfScope,
        });
      }
    }
    for (const [rule, re] of RULES) {
      for (const m of s.matchAll(re)) {
        const at = m.index;
        // A rule's match ends in the thing it names (…广场, …地块, …沿线); when that end is part of a
        // known name, the leading words the pattern swept up (进一步深化, 建成) are not a new place.
        const covered = taken[at + m[0].length - 1] === true;
        if (!covered) candidates.push({ plan: outline.plan, anchor: u.anchor, text: m[0], rule });
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  return { mentions, candidates };
}
