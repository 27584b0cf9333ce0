/**
 * The embedded map's side of the host API: accepts host messages only from allowed origins and
 * only in the protocol's exact shapes (everything else is dropped silently), and posts events and
 * the page height to the host.
 */
import { parseHostMessage, PROTOCOL, type HostMessage, type MapEvent } from './protocol.ts';

type Payload<T> = T extends unknown ? Omit<T, 'planAtlas'> : never;

export interface Bridge {
  post(e: Payload<MapEvent>): void;
  stop(): void;
}

export function startBridge(allowed: string[], target: string, onmessage: (m: HostMessage) => void): Bridge {
  const framed = window.parent !== window;
  const listener = (e: MessageEvent) => {
    if (!allowed.includes(e.origin) || e.source !== window.parent) return;
    const m = parseHostMessage(e.data);
    if (m) onmessage(m);
  };
  window.addEventListener('message', listener);

  const post = (e: Payload<MapEvent>) => {
    if (framed) window.parent.postMessage({ planAtlas: PROTOCOL, ...e }, target);
  };

  // Auto-height: the page's height whenever it changes (e.g. the feature panel opens below the map).
  let last = 0;
  const observer = new ResizeObserver(() => {
    const h = Math.ceil(document.documentElement.scrollHeight);
    if (h !== last) {
      last = h;
      post({ type: 'height', height: h });
    }
  });
  observer.observe(document.body);

  return {
    post,
    stop() {
      window.removeEventListener('message', listener);
      observer.disconnect();
    },
  };
}
