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

export function stateHash(p: AppParams): string {
  return hashWith('#/', { ...p, tab: null });
}

export function iframeCode(base: string, p: AppParams, width: string, height: number, title: string): string {
  const src = `${base}?embed=1&h=${height}${stateHash(p)}`;
  return `<iframe src="${attr(src)}" width="${attr(width)}" height="${height}" style="border:0;max-width:100%" title="${attr(title)}" loading="lazy" allow="geolocation"></iframe>`;
}

export function responsiveCode(base: string, p: AppParams, height: number): string {
  const state = stateHash(p).replace(/^#\/\??/, '');
  return `<div data-plan-atlas="${attr(state)}" data-height="${height}"></div>\n<script src="${attr(base)}embed.js" async></script>`;
}
