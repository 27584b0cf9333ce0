/** Which places each sentence of a plan names (from the places' citations), for links in the reader. */
import type { Mention } from '../plans/highlight.ts';
import type { PlaceDetail } from '../contracts/places.ts';
import type { Place } from './catalog.ts';

/** The places that cite `plan`: their details are what the reader needs to link its sentences. */
export const citing = (places: Place[], plan: string): Place[] => places.filter((p) => p.plans.includes(plan));

export function mentionsByAnchor(
  places: Place[],
  details: Map<string, PlaceDetail>,
  plan: string,
): Map<string, Mention[]> {
  const by = new Map<string, Mention[]>();
  for (const p of places) {
    const terms = [p.name, ...p.aliases];
    for (const s of details.get(p.id)?.sources ?? []) {
      if (s.plan !== plan) continue;
      const list = by.get(s.anchor) ?? [];
      for (const term of terms) if (s.quote.includes(term)) list.push({ term, place: p.id });
      by.set(s.anchor, list);
    }
  }
  return by;
}
