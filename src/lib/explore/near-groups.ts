/**
 * Near-me helpers: rough places that share one placeholder position (several buildings a plan puts
 * in one zone, all at its centre) are grouped, so that one "510 m · ±3000 m" is said once for all of
 * them; and a centre that is a metro station is named.
 */
import type { NearPlace } from './near.ts';
import type { Station } from './stations.ts';

export interface SharedGroup {
  key: string;
  precision: number;
  items: NearPlace[];
}

/** The rows in order, consecutive rows at the same point with the same radius in one group. */
export function groupShared(rows: NearPlace[]): SharedGroup[] {
  const at = (n: NearPlace) => {
    const g = n.place.shape;
    return g.type === 'Point' ? `${g.coordinates[0]!.toFixed(5)},${g.coordinates[1]!.toFixed(5)}` : `id:${n.place.id}`;
  };
  const groups = new Map<string, SharedGroup>();
  for (const n of rows) {
    const key = `${at(n)}|${n.place.precision_m}`;
    const g = groups.get(key) ?? { key, precision: n.place.precision_m, items: [] };
    g.items.push(n);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** The station at `p` (within about 2 m), if the centre was chosen as one. */
export function stationAt(stations: Station[], p: [number, number]): string | null {
  const s = stations.find((x) => Math.abs(x.at[0] - p[0]) < 2e-5 && Math.abs(x.at[1] - p[1]) < 2e-5);
  return s ? s.name : null;
}
