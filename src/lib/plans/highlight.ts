/** Splits a string into plain and marked parts (rendered as text nodes, never as HTML). */
export interface Part {
  text: string;
  mark: boolean;
}

export function markQuote(text: string, q: string | null): Part[] {
  if (!q) return [{ text, mark: false }];
  const parts: Part[] = [];
  let at = 0;
  for (let i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + q.length)) {
    if (i > at) parts.push({ text: text.slice(at, i), mark: false });
    parts.push({ text: q, mark: true });
    at = i + q.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts.length ? parts : [{ text, mark: false }];
}

/** Marks [rs, re) of the original text inside a sentence spanning [start, end) (gaps removed). */
export function markRange(
  text: string,
  start: number,
  end: number,
  gaps: [number, number][] = [],
  range: [number, number] | null,
): Part[] {
  const parts: Part[] = [];
  const push = (t: string, mark: boolean) => {
    if (!t) return;
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += t;
    else parts.push({ text: t, mark });
  };
  const segments: [number, number][] = [];
  let at = start;
  for (const [gs, ge] of gaps) {
    segments.push([at, gs]);
    at = ge;
  }
  segments.push([at, end]);
  for (const [s, e] of segments) {
    if (!range || range[1] <= s || range[0] >= e) {
      push(text.slice(s, e), false);
      continue;
    }
    const ms = Math.max(s, range[0]);
    const me = Math.min(e, range[1]);
    push(text.slice(s, ms), false);
    push(text.slice(ms, me), true);
    push(text.slice(me, e), false);
  }
  return parts;
}

export interface Mention {
  term: string;
  place: string;
}

/** Splits parts further at place names (longest first), tagging each name with its place id. */
export function linkPlaces(parts: Part[], mentions: Mention[]): (Part & { place?: string })[] {
  if (!mentions.length) return parts;
  const sorted = [...mentions].sort((a, b) => b.term.length - a.term.length);
  const out: (Part & { place?: string })[] = [];
  for (const part of parts) {
    let rest = part.text;
    while (rest) {
      let best: { at: number; m: Mention } | null = null;
      for (const m of sorted) {
        const at = rest.indexOf(m.term);
        if (at >= 0 && (!best || at < best.at)) best = { at, m };
      }
      if (!best) {
        out.push({ text: rest, mark: part.mark });
        break;
      }
      if (best.at > 0) out.push({ text: rest.slice(0, best.at), mark: part.mark });
      out.push({ text: best.m.term, mark: part.mark, place: best.m.place });
      rest = rest.slice(best.at + best.m.term.length);
    }
  }
  return out;
}
