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
  /** The construction as matched, less the verbs and known names the pattern swept up. */
  text: string;
  rule: string;
  /** Set when what is left is a generic phrase (口袋公园, 污染地块 ...): out of scope, not a place. */
  generic?: true;
}

interface Term {
  term: string;
  entry?: string;
  outOfScope?: string;
}

/** A zone built from the roads that enclose it, for the plans' "以A、B、C…围合" construction. */
export interface Enclosure {
  roads: string[];
  entry: string;
}

export function enclosuresOf(gazetteer: GazetteerEntry[]): Enclosure[] {
  return gazetteer.filter((e) => e.enclosed_by).map((e) => ({ roads: e.enclosed_by!, entry: e.id }));
}

// Verbs and connectives the patterns sweep up in front of a name (重点打造…, 加快推进…, 四是…).
const LEAD =
  /^(?:[一二三四五六]是|进一步|相继|重点|积极|探索|高标准|高规格|加快|推进|推动|依托|利用好|利用|跟进|引导|加强|充分|开发|新建|建设|深化|提升|改造|大力|发展|鼓励|支持|建成|消除|串联|延展|体现|储备|有序|开展|及时|底前|完成|打造|扩大|影响|现有|辖区内|我区|把|以|为|在|将|是|内)+/;
// What is left is generic when it is only qualifiers and a generic head: 各层级商圈, 街角口袋康体公园,
// 新增疑似污染地块, 东北角270亩 (after a known name).
const GENERIC =
  /^(?:和|进|等|\d+个|多个|新型|地标|各层级|重点|传统|热点|口袋|街心|街角|体育|儿童主题|特色|主要|康体|健身类|综合体|综合性|带动|知名|沿线|广场|二期|综合农业|科技|创意|产业|中心|中央|花园式|出让|污染|疑似|新增|调查|全部|零散小|棚户区改造后|轨道交通站点|地铁|商业|区内|所有|全区|一批|新的|东北角|\d+亩)*(?:商圈|公园|广场|产业园|科技园|园区|产业基地|商务区|地块|沿线|亩)?$/;

/** The name a construction points at once verbs, known names and everything before a 的 are dropped. */
function coreOf(m: string, at: number, taken: boolean[]): { core: string; known: boolean } {
  let i = 0;
  let known = false;
  for (;;) {
    const lead = LEAD.exec(m.slice(i));
    if (lead) i += lead[0].length;
    if (i < m.length && taken[at + i]) {
      known = true;
      while (i < m.length && taken[at + i]) i++;
      continue;
    }
    if (!lead) break;
  }
  const rest = m.slice(i);
  return { core: rest.slice(rest.lastIndexOf('的') + 1), known };
}

export function termsOf(gazetteer: GazetteerEntry[], outOfScope: OutOfScope[]): Term[] {
  const terms: Term[] = [];
  for (const e of gazetteer) for (const t of [e.name, ...e.aliases]) terms.push({ term: t, entry: e.id });
  for (const o of outOfScope) terms.push({ term: o.name, outOfScope: o.reason });
  // Longest first, so 南京路商务商贸带 wins over 南京路; ties broken by term for determinism.
  return terms.sort((a, b) => b.term.length - a.term.length || (a.term < b.term ? -1 : 1));
}

const LISTED_PLOT = /^(.+?)等[\u4e00-\u9fa5]*地块$/;

const ENCLOSED = /以([\u4e00-\u9fa5、]{4,60})围合/g;

const RULES: [string, RegExp][] = [
  ['X沿线', /([\u4e00-\u9fa5A-Za-z0-9—-]{2,12}?)沿线/g],
  ['X至Y段', /([\u4e00-\u9fa5]{2,8})至([\u4e00-\u9fa5]{2,8})段/g],
  ['XX地块', /([\u4e00-\u9fa5A-Za-z0-9]{2,10}?)地块/g],
  ['N亩', /([\u4e00-\u9fa5]{2,10}?)[^\u4e00-\u9fa5]{0,3}?(\d+(?:\.\d+)?)\s*亩/g],
  ['围合', ENCLOSED],
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
  enclosures: Enclosure[] = [],
): { mentions: Mention[]; candidates: Candidate[] } {
  const mentions: Mention[] = [];
  const candidates: Candidate[] = [];
  const units: { anchor: string; start: number; end: number }[] = [];
  const byTerm = new Map(terms.map((t) => [t.term, t]));
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
    // A mention of `name` at [i, i + name.length) of this unit, citing the unit.
    const mention = (i: number, name: string, to: Pick<Mention, 'entry' | 'outOfScope'>) =>
      mentions.push({
        plan: outline.plan,
        anchor: u.anchor,
        start: u.start + i,
        end: u.start + i + name.length,
        name,
        quote: { start: u.start, end: u.end },
        ...to,
      });
    // A zone defined by its enclosing roads is cited by that definition; the road names inside it
    // (南京路 ...) are boundaries there, not mentions of the places named after them.
    for (const m of s.matchAll(ENCLOSED)) {
      const roads = m[1]!.split('、');
      const zone = enclosures.find((z) => z.roads.length === roads.length && roads.every((r) => z.roads.includes(r)));
      if (!zone) continue;
      taken.fill(true, m.index, m.index + m[0].length);
      mention(m.index, m[0], { entry: zone.entry });
    }
    for (const t of terms) {
      for (let i = s.indexOf(t.term); i >= 0; i = s.indexOf(t.term, i + 1)) {
        const j = i + t.term.length;
        if (taken.slice(i, j).some(Boolean)) continue;
        taken.fill(true, i, j);
        mention(i, t.term, { entry: t.entry, outOfScope: t.outOfScope });
      }
    }
    for (const [rule, re] of RULES) {
      for (const m of s.matchAll(re)) {
        const at = m.index;
        // A rule's match ends in the thing it names (…广场, …地块, …沿线); when that end is part of a
        // known name, the leading words the pattern swept up (进一步深化, 建成) are not a new place.
        if (taken[at + m[0].length - 1]) continue;
        const { core, known } = coreOf(m[0], at, taken);
        // "建昌道等重点地块" names the known 建昌道地块 with a generic tail.
        const listed = LISTED_PLOT.exec(core);
        const plot = listed && byTerm.get(`${listed[1]}地块`);
        if (plot) {
          mention(at + m[0].length - core.length, listed[1]!, { entry: plot.entry, outOfScope: plot.outOfScope });
          continue;
        }
        const generic = GENERIC.test(core);
        // "<known name>沿线", "<known name>等重点地块": a mention of the known place, already recorded.
        if (generic && known) continue;
        candidates.push({
          plan: outline.plan,
          anchor: u.anchor,
          text: core,
          rule,
          ...(generic ? { generic: true as const } : {}),
        });
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  return { mentions, candidates };
}
