/** The embed code for a state: a plain iframe of a chosen size, or the responsive embed.js form. */
import { hashWith, type AppParams } from '../state/params.ts';

export const SIZES = [
  { id: 's', width: '600', height: 400 },
  { id: 'm', width: '800', height: 500 },
  { id: 'l', width: '1000', height: 650 },
  { id: 'full', width: '100%', height: 500 },
] as const;

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The app's base URL (where index.html and embed.js live). */
export const appBase = (href: string): string => new URL('.', href).href;

/**
 * The state an embed is given. The view is left out when there is a selection or a filter: the
 * embed frames those itself, at its own size (the full app's zoom would be wrong in a phone-width
 * frame); with neither, the view is all there is to say what to show.
 */
export function stateHash(p: AppParams): string {
  const framed = p.sel !== null || Object.values(p.filters).some((v) => v.length > 0);
  return hashWith('#/', { ...p, tab: null, ...(framed ? { view: null } : {}) });
}

/**
 * The plain iframe's address. `host` (the portal's origin) lets that page use the message API;
 * without it the frame is a map only.
 */
export function iframeSrc(base: string, p: AppParams, height: number, host: string | null): string {
  const q = new URLSearchParams({ embed: '1', h: String(height) });
  if (host) q.set('host', host);
  return `${base}?${q}${stateHash(p)}`;
}

export function iframeCode(
  base: string,
  p: AppParams,
  width: string,
  height: number,
  title: string,
  host: string | null = null,
): string {
  const src = iframeSrc(base, p, height, host);
  return `<iframe src="${attr(src)}" width="${attr(width)}" height="${height}" style="border:0;max-width:100%" title="${attr(title)}" loading="lazy" allow="geolocation"></iframe>`;
}

/** What embed.js makes of the responsive code (for the dialog's preview). */
export function responsiveSrc(base: string, p: AppParams, height: number): string {
  return `${base}?embed=1&h=${height}&auto=1${stateHash(p)}`;
}

/**
 * The responsive code: the element, embed.js loaded async, and the host API used the way that
 * works whether or not embed.js has loaded yet (a queued callback).
 */
export function responsiveCode(
  base: string,
  p: AppParams,
  height: number,
  api: { comment: string; id?: string },
): string {
  const state = stateHash(p).replace(/^#\/\??/, '');
  const id = api.id ?? 'plan-atlas';
  return [
    `<div id="${attr(id)}" data-plan-atlas="${attr(state)}" data-height="${height}"></div>`,
    `<script src="${attr(base)}embed.js" async></script>`,
    `<script>`,
    `  // ${api.comment}`,
    `  (window.PlanAtlas = window.PlanAtlas || []).push(function (PlanAtlas) {`,
    `    var atlas = PlanAtlas.get(document.getElementById('${attr(id)}'));`,
    `    atlas.on('select', function (e) { /* e.id, e.name */ });`,
    `  });`,
    `</script>`,
  ].join('\n');
}
