/** Which places each sentence of a plan names (from the features' citations), for links in the reader. */
import type { Mention } from '../plans/highlight.ts';
import type { Place } from './catalog.ts';

export function mentionsByAnchor(places: Place[], plan: string): Map<string, Mention[]> {
  const by = new Map<string, Mention[]>();
  for (const p of places) {
    const terms = [p.feature.properties.name, ...p.feature.properties.aliases];
    for (const s of p.feature.properties.sources) {
      if (s.plan !== plan) continue;
      const list = by.get(s.anchor) ?? [];
      for (const term of terms) if (s.quote.includes(term)) list.push({ term, place: p.id });
      by.set(s.anchor, list);
    }
  }
  return by;
}
