/** Wires the embed bridge to the app: host messages become app actions. */
import type { AppState } from '../state/app.svelte.ts';
import type { BBox } from '../explore/catalog.ts';
import { loadConfig } from '../data/config.ts';
import { allowedOrigins, type EmbedOptions } from './options.ts';
import { startBridge, type Bridge } from './bridge.ts';
import type { HostMessage } from './protocol.ts';

export interface EmbedActions {
  select: (id: string | null) => void;
  fitPlace: (id: string) => void;
  fitBox: (b: BBox) => void;
}

export async function connectEmbed(
  app: AppState,
  opts: EmbedOptions,
  act: EmbedActions,
  content: HTMLElement,
): Promise<Bridge> {
  const config = await loadConfig();
  const allowed = allowedOrigins(opts, location.origin, config.embed?.allowedOrigins);
  const handle = (m: HostMessage) => {
    if (m.type === 'setFilters') app.set({ filters: { ...app.params.filters, ...m.filters } });
    else if (m.type === 'select') act.select(m.id);
    else if (m.type === 'fitTo') {
      if ('id' in m) act.fitPlace(m.id);
      else act.fitBox(m.bbox);
    } else if (m.type === 'setLanguage') app.set({ lang: m.lang });
  };
  return startBridge(allowed, opts.host ?? location.origin, handle, content);
}
