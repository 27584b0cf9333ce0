/**
 * Full-text search across the plans: plain substring matching on the clean text of each
 * sentence (chrome removed). At this corpus size (~100k characters) a linear scan is fast.
 */
import { cleanSlice } from '../contracts/plan.ts';
import type { LoadedPlan } from './corpus.ts';

export interface Hit {
  plan: string;
  planTitle: string;
  anchor: string;
  /** Sentence text split around the hit, for safe rendering (never as HTML). */
  before: string;
  match: string;
  after: string;
}

export function searchPlans(plans: LoadedPlan[], query: string, limit = 200): Hit[] {
  const q = query.trim();
  if (!q) return [];
  const hits: Hit[] = [];
  for (const p of plans) {
    for (const b of p.outline.blocks) {
      for (const s of b.sentences ?? []) {
        const text = cleanSlice(p.text, s.start, s.end, s.gaps);
        const at = text.indexOf(q);
        if (at < 0) continue;
        hits.push({
          plan: p.meta.id,
          planTitle: p.meta.short_title,
          anchor: s.anchor,
          before: text.slice(Math.max(0, at - 40), at),
          match: text.slice(at, at + q.length),
          after: text.slice(at + q.length, at + q.length + 60),
        });
        if (hits.length >= limit) return hits;
      }
    }
  }
  return hits;
}
