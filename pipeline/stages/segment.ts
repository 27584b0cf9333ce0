/**
 * Stage "segment": a plan text → its outline (chapters, sections, numbered headings, columns, the
 * table of contents, paragraphs, sentences), every block with a stable, URL-readable anchor and
 * [start, end) offsets into the original text. Page chrome (menus, footers, page-break notes) is
 * recognised and marked, never removed; a paragraph cut by a page break is joined across it.
 */
import type { Block, Outline, Sentence } from '../../src/lib/contracts/plan.ts';

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 → 1, 十二 → 12, 二十三 → 23. */
export function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else digit = CN_DIGITS[ch] ?? 0;
  }
  return total + digit;
}

const CHROME = [
  /^当前位置[:：]/,
  /^发布日期[:：].*来源/,
  /^字号[:：]?$/,
  /扫一扫在手机打开当前页/,
  /^•/,
  /^名\s+称\s*[:：]/,
  /^首\s*页\s+.*\S\s+\S/,
  /^(全国各省市政府网站|天津市各区政府网站|滨海新区政府系统网站|重点链接|新媒体矩阵|政务邮箱|返回顶部|打印本页|关闭窗口)$/,
  /^网站声明|^主办[:：]|^网站标识码|版权所有|津ICP备/,
  /\.(png|jpg|gif)$/,
  /^[(（](下转|上接)第\s*\d+\s*版[)）]$/,
];
const PAGE_BREAK = /^[(（](下转|上接)第\s*\d+\s*版[)）]$/;

const CN = '[一二三四五六七八九十百〇零两]+';
const RE = {
  part: new RegExp(`^第(${CN})部分\\s*(.*)$`),
  chapter: new RegExp(`^第(${CN})章\\s*(.*)$`),
  section: new RegExp(`^第(${CN})节\\s*(.*)$`),
  column: /^专栏\s*(\d+)\s*(.*)$/,
  toc: /^目\s*录$/,
  notes: /^(注释|注\s*释|名词解释)[:：]?$/,
  tocEntry: /(?:[IVXLC]+|\d+)$/,
  h3: new RegExp(`^(${CN})、\\s*(.*)$`),
  h4: new RegExp(`^[(（](${CN})[)）]\\s*(.*)$`),
  h5: /^(\d+)\s*[.、．]\s*(.*)$/,
  h6: /^[(（](\d+)[)）]\s*(.*)$/,
};

const TERMINAL = /[。！？；：:!?;”」）)]$/;

interface Line {
  start: number;
  end: number;
  text: string;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ start: at + lead, end: at + lead + trimmed.length, text: trimmed });
    at += raw.length + 1;
  }
  return out;
}

export const isChrome = (s: string): boolean => CHROME.some((re) => re.test(s));

interface HeadingMatch {
  kind: Block['kind'];
  level: number;
  label: string;
  title: string;
  n: number;
}

/** Lines in a run of 3+ short unpunctuated lines are table cells (the sources flatten tables). */
function tableCells(ls: Line[]): Set<number> {
  const cell = (t: string) =>
    t.length <= 12 && !TERMINAL.test(t) && !RE.chapter.test(t) && !RE.section.test(t) && !RE.part.test(t);
  const out = new Set<number>();
  let runStart = 0;
  for (let i = 0; i <= ls.length; i++) {
    if (i < ls.length && cell(ls[i]!.text)) continue;
    if (i - runStart >= 3) for (let k = runStart; k < i; k++) out.add(k);
    runStart = i + 1;
  }
  return out;
}

function heading(s: string): HeadingMatch | null {
  let m: RegExpExecArray | null;
  if ((m = RE.part.exec(s)))
    return { kind: 'part', level: 1, label: `第${m[1]}部分`, title: m[2]!, n: cnNumber(m[1]!) };
  if ((m = RE.chapter.exec(s)))
    return { kind: 'chapter', level: 1, label: `第${m[1]}章`, title: m[2]!, n: cnNumber(m[1]!) };
  if ((m = RE.section.exec(s)))
    return { kind: 'section', level: 2, label: `第${m[1]}节`, title: m[2]!, n: cnNumber(m[1]!) };
  if ((m = RE.column.exec(s))) return { kind: 'column', level: 3, label: `专栏${m[1]}`, title: m[2]!, n: Number(m[1]) };
  if (RE.notes.test(s)) return { kind: 'heading', level: 1, label: '', title: s, n: 0 };
  const short =
    s.length <= 40 && (s.match(/。/g)?.length ?? 0) <= 1 && (!s.includes('。') || s.endsWith('。')) && !/[:：]/.test(s);
  if (!short) return null;
  if ((m = RE.h3.exec(s))) return { kind: 'heading', level: 3, label: `${m[1]}、`, title: m[2]!, n: cnNumber(m[1]!) };
  if ((m = RE.h4.exec(s))) return { kind: 'heading', level: 4, label: `（${m[1]}）`, title: m[2]!, n: cnNumber(m[1]!) };
  if ((m = RE.h6.exec(s))) return { kind: 'heading', level: 6, label: `（${m[1]}）`, title: m[2]!, n: Number(m[1]) };
  if ((m = RE.h5.exec(s)) && !/^\d+\s*[.．]\d/.test(s))
    return { kind: 'heading', level: 5, label: `${m[1]}.`, title: m[2]!, n: Number(m[1]) };
  // An unnumbered short line without closing punctuation: a title or a subtitle ("三大经济带").
  if (s.length <= 30 && !TERMINAL.test(s) && !/[,，、]/.test(s))
    return { kind: 'heading', level: 7, label: '', title: s, n: 0 };
  return null;
}

const OPEN = '“‘（(《「【〔';
const CLOSE = '”’）)》」】〕';
const STOPS = '。！？；!?;';

/** Split [ranges] of `text` into sentences at 。！？； outside quotes and brackets. */
export function splitSentences(text: string, ranges: [number, number][]): Omit<Sentence, 'anchor'>[] {
  const out: Omit<Sentence, 'anchor'>[] = [];
  let cur: { start: number; gaps: [number, number][] } | null = null;
  let depth = 0;
  let lastEnd = -1;
  const close = (end: number) => {
    if (cur) out.push(cur.gaps.length ? { start: cur.start, end, gaps: cur.gaps } : { start: cur.start, end });
    cur = null;
  };
  for (const [rs, re] of ranges) {
    if (cur && lastEnd >= 0) (cur as { gaps: [number, number][] }).gaps.push([lastEnd, rs]);
    for (let i = rs; i < re; i++) {
      const ch = text[i]!;
      if (!cur) {
        if (/\s/.test(ch)) continue;
        cur = { start: i, gaps: [] };
      }
      if (OPEN.includes(ch)) depth++;
      else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
      else if (STOPS.includes(ch) && depth === 0) close(i + 1);
    }
    lastEnd = re;
  }
  if (cur) {
    let end = lastEnd;
    while (end > (cur as { start: number }).start && /\s/.test(text[end - 1]!)) end--;
    close(end);
  }
  return out;
}

export function segment(plan: string, text: string, sha256: string): Outline {
  const ls = lines(text);
  const blocks: Block[] = [];
  const used = new Set<string>();
  const unique = (id: string) => {
    let a = id;
    for (let k = 2; used.has(a); k++) a = `${id}~${k}`;
    used.add(a);
    return a;
  };
  // Headings currently open, outermost first; `container` numbers paragraphs and sub-headings.
  let stack: Block[] = [];
  let container = 'front';
  const counters = new Map<string, { p: number; h: number }>();
  const count = (key: 'p' | 'h') => {
    const c = counters.get(container) ?? { p: 0, h: 0 };
    c[key]++;
    counters.set(container, c);
    return c[key];
  };
  let chrome = 0;
  let chapter = '';
  let inToc = false;
  let tocN = 0;
  let seenBody = false;

  const cells = tableCells(ls);
  for (let i = 0; i < ls.length; i++) {
    const ln = ls[i]!;
    if (isChrome(ln.text)) {
      blocks.push({
        anchor: unique(`chrome${++chrome}`),
        kind: 'chrome',
        start: ln.start,
        end: ln.end,
        level: 0,
        path: [],
      });
      continue;
    }
    if (RE.toc.test(ln.text)) {
      inToc = true;
      tocN = 0;
      blocks.push({
        anchor: unique('toc'),
        kind: 'toc',
        start: ln.start,
        end: ln.end,
        level: 1,
        path: [],
        title: ln.text,
      });
      continue;
    }
    const h = cells.has(i) ? null : heading(ln.text);
    if (inToc) {
      // A TOC entry is a structural heading or a short title line that ends in a page number.
      if (h && (h.kind !== 'heading' || h.level === 7) && RE.tocEntry.test(ln.text)) {
        blocks.push({
          anchor: unique(`toc.${++tocN}`),
          kind: 'toc',
          start: ln.start,
          end: ln.end,
          level: 2,
          path: ['toc'],
          title: ln.text,
        });
        continue;
      }
      inToc = false;
    }
    if (h) {
      let anchor: string;
      if (h.kind === 'part') anchor = `pt${h.n}`;
      else if (h.kind === 'chapter') anchor = `ch${h.n}`;
      else if (h.kind === 'section') anchor = `${chapter || 'front'}.s${h.n}`;
      else if (h.kind === 'column') anchor = `col${h.n}`;
      else if (RE.notes.test(ln.text)) anchor = 'notes';
      else anchor = `${container}.h${count('h')}`;
      // Before the first structural heading, unnumbered lines are the document's title block.
      const kind = h.level === 7 && !seenBody ? 'title' : h.kind;
      stack = stack.filter((b) => b.level < h.level);
      const block: Block = {
        anchor: unique(anchor),
        kind,
        start: ln.start,
        end: ln.end,
        level: h.level,
        path: stack.map((b) => b.anchor),
        label: h.label || undefined,
        title: h.title,
      };
      if (!block.label) delete block.label;
      blocks.push(block);
      if (kind !== 'title' && kind !== 'heading') seenBody = true;
      if (h.kind !== 'heading' || block.anchor === 'notes') {
        seenBody = true;
        container = block.anchor;
        if (h.kind === 'chapter' || h.kind === 'part' || block.anchor === 'notes') chapter = block.anchor;
      }
      if (kind !== 'title') stack.push(block);
      continue;
    }
    // A paragraph; if it stops mid-sentence at a page-break note and the text goes on after the
    // note(s), join the pieces into one paragraph whose gaps are the chrome between them.
    const ranges: [number, number][] = [[ln.start, ln.end]];
    const chromeBlocks: Block[] = [];
    let j = i + 1;
    while (
      !TERMINAL.test(text.slice(ranges.at(-1)![0], ranges.at(-1)![1])) &&
      j < ls.length &&
      PAGE_BREAK.test(ls[j]!.text)
    ) {
      const breaks: Line[] = [];
      while (j < ls.length && PAGE_BREAK.test(ls[j]!.text)) breaks.push(ls[j++]!);
      const next = ls[j];
      if (!next || isChrome(next.text) || heading(next.text)) {
        j = i + 1;
        break;
      }
      for (const b of breaks) {
        chromeBlocks.push({ anchor: '', kind: 'chrome', start: b.start, end: b.end, level: 0, path: [] });
      }
      ranges.push([next.start, next.end]);
      i = j;
      j++;
    }
    const anchor = unique(`${container}.p${count('p')}`);
    const sentences = splitSentences(text, ranges).map((s, k) => ({ anchor: `${anchor}.s${k + 1}`, ...s }));
    const para: Block = {
      anchor,
      kind: 'paragraph',
      start: ranges[0]![0],
      end: ranges.at(-1)![1],
      level: 9,
      path: stack.map((b) => b.anchor),
      sentences,
    };
    if (ranges.length > 1) para.gaps = ranges.slice(1).map((r, k) => [ranges[k]![1], r[0]]);
    blocks.push(para);
    for (const c of chromeBlocks) blocks.push({ ...c, anchor: unique(`chrome${++chrome}`) });
  }
  blocks.sort((a, b) => a.start - b.start);
  return { plan, sha256, length: text.length, blocks };
}
