import { describe, expect, test } from 'vitest';
import { MARGIN, paddingFrom } from '../../src/lib/map/camera.ts';

const map = { left: 0, top: 0, right: 1000, bottom: 600 };

describe('camera padding from what covers the map', () => {
  test('nothing covers it: the margin only', () => {
    expect(paddingFrom(map, [])).toEqual({ top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN });
  });

  test('a panel down the right side takes the right; a phone sheet the bottom', () => {
    expect(paddingFrom(map, [{ left: 560, top: 10, right: 960, bottom: 570 }]).right).toBe(440 + MARGIN);
    const sheet = paddingFrom(map, [{ left: 0, top: 330, right: 1000, bottom: 600 }]);
    expect(sheet).toMatchObject({ bottom: 270 + MARGIN, left: MARGIN, right: MARGIN, top: MARGIN });
  });

  test('a corner box (the legend) takes the side that costs the map least', () => {
    // 200 of 1000 px wide vs 350 of 600 px high: the left side.
    expect(paddingFrom(map, [{ left: 10, top: 240, right: 210, bottom: 590 }])).toMatchObject({
      left: 210 + MARGIN,
      bottom: MARGIN,
    });
  });

  test('covers outside the map count for nothing, and some map always stays free', () => {
    expect(paddingFrom(map, [{ left: -400, top: 0, right: -10, bottom: 600 }]).left).toBe(MARGIN);
    const p = paddingFrom(map, [
      { left: 0, top: 0, right: 1000, bottom: 400 },
      { left: 0, top: 300, right: 1000, bottom: 600 },
    ]);
    expect(600 - p.top - p.bottom).toBeGreaterThanOrEqual(160);
  });
});
