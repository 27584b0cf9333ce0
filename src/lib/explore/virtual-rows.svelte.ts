/**
 * The rows of a long list that are in sight, and a few either side: only those are in the page, so
 * a list of tens of thousands of places opens, sorts and scrolls as fast as one of a hundred.
 *
 * Rows are as tall as their text wraps (two lines, three for a long English plan title): each is
 * measured when drawn and when it resizes, by its key, so a height follows its place through a
 * new sort. Rows not yet drawn count at an estimate. When drawn rows above the top of the view turn
 * out taller or shorter than counted, the list is scrolled by the difference, so that what is in
 * sight stays still (the browser's own scroll anchoring is turned off on the scroller for that).
 */

export interface Row {
  index: number;
  /** px from the top of the list. */
  start: number;
}

export interface RowsState {
  count: number;
  /** A stable key per row (a place id). */
  key: (index: number) => string;
  /**
   * Rows kept in the page wherever the list is scrolled (the focused and the selected row): focus
   * would fall to the page if its row left it, and closing a panel returns focus to its row.
   */
  keep: number[];
}

export class VirtualRows {
  readonly #estimate: number;
  /** Rows drawn beyond each edge of the view. */
  readonly #overscan: number;
  #state = $state.raw<RowsState>({ count: 0, key: String, keep: [] });
  /** The scroller's scroll position and height. */
  #top = $state(0);
  #view = $state(0);
  /**
   * Measured heights by key, read for every row each time the list changes: a plain dictionary, not
   * reactive state (that would track every key); `#measured` counts its changes instead.
   */
  readonly #sizes: Record<string, number> = Object.create(null);
  #measured = $state(0);
  #el: HTMLElement | null = null;
  /** Measurements waiting to be applied together, as key, height. */
  #pending: [string, number][] = [];
  #observer: ResizeObserver | null = null;

  constructor(estimate: number, overscan: number) {
    this.#estimate = estimate;
    this.#overscan = overscan;
  }

  /** Where each row starts; one entry more, the whole height. */
  #offsets = $derived.by(() => {
    void this.#measured;
    const { count, key } = this.#state;
    const at = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) at[i + 1] = at[i]! + (this.#sizes[key(i)] ?? this.#estimate);
    return at;
  });

  /** The whole list's height (px). */
  height = $derived(this.#offsets[this.#state.count]!);

  /** The rows to draw, in order: those in sight, `overscan` either side, and those kept. */
  rows = $derived.by((): Row[] => {
    const at = this.#offsets;
    const { count, keep } = this.#state;
    if (!count) return [];
    const first = Math.max(0, this.#rowAt(this.#top) - this.#overscan);
    const last = Math.min(count - 1, this.#rowAt(this.#top + this.#view) + this.#overscan);
    const before = keep.filter((i, k) => i >= 0 && i < first && keep.indexOf(i) === k).sort((a, b) => a - b);
    const after = keep.filter((i, k) => i > last && i < count && keep.indexOf(i) === k).sort((a, b) => a - b);
    const drawn = [...before];
    for (let i = first; i <= last; i++) drawn.push(i);
    drawn.push(...after);
    return drawn.map((index) => ({ index, start: at[index]! }));
  });

  /** The row at a height (px from the top of the list): the last whose start is not below it. */
  #rowAt(y: number): number {
    const at = this.#offsets;
    let lo = 0;
    let hi = this.#state.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** What is listed: set whenever it changes. */
  set(state: RowsState): void {
    this.#state = state;
  }

  /** An attachment for the scroller: follows its scroll position and height. */
  attach = (el: HTMLElement): (() => void) => {
    this.#el = el;
    const read = () => {
      this.#top = el.scrollTop;
      this.#view = el.clientHeight;
    };
    read();
    el.addEventListener('scroll', read, { passive: true });
    const size = new ResizeObserver(read);
    size.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      size.disconnect();
      this.#observer?.disconnect();
      this.#observer = null;
      this.#el = null;
    };
  };

  /**
   * An attachment for each row element (with `data-key`): measured when first laid out and whenever
   * it resizes, by the observer, before the frame is drawn. (Read here, as it is put in the page, each
   * new row would force a layout of the page: a sort or a jump draws some twenty.)
   */
  measure = (row: HTMLElement): (() => void) => {
    this.#rowObserver().observe(row);
    return () => this.#observer?.unobserve(row);
  };

  #rowObserver(): ResizeObserver {
    return (this.#observer ??= new ResizeObserver((entries) => {
      for (const e of entries) this.#measure(e.target as HTMLElement);
    }));
  }

  #measure(row: HTMLElement): void {
    const key = row.dataset.key;
    const h = row.offsetHeight;
    if (!key || !h || this.#sizes[key] === h) return;
    // Measurements of one moment are applied together: one layout of the list, not one per row.
    if (!this.#pending.length) queueMicrotask(() => this.#apply());
    this.#pending.push([key, h]);
  }

  #apply(): void {
    // The first row in sight, and how far the view's top is into it: kept where it is on screen.
    const anchor = this.#rowAt(this.#top);
    const into = this.#top - (this.#offsets[anchor] ?? 0);
    for (const [key, h] of this.#pending) this.#sizes[key] = h;
    this.#pending = [];
    this.#measured++;
    const top = (this.#offsets[anchor] ?? 0) + into;
    if (this.#el && Math.abs(top - this.#top) >= 0.5) {
      this.#el.scrollTop = top;
      this.#top = this.#el.scrollTop;
    }
  }

  /** Scrolls as little as needed to bring a row wholly into sight. */
  scrollTo(index: number): void {
    const el = this.#el;
    if (!el || index < 0 || index >= this.#state.count) return;
    const start = this.#offsets[index]!;
    const end = this.#offsets[index + 1]!;
    let top = this.#top;
    if (start < top) top = start;
    else if (end > top + this.#view) top = end - this.#view;
    if (top === this.#top) return;
    el.scrollTop = top;
    // At once, not at the scroll event: the row is drawn in this update.
    this.#top = el.scrollTop;
  }

  /** The first row at least half in sight, or -1 when nothing is listed. */
  firstInSight(): number {
    if (!this.#state.count) return -1;
    const i = this.#rowAt(this.#top);
    const at = this.#offsets;
    return at[i]! + (at[i + 1]! - at[i]!) / 2 < this.#top && i + 1 < this.#state.count ? i + 1 : i;
  }

  /** How many rows fit in the view (at the estimate): the step of Page Up and Page Down. */
  get perView(): number {
    return Math.max(1, Math.floor(this.#view / this.#estimate) - 1);
  }
}
