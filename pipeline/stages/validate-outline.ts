/** Checks an outline against its text before it is written: ranges in bounds, ordered, unique anchors. */
import type { Outline } from '../../src/lib/contracts/plan.ts';
import { PipelineError } from '../errors.ts';

export function validateOutline(o: Outline, text: string): void {
  const seen = new Set<string>();
  const fail = (anchor: string, rule: string) => {
    throw new PipelineError(`outline ${o.plan}, anchor ${anchor}: ${rule}`);
  };
  let prev = -1;
  for (const b of o.blocks) {
    for (const id of [b.anchor, ...(b.sentences ?? []).map((s) => s.anchor)]) {
      if (!/^[A-Za-z0-9.~-]+$/.test(id)) fail(id, 'anchor is not URL-safe');
      if (seen.has(id)) fail(id, 'duplicate anchor');
      seen.add(id);
    }
    if (!(b.start >= 0 && b.end <= text.length && b.start < b.end)) fail(b.anchor, `bad range [${b.start}, ${b.end})`);
    if (b.start < prev) fail(b.anchor, 'blocks out of order');
    prev = b.start;
    if (text.slice(b.start, b.end).trim() !== text.slice(b.start, b.end))
      fail(b.anchor, 'range has surrounding white space');
    for (const s of b.sentences ?? []) {
      if (s.start < b.start || s.end > b.end || s.start >= s.end) fail(s.anchor, 'sentence outside its paragraph');
    }
  }
}
