import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadReference } from '../../pipeline/stages/reference.ts';
import { streetNet, STREET_NET_FILE } from '../../pipeline/reference/street-net.ts';
import { metres } from '../../pipeline/geocode/roads.ts';

const fresh = streetNet(loadReference('data/reference'));

describe('the street layer of the offline basemap', () => {
  test('the committed file is what `npm run data:streets` builds now', () => {
    expect(readFileSync(STREET_NET_FILE, 'utf8')).toBe(JSON.stringify(fresh) + '\n');
  });

  test('a road several bus lines share is drawn once: no two trace lines run along each other', () => {
    const traces = fresh.features.filter((f) => f.properties!.kind === 'trace');
    // Every vertex's nearest vertex on another trace line: a shared road drawn twice would put
    // many vertices within a few metres of another line's.
    const cells = new Map<string, { line: number; p: number[] }[]>();
    const key = (p: number[]) => `${Math.floor(p[0]! * 2000)}:${Math.floor(p[1]! * 2000)}`;
    traces.forEach((f, line) =>
      (f.geometry.coordinates as number[][]).forEach((p) => {
        const k = key(p);
        cells.set(k, [...(cells.get(k) ?? []), { line, p }]);
      }),
    );
    let close = 0;
    let all = 0;
    traces.forEach((f, line) =>
      (f.geometry.coordinates as number[][]).slice(1, -1).forEach((p) => {
        all++;
        if ((cells.get(key(p)) ?? []).some((o) => o.line !== line && metres(o.p, p) < 10)) close++;
      }),
    );
    expect(close / all).toBeLessThan(0.02);
  });

  test('names come from the geocoder: each named line lies near bus stops named after that road', () => {
    const ref = loadReference('data/reference');
    const named = fresh.features.filter((f) => f.properties!.kind === 'named');
    expect(named.length).toBeGreaterThan(50);
    for (const f of named) {
      const name = f.properties!.name as string;
      const stops = ref.stops.filter((s) => s.properties.name.includes(name)).map((s) => s.geometry.coordinates);
      const vertices = (f.geometry.coordinates as number[][][]).flat();
      const nearest = Math.min(...stops.flatMap((s) => vertices.map((v) => metres(s, v))));
      expect(nearest, name).toBeLessThan(150);
    }
  });
});
