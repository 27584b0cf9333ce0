/** Places of several plans as one list: the same physical place (same key) is one place for all of them. */
import type { GeoPlace } from './geocode.ts';

export function mergePlaces(perPlan: GeoPlace[][]): GeoPlace[] {
  const byKey = new Map<string, GeoPlace>();
  for (const places of perPlan)
    for (const p of places) {
      const have = byKey.get(p.key);
      if (!have) {
        byKey.set(p.key, { ...p, mentions: [...p.mentions], names: new Set(p.names), themes: new Set(p.themes) });
        continue;
      }
      have.mentions.push(...p.mentions);
      for (const n of p.names) have.names.add(n);
      for (const t of p.themes) have.themes.add(t);
      if (p.figures && !have.curated) have.figures = { ...have.figures, ...p.figures };
    }
  return [...byKey.values()];
}
