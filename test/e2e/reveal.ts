/**
 * Whether a chosen place is seen: drawn whole inside the map, big enough, and with no panel (any
 * element marked `data-covers-map`) over its centre.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { mapIdle } from './harness.ts';

export type BBox = [number, number, number, number];

/** The extent of a published place, from data/geojson. */
export function placeBox(id: string): BBox {
  for (const f of ['zones', 'sites', 'corridors']) {
    const fc = JSON.parse(readFileSync(`data/geojson/${f}.geojson`, 'utf8')) as {
      features: { id: string; geometry: { coordinates: unknown } }[];
    };
    const hit = fc.features.find((x) => x.id === id);
    if (!hit) continue;
    const pts: number[][] = [];
    const walk = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === 'number') pts.push(c as number[]);
      else if (Array.isArray(c)) c.forEach(walk);
    };
    walk(hit.geometry.coordinates);
    const xs = pts.map((p) => p[0]!);
    const ys = pts.map((p) => p[1]!);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  }
  throw new Error(`no place ${id}`);
}

export interface OnScreen {
  zoom: number;
  /** The place's box on screen, and the map's. */
  box: BBox;
  map: BBox;
  /** Covering elements (panels, legend) over the centre of the place. */
  coveredBy: string[];
}

/** Where a place's box is drawn in the map of `frame`, and what covers its centre. */
export async function onScreen(frame: Frame | Page, b: BBox): Promise<OnScreen> {
  await mapIdle(frame);
  return frame.evaluate((b) => {
    const map = window.planAtlas.map!;
    const r = map.getContainer().getBoundingClientRect();
    const sw = map.project([b[0], b[1]]);
    const ne = map.project([b[2], b[3]]);
    const box: [number, number, number, number] = [r.left + sw.x, r.top + ne.y, r.left + ne.x, r.top + sw.y];
    const cx = (box[0] + box[2]) / 2;
    const cy = (box[1] + box[3]) / 2;
    const coveredBy = [...document.querySelectorAll<HTMLElement>('[data-covers-map]')]
      .filter((e) => {
        const c = e.getBoundingClientRect();
        return c.width > 0 && cx >= c.left && cx <= c.right && cy >= c.top && cy <= c.bottom;
      })
      .map((e) => e.dataset.testid ?? e.className);
    return { zoom: map.getZoom(), box, map: [r.left, r.top, r.right, r.bottom], coveredBy };
  }, b);
}

/** The place is in the visible part of the map, whole, and big enough to see. */
export function expectRevealed(s: OnScreen, what: string): void {
  if (process.env.DEBUG_REVEAL) console.log(what, JSON.stringify(s));
  const [x0, y0, x1, y1] = s.box;
  const [mx0, my0, mx1, my1] = s.map;
  expect(s.coveredBy, `${what}: nothing covers its centre`).toEqual([]);
  expect(x0 >= mx0 - 2 && x1 <= mx1 + 2 && y0 >= my0 - 2 && y1 <= my1 + 2, `${what}: whole within the map`).toBe(true);
  const seen = Math.max(x1 - x0, y1 - y0);
  expect(seen >= 40 || s.zoom >= 14, `${what}: ${seen.toFixed(0)} px at zoom ${s.zoom.toFixed(1)}`).toBe(true);
}
