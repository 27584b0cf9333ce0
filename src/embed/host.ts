/**
 * embed.js: the host page's script. It turns every `<div data-plan-atlas="…state…">` into an
 * iframe of the map, sizes it from the map's height messages, and gives each one a small API.
 * The API is safe to use before the script has loaded (it is usually loaded `async`): queue a
 * function, which runs with the API once it is there (at once if it already is):
 *
 *   (window.PlanAtlas = window.PlanAtlas || []).push((PlanAtlas) => { … });
 *   div.addEventListener('plan-atlas:ready', () => { const atlas = PlanAtlas.get(div); … });
 *
 *   const atlas = PlanAtlas.get(div)            // or PlanAtlas.embed(div, { state, height })
 *   atlas.on('select', (e) => …)                // 'ready' | 'select' | 'viewchange' | 'height'
 *   atlas.setFilters({ plans: ['heping-2016-fyp'] }); atlas.select('wudadao-zone');
 *   atlas.fitTo('wudadao-zone');  atlas.fitTo([117.1, 39.0, 117.3, 39.2]);  atlas.setLanguage('en');
 *
 * Events are also dispatched on the div as DOM events named `plan-atlas:<type>`.
 * Built on its own (vite.embed.config.ts) as a classic script, so hosts need no module support.
 */
import { parseMapEvent, PROTOCOL, type FilterPatch, type MapEvent } from '../lib/embed/protocol.ts';
import { embedHeight } from '../lib/embed/options.ts';

type EventType = MapEvent['type'];
type Listener = (e: MapEvent) => void;

export interface EmbedOptions {
  /** The app state as hash parameters, e.g. "plans=heping-2016-fyp&sel=wudadao-zone&lang=en". */
  state?: string;
  height?: number;
  controls?: string;
  links?: 'blank' | 'parent';
  title?: string;
}

const script = document.currentScript as HTMLScriptElement | null;
const BASE = new URL('.', script?.src ?? location.href).href;
const instances = new Map<HTMLElement, Atlas>();

class Atlas {
  readonly iframe: HTMLIFrameElement;
  readonly origin: string;
  private listeners = new Map<EventType, Set<Listener>>();
  private ready = false;
  private queue: object[] = [];
  private readonly height: number;

  constructor(
    readonly element: HTMLElement,
    opts: EmbedOptions,
  ) {
    // auto=1: this script sizes the frame to the page, so the feature panel can flow below the map.
    // The same range as the map's own (h=): a height out of it is brought into it.
    this.height = embedHeight(opts.height);
    const q = new URLSearchParams({ embed: '1', host: location.origin, h: String(this.height), auto: '1' });
    if (opts.controls) q.set('controls', opts.controls);
    if (opts.links) q.set('links', opts.links);
    const src = new URL(`?${q}#/${opts.state ? `?${opts.state.replace(/^[#/?]+/, '')}` : ''}`, BASE);
    this.origin = src.origin;
    const f = document.createElement('iframe');
    f.src = src.href;
    f.title = opts.title ?? '规划图谱 Plan Atlas';
    f.loading = 'lazy';
    f.allow = 'geolocation';
    f.style.cssText = `border:0;width:100%;display:block;height:${this.height + 4}px`;
    this.iframe = f;
    element.replaceChildren(f);
    window.addEventListener('message', this.receive);
  }

  private receive = (e: MessageEvent) => {
    if (e.source !== this.iframe.contentWindow || e.origin !== this.origin) return;
    const ev = parseMapEvent(e.data);
    if (!ev) return;
    // Bounded: the map's panel is compact, so anything taller is a fault, not content.
    if (ev.type === 'height') this.iframe.style.height = `${Math.min(ev.height, this.height + 600)}px`;
    if (ev.type === 'ready') {
      this.ready = true;
      for (const m of this.queue.splice(0)) this.send(m);
    }
    this.listeners.get(ev.type)?.forEach((l) => l(ev));
    this.element.dispatchEvent(new CustomEvent(`plan-atlas:${ev.type}`, { detail: ev }));
  };

  private send(m: object): void {
    if (!this.ready) this.queue.push(m);
    else this.iframe.contentWindow?.postMessage({ planAtlas: PROTOCOL, ...m }, this.origin);
  }

  on(type: EventType, l: Listener): this {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(l);
    return this;
  }
  off(type: EventType, l: Listener): this {
    this.listeners.get(type)?.delete(l);
    return this;
  }
  setFilters(filters: FilterPatch): void {
    this.send({ type: 'setFilters', filters });
  }
  select(id: string | null): void {
    this.send({ type: 'select', id });
  }
  fitTo(target: string | [number, number, number, number]): void {
    this.send(typeof target === 'string' ? { type: 'fitTo', id: target } : { type: 'fitTo', bbox: target });
  }
  setLanguage(lang: 'zh' | 'en'): void {
    this.send({ type: 'setLanguage', lang });
  }
  destroy(): void {
    window.removeEventListener('message', this.receive);
    this.iframe.remove();
    instances.delete(this.element);
  }
}

function embed(el: HTMLElement, opts: EmbedOptions = {}): Atlas {
  const existing = instances.get(el);
  if (existing) return existing;
  const a = new Atlas(el, opts);
  instances.set(el, a);
  return a;
}

/** The map of a `data-plan-atlas` element, made from its attributes. */
function fromData(el: HTMLElement): Atlas {
  const d = el.dataset;
  const height = Number(d.height);
  return embed(el, {
    state: d.planAtlas ?? '',
    height: height > 0 ? height : undefined,
    controls: d.controls,
    links: d.links === 'parent' ? 'parent' : undefined,
    title: d.title,
  });
}

function scan(): void {
  document.querySelectorAll<HTMLElement>('[data-plan-atlas]').forEach(fromData);
}

/** A `data-plan-atlas` element the scan has not reached yet (still being parsed) is embedded on demand. */
const get = (el: HTMLElement | null | undefined): Atlas | undefined =>
  el ? (instances.get(el) ?? (el.hasAttribute?.('data-plan-atlas') ? fromData(el) : undefined)) : undefined;

type Queued = (planAtlas: typeof api) => void;
const run = (f: unknown) => {
  if (typeof f !== 'function') return;
  try {
    (f as Queued)(api);
  } catch (e) {
    // One host callback's error must not stop the others.
    setTimeout(() => {
      throw e;
    });
  }
};
const api = {
  version: PROTOCOL,
  embed,
  get,
  scan,
  /** Runs `f` with the API: the same call works before this script has loaded (see the top). */
  push(...fs: Queued[]): number {
    fs.forEach(run);
    return 0;
  },
};
const w = window as unknown as { PlanAtlas?: unknown };
const loaded = w.PlanAtlas as Partial<typeof api> | unknown[] | undefined;
if (loaded && !Array.isArray(loaded) && typeof loaded.scan === 'function') {
  // embed.js is already on the page (the code pasted twice): keep that API and the maps it gave out,
  // and only embed what is new.
  loaded.scan();
} else {
  const queued = Array.isArray(loaded) ? loaded : [];
  w.PlanAtlas = api;
  // Elements before this script can be embedded now (so an inline script after it can use them);
  // the rest once the document is parsed. Queued callbacks run after the first scan.
  scan();
  queued.forEach(run);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
}
