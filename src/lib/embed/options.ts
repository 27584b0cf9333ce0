/**
 * Embed mode and its options, from the page's query string (the state itself is in the hash):
 *   ?embed=1              chrome-less embed
 *   &host=<origin>        the embedding page's origin: allowed to send messages, and where events go
 *   &links=blank|parent   where links open (new tab, default; or the parent page)
 *   &controls=legend,nav,basemap,areas,fullmap   which controls show (default legend,nav,fullmap)
 *   &h=<px>               map height (default 450) when the host sizes the frame to its content
 *   &auto=1               the host sizes the frame to the page (embed.js does): the feature panel
 *                         flows below the map. Without it (a plain iframe) the map fills the frame
 *                         and the panel shares the frame with it.
 */
import { originOf } from './protocol.ts';

export const CONTROLS = ['legend', 'nav', 'basemap', 'areas', 'fullmap'] as const;
export type Control = (typeof CONTROLS)[number];

export interface EmbedOptions {
  embed: boolean;
  host: string | null;
  links: 'blank' | 'parent';
  controls: Control[];
  height: number;
  auto: boolean;
}

/** The map height of an embed: 200–2000 px (a value outside is brought into range), else 450. */
export const embedHeight = (h: number | undefined): number =>
  h !== undefined && Number.isFinite(h) && h > 0 ? Math.min(2000, Math.max(200, h)) : 450;

export function parseEmbedOptions(search: string): EmbedOptions {
  const q = new URLSearchParams(search);
  const controls = q.has('controls')
    ? (q.get('controls') ?? '').split(',').filter((c): c is Control => (CONTROLS as readonly string[]).includes(c))
    : (['legend', 'nav', 'fullmap'] as Control[]);
  const h = Number(q.get('h'));
  return {
    embed: q.get('embed') === '1',
    host: originOf(q.get('host')),
    links: q.get('links') === 'parent' ? 'parent' : 'blank',
    controls,
    height: embedHeight(h),
    auto: q.get('auto') === '1',
  };
}

/** Origins whose messages the embedded map accepts: its own, the host's, and any configured. */
export function allowedOrigins(o: EmbedOptions, self: string, configured: string[] = []): string[] {
  return [...new Set([self, ...(o.host ? [o.host] : []), ...configured.map(originOf).filter((x): x is string => !!x)])];
}

/** The full app's URL for the same state (the embed's own URL without the embed options). */
export function fullAppUrl(href: string): string {
  const u = new URL(href);
  u.search = '';
  return u.href;
}
