/**
 * Printing the map. The WebGL canvas keeps no image between frames, so a print would show an empty
 * map: just before printing, the map is drawn once more and copied into an image that only print
 * shows, in the canvas's place. The legend is opened for the print too (and closed again after).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export function installPrintSnapshot(map: MapLibreMap): () => void {
  const img = document.createElement('img');
  img.className = 'print-snapshot';
  img.alt = '';
  map.getContainer().append(img);
  const folded: HTMLDetailsElement[] = [];
  const before = () => {
    // redraw() renders synchronously: the drawing buffer is still there to copy.
    map.redraw();
    img.src = map.getCanvas().toDataURL('image/png');
    for (const d of document.querySelectorAll<HTMLDetailsElement>('details.legend:not([open])')) {
      d.open = true;
      folded.push(d);
    }
  };
  const after = () => {
    img.removeAttribute('src');
    for (const d of folded.splice(0)) d.open = false;
  };
  addEventListener('beforeprint', before);
  addEventListener('afterprint', after);
  return () => {
    removeEventListener('beforeprint', before);
    removeEventListener('afterprint', after);
    img.remove();
  };
}
