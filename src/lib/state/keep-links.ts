/**
 * In-app links (`href="#/…"`) carry the app's shareable state (filters, view, basemap, language)
 * along, so opening the reader and coming back keeps what the user had set. One listener, so no
 * component has to rebuild its links when that state changes.
 */
import { keepParams } from './params.ts';

export function keepStateOnLinks(): void {
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a[href^="#/"]');
    if (!a || a.getAttribute('target')) return;
    const next = keepParams(a.getAttribute('href')!, location.hash);
    if (next === a.getAttribute('href')) return;
    e.preventDefault();
    location.hash = next;
  });
}
