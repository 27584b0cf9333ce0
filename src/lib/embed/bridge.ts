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

/**
 * `content` is the element whose height the host should give the frame (the app's shell): its own
 * height, not the document's, which is never less than the frame and so could only ever grow.
 */
export function startBridge(
  allowed: string[],
  target: string,
  onmessage: (m: HostMessage) => void,
  content: HTMLElement = document.body,
): Bridge {
  const framed = window.parent !== window;
  const listener = (e: MessageEvent) => {
    if (!allowed.includes(e.origin) || e.source !== window.parent) return;
    const m = parseHostMessage(e.data);
    if (m) onmessage(m);
  };
  window.addEventListener('message', listener);

  // A parent page whose origin can be read is our own origin (the Embed dialog's preview): events
  // go to it only if it is the target. A cross-origin parent cannot be read; it gets them if it is
  // the host the frame was given (the browser drops them, with a console note, if it is not).
  const readable = (() => {
    try {
      return window.parent.location.origin;
    } catch {
      return null;
    }
  })();
  const deliver = framed && (readable === null ? target !== location.origin : readable === target);
  const post = (e: Payload<MapEvent>) => {
    if (deliver) window.parent.postMessage({ planAtlas: PROTOCOL, ...e }, target);
  };

  // Auto-height: the content's height whenever it changes (the feature panel opens or closes).
  let last = 0;
  const observer = new ResizeObserver(() => {
    const h = Math.ceil(content.getBoundingClientRect().height);
    if (h !== last) {
      last = h;
      post({ type: 'height', height: h });
    }
  });
  observer.observe(content);

  return {
    post,
    stop() {
      window.removeEventListener('message', listener);
      observer.disconnect();
    },
  };
}
