/** Moves keyboard focus to the map (MapLibre's canvas takes the arrow and +/− keys), for skip links. */
export function focusMap(e?: Event): void {
  e?.preventDefault();
  window.planAtlas.map?.getCanvas().focus();
}
