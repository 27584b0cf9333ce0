/**
 * Camera padding from what actually covers the map: every element marked `data-covers-map` (the
 * feature panel, the legend, the phone sheet, the embed's link to the full map) takes the side of
 * the map it hugs, so a place brought into view lands in the part of the map that can be seen.
 */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

type Rect = Pick<DOMRect, 'left' | 'top' | 'right' | 'bottom'>;

/** Space always kept clear around a framed place. */
export const MARGIN = 30;

/**
 * The padding for `map` (the map's box) given the boxes that cover it. A cover spanning most of
 * the map's height takes its left or right side, one spanning most of its width the top or
 * bottom; a corner box (the legend) takes the side that costs the map least. At least `keep`
 * pixels of the map stay free in each direction, whatever covers it.
 */
export function paddingFrom(map: Rect, covers: Rect[], keep = 160): Padding {
  const w = map.right - map.left;
  const h = map.bottom - map.top;
  const pad: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const c of covers) {
    const l = Math.max(c.left, map.left);
    const r = Math.min(c.right, map.right);
    const t = Math.max(c.top, map.top);
    const b = Math.min(c.bottom, map.bottom);
    if (r - l < 1 || b - t < 1) continue;
    const options: [keyof Padding, number][] = [
      ['left', r - map.left],
      ['right', map.right - l],
      ['top', b - map.top],
      ['bottom', map.bottom - t],
    ];
    // The side whose padding hides the least of the map, as a share of that dimension.
    const share = ([side, px]: [keyof Padding, number]) => px / (side === 'left' || side === 'right' ? w : h);
    const [side, px] = options.sort((x, y) => share(x) - share(y))[0]!;
    pad[side] = Math.max(pad[side], px);
  }
  const shrinkToFit = (a: keyof Padding, b: keyof Padding, size: number) => {
    const room = size - keep - 2 * MARGIN;
    const used = pad[a] + pad[b];
    if (used > room && used > 0) {
      const k = Math.max(0, room) / used;
      pad[a] *= k;
      pad[b] *= k;
    }
  };
  shrinkToFit('left', 'right', w);
  shrinkToFit('top', 'bottom', h);
  return {
    top: Math.round(pad.top + MARGIN),
    right: Math.round(pad.right + MARGIN),
    bottom: Math.round(pad.bottom + MARGIN),
    left: Math.round(pad.left + MARGIN),
  };
}

/** The padding for the map in `container`, from the covering elements now on the page. */
export function coverPadding(container: HTMLElement): Padding {
  // MapLibre's attribution sits over the map's corner too.
  const covers = [...document.querySelectorAll<HTMLElement>('[data-covers-map], .maplibregl-ctrl-attrib')]
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0);
  return paddingFrom(container.getBoundingClientRect(), covers);
}
